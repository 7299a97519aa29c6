package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node network-builder. */
public final class NetworkBuilderNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "network-builder";
    }
}
