package org.neuromf.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuromf.core.meanfield.MeanFieldTables;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.simulation.SimulationResult;
import org.neuromf.core.table.Table;

/** The comparison on made-up signals whose statistics are known. */
class ComparisonTest {

    /** 2 s at 0.1 ms: exc = base + bump(t), alternating +-noise; inh likewise, scaled. */
    static Table rates(double base, double bump, double peakMs, double noise) {
        int n = 20001; // to 2000 ms: 300 whole bins of 5 ms after 500 ms
        double[] time = new double[n];
        double[] exc = new double[n];
        double[] inh = new double[n];
        double[] drive = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * 0.1;
            double shape = bump * Math.exp(-Math.pow(time[i] - peakMs, 2) / (2 * 100 * 100));
            double sign = (i / 50) % 2 == 0 ? 1 : -1; // +-noise in alternate 5 ms bins
            exc[i] = base + shape + sign * noise;
            inh[i] = 5 * (base + shape) + sign * noise;
            drive[i] = 4;
        }
        return Table.ofColumns(SimulationResult.ratesSchema(java.util.List.of("exc", "inh")), time, exc, inh, drive);
    }

    /** A mean-field table with the given rates and SD, bump on the drive as well. */
    static Table meanField(double base, double bump, double peakMs, double sd) {
        Table.Builder b = Table.builder(MeanFieldTables.SERIES_SCHEMA);
        int columns = MeanFieldTables.SERIES_SCHEMA.size();
        for (int i = 0; i < 20001; i++) {
            double t = i * 0.1;
            double shape = bump * Math.exp(-Math.pow(t - peakMs, 2) / (2 * 100 * 100));
            Object[] row = new Object[columns];
            java.util.Arrays.fill(row, 0.0);
            row[0] = t;
            row[1] = 4 + (bump > 0 ? Math.exp(-Math.pow(t - 1000, 2) / (2 * 100 * 100)) : 0);
            row[MeanFieldTables.SERIES_SCHEMA.indexOf("nu_e_hz")] = base + shape;
            row[MeanFieldTables.SERIES_SCHEMA.indexOf("nu_i_hz")] = 5 * (base + shape);
            row[MeanFieldTables.SERIES_SCHEMA.indexOf("sd_e_hz")] = sd;
            row[MeanFieldTables.SERIES_SCHEMA.indexOf("sd_i_hz")] = sd;
            b.addRow(row);
        }
        return b.build();
    }

    private static double value(Table c, String population, String quantity, String column) {
        for (int r = 0; r < c.rowCount(); r++) {
            if (c.getString(r, "population").equals(population) && c.getString(r, "quantity").equals(quantity)) {
                return c.getDouble(r, column);
            }
        }
        throw new AssertionError(population + "." + quantity + " not in the comparison");
    }

    @Test
    void stationaryRatesAndTheirSd() {
        Comparison.Result r = Comparison.compare(rates(2, 0, 0, 0.3), meanField(2, 0, 0, 0.25), null, 500, 5);
        assertEquals(2, value(r.comparison(), "exc", "mean_rate", "network"), 1e-9);
        assertEquals(0.3, value(r.comparison(), "exc", "rate_sd_5.0ms_bins", "network"), 1e-9, "the +-0.3 Hz noise");
        assertEquals(0.25, value(r.comparison(), "exc", "rate_sd_5.0ms_bins", "mean_field"), 1e-12);
        assertEquals(0.05, value(r.comparison(), "exc", "rate_sd_5.0ms_bins", "difference"), 1e-9);
        assertEquals(10, value(r.comparison(), "inh", "mean_rate", "network"), 1e-9);
        double density = 0;
        for (int k = 0; k < r.histogram().rowCount(); k++) {
            if (r.histogram().getString(k, "population").equals("exc")) {
                density += r.histogram().getDouble(k, "network_density_per_hz");
            }
        }
        double width = r.histogram().getDouble(1, "rate_hz") - r.histogram().getDouble(0, "rate_hz");
        assertEquals(1, density * width, 1e-9, "the histogram is a density");
    }

    @Test
    void aFirstOrderMeanFieldPredictsNoSd() {
        Comparison.Result r = Comparison.compare(rates(2, 0, 0, 0.3), meanField(2, 0, 0, 0), null, 500, 5);
        assertTrue(Double.isNaN(value(r.comparison(), "exc", "rate_sd_5.0ms_bins", "mean_field")), "no SD predicted");
        assertEquals(2, value(r.comparison(), "exc", "mean_rate", "mean_field"), 1e-12);
    }

    @Test
    void responseErrorCorrelationAndPeak() {
        // the network responds 30 ms before the mean field and 1.5 times as high
        Comparison.Result r = Comparison.compare(rates(1, 3, 970, 0), meanField(1, 2, 1000, 0.2), null, 500, 5);
        // the 5-bin moving average lowers a Gaussian peak of width 100 ms by about 0.3 %
        assertEquals(3, value(r.comparison(), "exc", "peak_increase", "network"), 0.015);
        assertEquals(2, value(r.comparison(), "exc", "peak_increase", "mean_field"), 0.01);
        assertEquals(-30, value(r.comparison(), "exc", "peak_time", "difference"), 5.01, "one bin of 5 ms");
        assertTrue(value(r.comparison(), "exc", "response_correlation", "network") > 0.95);
        assertTrue(value(r.comparison(), "exc", "response_rms_error", "network") > 0.2);
        Comparison.Result same = Comparison.compare(rates(1, 2, 1000, 0), meanField(1, 2, 1000, 0.2), null, 500, 5);
        assertEquals(1, value(same.comparison(), "exc", "response_correlation", "network"), 1e-9);
        assertEquals(0, value(same.comparison(), "exc", "response_rms_error", "network"), 1e-9);
    }

    @Test
    void aTransientLongerThanTheRunIsRefused() {
        ParameterException e = org.junit.jupiter.api.Assertions.assertThrows(ParameterException.class,
                () -> Comparison.compare(rates(1, 0, 0, 0), meanField(1, 0, 0, 0), null, 1999, 5));
        assertTrue(e.getMessage().contains("transient_ms = 1999"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Comparison.compare(meanField(1, 0, 0, 0), meanField(1, 0, 0, 0), null, 500, 5));
        assertTrue(missing.getMessage().contains("rate_exc_hz"), missing.getMessage());
    }
}
