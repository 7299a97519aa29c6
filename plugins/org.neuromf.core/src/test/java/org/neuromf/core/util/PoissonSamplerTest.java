package org.neuromf.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonSamplerTest {

    /** Mean and variance both equal the parameter, for inversion (small) and PTRS (large means). */
    @ParameterizedTest
    @ValueSource(doubles = {0.16, 3, 9.9, 10.1, 32, 1600, 1e5})
    void meanAndVarianceEqualTheParameter(double mu) {
        SplittableRandom rng = new SplittableRandom(42);
        int n = 400_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            long k = PoissonSampler.sample(rng, mu);
            sum += k;
            sumSq += (double) k * k;
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        // standard errors: sqrt(mu/n) for the mean, about mu sqrt(2/n) for the variance; 5 of them
        assertEquals(mu, mean, 5 * Math.sqrt(mu / n), "mean");
        assertEquals(mu, var, 5 * mu * Math.sqrt((2 + 1 / mu) / n), "variance");
    }

    /** The probability of zero events, exp(-mu), where the drive spends most of its draws. */
    @ParameterizedTest
    @ValueSource(doubles = {0.16, 2})
    void zeroProbability(double mu) {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 400_000;
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            zeros += PoissonSampler.sample(rng, mu) == 0 ? 1 : 0;
        }
        double p = Math.exp(-mu);
        assertEquals(p, (double) zeros / n, 5 * Math.sqrt(p * (1 - p) / n));
    }
}
