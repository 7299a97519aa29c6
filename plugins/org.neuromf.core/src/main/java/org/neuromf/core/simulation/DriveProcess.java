package org.neuromf.core.simulation;

/** How external events are drawn in each time step. */
public enum DriveProcess {
    /** Poisson counts per neuron and step: the exact process the transfer function assumes. */
    POISSON,
    /** At most one event per neuron and step, with probability rate*dt: the authors' scripts. */
    BERNOULLI
}
