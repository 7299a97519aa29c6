package org.neuromf.core.util;

import java.util.SplittableRandom;

/**
 * Walks the successes of independent Bernoulli(p) trials by drawing the geometric gaps between
 * them, so that the cost grows with the successes, not the trials.
 */
public final class BernoulliGaps {

    private BernoulliGaps() {
    }

    /** {@code log(1 - p)}, what {@link #failures} takes, for 0 < p < 1. */
    public static double logFail(double p) {
        return Math.log1p(-p);
    }

    /** The number of failures before the next success, geometric, with {@code logFail} = log(1 - p). */
    public static long failures(SplittableRandom rng, double logFail) {
        return (long) Math.floor(Math.log(1 - RandomStreams.uniform(rng)) / logFail);
    }
}
