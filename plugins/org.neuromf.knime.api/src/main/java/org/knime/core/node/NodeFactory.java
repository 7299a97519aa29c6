package org.knime.core.node;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public abstract class NodeFactory<T extends NodeModel> {
    protected NodeFactory() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    public abstract NodeView<T> createNodeView(final int viewIndex, final T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();
}
