package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node transfer-function-coefficients. */
public final class TransferFunctionCoefficientsNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "transfer-function-coefficients";
    }
}
