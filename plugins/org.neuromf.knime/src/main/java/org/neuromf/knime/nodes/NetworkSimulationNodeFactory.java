package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node network-simulation. */
public final class NetworkSimulationNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "network-simulation";
    }
}
