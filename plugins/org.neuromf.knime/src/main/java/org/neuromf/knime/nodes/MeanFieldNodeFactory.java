package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node mean-field. */
public final class MeanFieldNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "mean-field";
    }
}
