package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node compare. */
public final class CompareNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "compare";
    }
}
