package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node stimulus-waveform. */
public final class StimulusWaveformNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "stimulus-waveform";
    }
}
