package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node transfer-function-scan. */
public final class TransferFunctionScanNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "transfer-function-scan";
    }
}
