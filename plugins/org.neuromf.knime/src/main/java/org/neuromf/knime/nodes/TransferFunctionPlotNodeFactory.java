package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node transfer-function-plot. */
public final class TransferFunctionPlotNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "transfer-function-plot";
    }
}
