package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node cell-model. */
public final class CellModelNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "cell-model";
    }
}
