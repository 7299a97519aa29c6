package org.neuromf.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest
    @CsvSource({"0.0", "1.0"})
    void extremeProbabilities(double p) {
        Connectivity c = Connectivity.random(50, 50, p, true, 1);
        assertEquals(p == 0 ? 0 : 50 * 49, c.synapseCount());
    }
}
