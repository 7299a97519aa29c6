package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node sweep-plot. */
public final class SweepPlotNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "sweep-plot";
    }
}
