package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node self-consistent-transfer. */
public final class SelfConsistentTransferNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "self-consistent-transfer";
    }
}
