package org.neuromf.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    @Test
    void meanAndSampleSd() {
        double[] x = {1, 2, 3, 4};
        assertEquals(2.5, SeedStatistics.mean(x), 0);
        assertEquals(Math.sqrt(5.0 / 3), SeedStatistics.sd(x), 1e-15, "n - 1 in the denominator");
        assertEquals(0, SeedStatistics.sd(new double[] {7}), 0, "one value");
        assertTrue(Double.isNaN(SeedStatistics.mean(new double[0])), "no values");
    }
}
