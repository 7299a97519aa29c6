package org.neuromf.core.util;

import java.util.SplittableRandom;

import org.apache.commons.math3.special.Gamma;

/**
 * Exact Poisson variates: inversion for small means, Hoermann's transformed rejection with
 * squeeze (PTRS, 1993) for large ones, where inversion would take about mean steps.
 */
public final class PoissonSampler {

    private static final double INVERSION_LIMIT = 10;

    private PoissonSampler() {
    }

    public static long sample(SplittableRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < INVERSION_LIMIT) {
            double term = Math.exp(-mean);
            double cumulative = term;
            double u = rng.nextDouble();
            long k = 0;
            while (u > cumulative) {
                k++;
                term *= mean / k;
                double next = cumulative + term;
                if (next == cumulative) {
                    break;
                }
                cumulative = next;
            }
            return k;
        }
        return transformedRejection(rng, mean);
    }

    private static long transformedRejection(SplittableRandom rng, double mean) {
        double sqrtMean = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * sqrtMean;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
            double rhs = -mean + k * logMean - Gamma.logGamma(k + 1.0);
            if (lhs <= rhs) {
                return k;
            }
        }
    }
}
