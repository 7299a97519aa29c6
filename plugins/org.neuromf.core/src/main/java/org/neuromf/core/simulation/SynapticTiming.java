package org.neuromf.core.simulation;

/** When a synaptic event that falls inside a time step enters its target's conductance. */
public enum SynapticTiming {
    /**
     * At its own time: an external event at a uniform time within its step, a spike at the
     * interpolated crossing of its threshold, each decayed by the rest of the step when it is added
     * at the step's end, as the transfer-function scan places its input events.
     */
    EXACT,
    /** Whole, at the end of its step: Brian2's clock-driven delivery. */
    STEP
}
