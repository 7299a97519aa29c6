package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node transfer-function-fit. */
public final class TransferFunctionFitNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "transfer-function-fit";
    }
}
