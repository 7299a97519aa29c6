package org.neuromf.core.simulation;

import org.neuromf.core.util.Exp;

/**
 * How a variable x with {@code dx/dt = (x_inf - x)/tau}, its coefficients frozen at the start of
 * the step, is advanced over one step: {@code x <- x_inf + (x - x_inf) decay(dt/tau)}.
 */
public enum Integrator {
    /** Exact relaxation over the step, {@code decay = exp(-dt/tau)}: stable at any dt (the default). */
    EXPONENTIAL_EULER,
    /** {@code decay = 1 - dt/tau}: the authors' single-neuron scripts; needs dt far below every tau. */
    FORWARD_EULER;

    /** The factor by which the distance to the steady state shrinks over a step of {@code z = dt/tau}. */
    double decay(double z) {
        return this == FORWARD_EULER ? 1 - z : Exp.exp(-z);
    }

    /** {@code 1 - decay(z)}, accurate for small z. */
    double gain(double z) {
        return this == FORWARD_EULER ? z : -Math.expm1(-z);
    }
}
