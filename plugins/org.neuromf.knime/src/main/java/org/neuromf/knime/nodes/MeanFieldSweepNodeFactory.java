package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node mean-field-sweep. */
public final class MeanFieldSweepNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "mean-field-sweep";
    }
}
