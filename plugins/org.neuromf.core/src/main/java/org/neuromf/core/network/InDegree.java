package org.neuromf.core.network;

/**
 * How many synapses a neuron receives from a presynaptic population of N neurons along a pathway of
 * connection probability p: the network's rule, and the transfer-function scan's.
 */
public enum InDegree {
    /**
     * Exactly K = p N (the mean field's): in a network, each neuron draws K = round(p N) distinct
     * presynaptic neurons (never itself), at most all the others.
     */
    FIXED,
    /** Binomial(N, p): every (pre, post) pair connected independently with probability p, as in the paper. */
    BINOMIAL;

    /** K of a fixed in-degree from {@code nPre} neurons, less one when the pathway is recurrent (no autapses). */
    public static int fixedCount(double p, int nPre, boolean recurrent) {
        return (int) Math.min(Math.round(p * nPre), nPre - (recurrent ? 1 : 0));
    }
}
