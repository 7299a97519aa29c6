package org.neuromf.knime;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.neuromf.workflow.NodeSpec;
import org.neuromf.workflow.Nodes;

/**
 * The factory of a NeuroMF node, made from its id; each node's factory is this with its id, beside
 * its description {@code <Factory>.xml} and icon. The id is a method, not a field, because KNIME's
 * factory constructor may already ask for views and dialogs.
 */
public abstract class OperationNodeFactory extends NodeFactory<OperationNodeModel> {

    /** The id of the node's operation or plot. */
    protected abstract String nodeId();

    private NodeSpec node() {
        return Nodes.get(nodeId());
    }

    @Override
    public OperationNodeModel createNodeModel() {
        return new OperationNodeModel(node());
    }

    @Override
    protected int getNrNodeViews() {
        return node().hasView() ? 1 : 0;
    }

    @Override
    public NodeView<OperationNodeModel> createNodeView(int viewIndex, OperationNodeModel nodeModel) {
        return new ChartNodeView(nodeModel);
    }

    @Override
    protected boolean hasDialog() {
        return !node().parameters().isEmpty();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new OperationNodeDialog(node());
    }
}
