package org.neuromf.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromf.core.simulation.ShotNoiseSimulator.Intervals;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.table.Table;

/** The standard errors of a sample table's rates: pooled over neighbours in rate, floored at one spike. */
class TransferSamplesTest {

    private static final double COUNTED = 10; // s

    /** A point whose repetitions counted these spikes in 10 s. */
    private static Measurement counts(double fe, int... spikes) {
        double[] rates = new double[spikes.length];
        for (int r = 0; r < rates.length; r++) {
            rates[r] = spikes[r] / COUNTED;
        }
        return new Measurement(fe, 0, 0, 0, rates, -0.06, 0.004, 1000, 0, 0, 0, 0, Intervals.NONE, Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void silentPointsGetTheOneSpikeFloorAndFiringOnesThePooledVariance() {
        List<Measurement> m = new ArrayList<>();
        m.add(counts(0, 0, 0, 0, 0));
        m.add(counts(1, 0, 0, 0, 0));
        m.add(counts(2, 0, 0, 0, 1)); // one spike in one repetition: SE = 1/(4 x 10 s) exactly
        int[][] firing = {{50, 52, 48, 50}, {60, 60, 60, 60}, {55, 51, 57, 53}, {70, 64, 66, 68}};
        for (int k = 0; k < firing.length; k++) {
            m.add(counts(3 + k, firing[k]));
        }
        double[] se = TransferSamples.standardErrors(TransferSamples.toTable(m));
        double floor = 1 / (4 * COUNTED);
        assertEquals(floor, se[0], 1e-15, "silent");
        assertEquals(floor, se[1], 1e-15, "silent");
        // 5 firing points, fewer than the window: each gets the variance pooled over all of them
        double pooled = 0;
        for (int k = 2; k < m.size(); k++) {
            pooled += sampleVariance(m.get(k).rates());
        }
        pooled /= 5;
        for (int k = 2; k < m.size(); k++) {
            assertEquals(Math.max(floor, Math.sqrt(pooled / 4)), se[k], 1e-15, "point " + k);
        }
        assertTrue(se[4] > floor, "equal counts at a firing point are not taken as exact");
    }

    @Test
    void theWindowFollowsTheRate() {
        List<Measurement> m = new ArrayList<>();
        m.add(counts(0, 0, 0, 0, 1));
        for (int k = 0; k < 2 * TransferSamples.POOLED; k++) {
            int c = 10 * (k + 1);
            int d = k < TransferSamples.POOLED ? 1 : 4; // the spread grows with the rate
            m.add(counts(k + 1, c - d, c + d, c - d, c + d));
        }
        double[] se = TransferSamples.standardErrors(TransferSamples.toTable(m));
        double low = Math.sqrt(sampleVariance(m.get(1).rates()) / 4);
        double high = Math.sqrt(sampleVariance(m.get(m.size() - 1).rates()) / 4);
        // the lowest and highest points pool only points of their own spread (the one-spike point aside)
        assertEquals(Math.sqrt((10 * low * low * 4 + sampleVariance(m.get(0).rates())) / 11 / 4), se[1], 1e-12);
        assertEquals(high, se[m.size() - 1], 1e-12);
    }

    @Test
    void tablesThatGiveNoStandardErrors() {
        Table noSpread = Table.builder(TransferSamples.POINTS_SCHEMA).addRow(1.0, 2.0).build();
        assertNull(TransferSamples.standardErrors(noSpread), "no fout_sd_hz and seeds columns");
        assertNull(TransferSamples.standardErrors(TransferSamples.toTable(List.of(counts(1, 3), counts(2, 4, 5)))),
                "a point of one seed");
        assertNull(TransferSamples.standardErrors(TransferSamples.toTable(List.of(counts(1, 3, 3), counts(2, 0, 0)))),
                "no spread anywhere");
    }

    private static double sampleVariance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }
}
