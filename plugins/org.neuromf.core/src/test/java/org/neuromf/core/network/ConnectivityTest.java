package org.neuromf.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectivityTest {

    /**
     * In-degrees are Binomial(n, p) with n the presynaptic neurons (one fewer within a population,
     * which has no autapses): mean n p, variance n p (1 - p).
     */
    @ParameterizedTest
    @CsvSource({"2000, 2000, 0.05, true", "8000, 2000, 0.05, false", "3000, 3000, 0.5, true", "1000, 5000, 0.002, false"})
    void inDegreesAreBinomial(int nPre, int nPost, double p, boolean recurrent) {
        Connectivity c = Connectivity.random(nPre, nPost, p, recurrent, 5);
        int[] in = c.inDegrees(nPost);
        double n = recurrent ? nPre - 1 : nPre;
        double mean = 0;
        for (int d : in) {
            mean += d;
        }
        mean /= nPost;
        double var = 0;
        for (int d : in) {
            var += (d - mean) * (d - mean);
        }
        var /= nPost - 1;
        double expectedMean = n * p;
        double expectedVar = n * p * (1 - p);
        // standard errors over nPost neurons: sqrt(var/nPost) and var sqrt(2/(nPost-1)); 5 of them
        assertEquals(expectedMean, mean, 5 * Math.sqrt(expectedVar / nPost), "mean in-degree");
        assertEquals(expectedVar, var, 5 * expectedVar * Math.sqrt(2.0 / (nPost - 1)) + 1e-9, "in-degree variance");
        for (int i = 0; i < nPre; i++) {
            for (int s = c.rowStart()[i]; s < c.rowStart()[i + 1]; s++) {
                assertTrue(!recurrent || c.targets()[s] != i, "autapse at neuron " + i);
                assertTrue(s == c.rowStart()[i] || c.targets()[s] > c.targets()[s - 1], "targets increase");
            }
        }
    }

    /**
     * Drawn once (the counting pass keeps the rows, copied into place after) or twice (counted, then
     * filled), in chunks of rows with streams of their own, a pathway is the same synapses; a first
     * capacity of 1 makes the kept rows grow many times.
     */
    @ParameterizedTest
    @CsvSource({"-1, 0.05", "1, 0.05", "-1, 1.0", "1, 0.002"})
    void drawingOnceGivesTheSynapsesOfDrawingTwice(int capacity, double p) {
        int n = 2000;
        int chunk = 700;
        int[] twiceStarts = new int[n + 1];
        int[] onceStarts = new int[n + 1];
        int[][] kept = new int[3][];
        for (int c = 0; c < 3; c++) {
            int rows = Math.min(chunk, n - c * chunk);
            Connectivity.countRows(c * chunk, rows, n, p, true, new SplittableRandom(c), twiceStarts);
            kept[c] = capacity < 0 ? Connectivity.keepRows(c * chunk, rows, n, p, true, new SplittableRandom(c), onceStarts)
                    : Connectivity.keepRows(c * chunk, rows, n, p, true, new SplittableRandom(c), onceStarts, capacity);
        }
        int[] twice = new int[(int) Connectivity.toRowStarts(twiceStarts)];
        int[] once = new int[(int) Connectivity.toRowStarts(onceStarts)];
        for (int c = 0; c < 3; c++) {
            int rows = Math.min(chunk, n - c * chunk);
            Connectivity.fillRows(c * chunk, rows, n, p, true, new SplittableRandom(c), twiceStarts, twice);
            Connectivity.placeRows(kept[c], c * chunk, rows, onceStarts, once);
        }
        assertArrayEquals(twiceStarts, onceStarts);
        assertArrayEquals(twice, once);
        assertEquals(p * n * (n - 1), once.length, 6 * Math.sqrt(p * n * (n - 1)) + 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"0.0", "1.0"})
    void extremeProbabilities(double p) {
        Connectivity c = Connectivity.random(50, 50, p, true, 1);
        assertEquals(p == 0 ? 0 : 50 * 49, c.synapseCount());
    }

    /**
     * A fixed in-degree: every neuron receives exactly K synapses from distinct neurons, never
     * itself; each presynaptic neuron is then chosen by each of the m postsynaptic neurons that may
     * choose it (N_post, less itself within a population) with probability K / n (n the candidates),
     * so its out-degree has mean m K / n and variance m (K / n) (1 - K / n).
     */
    @ParameterizedTest
    @CsvSource({"2000, 2000, 100, true", "8000, 2000, 400, false", "300, 300, 299, true", "1000, 5000, 3, false"})
    void fixedInDegreesAreExactAndUniform(int nPre, int nPost, int k, boolean recurrent) {
        Connectivity c = Connectivity.fixedInDegree(nPre, nPost, k, recurrent, 5);
        for (int d : c.inDegrees(nPost)) {
            assertEquals(k, d, "in-degree");
        }
        assertEquals((long) k * nPost, c.synapseCount());
        double n = recurrent ? nPre - 1 : nPre;
        double q = k / n;
        double m = recurrent ? nPost - 1 : nPost;
        double mean = 0;
        double var = 0;
        for (int i = 0; i < nPre; i++) {
            mean += c.rowStart()[i + 1] - c.rowStart()[i];
        }
        mean /= nPre;
        for (int i = 0; i < nPre; i++) {
            double d = c.rowStart()[i + 1] - c.rowStart()[i];
            var += (d - mean) * (d - mean);
            for (int s = c.rowStart()[i]; s < c.rowStart()[i + 1]; s++) {
                assertTrue(!recurrent || c.targets()[s] != i, "autapse at neuron " + i);
                assertTrue(s == c.rowStart()[i] || c.targets()[s] > c.targets()[s - 1], "targets increase, once each");
            }
        }
        var /= nPre - 1;
        double expectedVar = m * q * (1 - q);
        assertEquals(m * q, mean, 1e-9, "mean out-degree: every synapse counted once");
        // out-degrees are nearly independent across the nPre rows: the sample variance's standard error
        // is about var sqrt(2/(nPre-1)); 5 of them
        assertEquals(expectedVar, var, 5 * expectedVar * Math.sqrt(2.0 / (nPre - 1)) + 1e-9, "out-degree variance");
    }

    /**
     * Each of the C(4, 2) = 6 pairs of the other neurons is as likely to be a neuron's inputs
     * (K = 2 in a population of 5, no autapses): over 6000 draws of neuron 2, each pair's count is
     * Binomial(6000, 1/6), within 5 SD of 1000.
     */
    @org.junit.jupiter.api.Test
    void everySetOfInputsIsEquallyLikely() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (int seed = 0; seed < 6000; seed++) {
            Connectivity c = Connectivity.fixedInDegree(5, 5, 2, true, seed);
            StringBuilder inputs = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                for (int s = c.rowStart()[i]; s < c.rowStart()[i + 1]; s++) {
                    if (c.targets()[s] == 2) {
                        inputs.append(i);
                    }
                }
            }
            counts.merge(inputs.toString(), 1, Integer::sum);
        }
        assertEquals(java.util.Set.of("01", "03", "04", "13", "14", "34"), counts.keySet());
        double sd = Math.sqrt(6000 * (1 / 6.0) * (5 / 6.0));
        for (var e : counts.entrySet()) {
            assertEquals(1000, e.getValue(), 5 * sd, "pair " + e.getKey());
        }
    }
}
