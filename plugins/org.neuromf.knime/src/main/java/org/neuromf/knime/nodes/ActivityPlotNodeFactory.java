package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node activity-plot. */
public final class ActivityPlotNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "activity-plot";
    }
}
