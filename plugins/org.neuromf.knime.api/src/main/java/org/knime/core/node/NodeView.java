package org.knime.core.node;

import java.awt.Component;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public abstract class NodeView<T extends NodeModel> {
    protected NodeView(final T nodeModel) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    protected T getNodeModel() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    protected final void setComponent(final Component comp) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    protected abstract void modelChanged();

    protected abstract void onClose();

    protected abstract void onOpen();
}
