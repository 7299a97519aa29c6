package org.neuromf.core.simulation;

/** A simulation that cannot go on, such as an integration that produced NaN; nothing is returned. */
public final class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulationException(String message) {
        super(message);
    }
}
