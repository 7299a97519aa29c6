package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node network-sweep. */
public final class NetworkSweepNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "network-sweep";
    }
}
