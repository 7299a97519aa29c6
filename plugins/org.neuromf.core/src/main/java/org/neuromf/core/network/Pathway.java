package org.neuromf.core.network;

import org.neuromf.core.param.ParameterException;

/**
 * Synapses from population {@code pre} onto population {@code post}, connection probability
 * {@code probability} and in-degree rule {@code inDegree} (no autapses within a population): independent
 * Bernoulli(p) connections, or exactly K = round(p N_pre) per neuron; each spike adding {@code q} to the target's
 * conductance of this presynaptic population, which decays with {@code tau} and drives towards
 * {@code eRev}. SI.
 */
public record Pathway(String pre, String post, double probability, InDegree inDegree, double q, double tau,
        double eRev) {

    public Pathway {
        String where = "pathway " + pre + " -> " + post;
        if (!(probability >= 0 && probability <= 1)) {
            throw ParameterException.outOfRange("p_from_" + pre, probability, "[0, 1]", where);
        }
        if (inDegree == null) {
            throw new ParameterException("in_degree_from_" + pre, where + " has no in-degree rule (fixed or binomial)");
        }
        if (!(q >= 0) || Double.isInfinite(q)) {
            throw ParameterException.outOfRange("q_from_" + pre + "_ns", q * 1e9, "[0, inf) nS", where);
        }
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw ParameterException.outOfRange("tau_from_" + pre + "_ms", tau * 1e3, "(0, inf) ms", where);
        }
        if (!(Math.abs(eRev) <= 0.2)) {
            throw ParameterException.outOfRange("erev_from_" + pre + "_mv", eRev * 1e3, "[-200, 200] mV", where);
        }
    }
}
