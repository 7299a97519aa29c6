package org.neuromf.charts;

import java.util.SplittableRandom;
import java.util.concurrent.*;
import java.util.function.Supplier;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

class ScratchTimingTest {
    static Table tf(int n, boolean grid) {
        SplittableRandom r = new SplittableRandom(1);
        double[] fe = new double[n], fi = new double[n], fout = new double[n], sd = new double[n];
        for (int i = 0; i < n; i++) {
            fe[i] = grid ? (i % 1000) * 0.03 : 30 * r.nextDouble();
            fi[i] = grid ? (i / 1000) : 20 * r.nextDouble();
            fout[i] = Math.max(0, fe[i] - fi[i] / 2) + r.nextDouble();
            sd[i] = 0.1;
        }
        return Table.ofColumns(TableSchema.of(ColumnSpec.real("fe_hz", ""), ColumnSpec.real("fi_hz", ""),
                ColumnSpec.real("fout_hz", ""), ColumnSpec.real("fout_sd_hz", "")), fe, fi, fout, sd);
    }
    static Table rates(int n) {
        SplittableRandom r = new SplittableRandom(1);
        double[] t = new double[n], e = new double[n], i2 = new double[n], d = new double[n];
        for (int i = 0; i < n; i++) { t[i] = i * 0.1; e[i] = r.nextDouble() * 4; i2[i] = r.nextDouble() * 20; d[i] = 4; }
        return Table.ofColumns(TableSchema.of(ColumnSpec.real("time_ms", ""), ColumnSpec.real("rate_exc_hz", ""),
                ColumnSpec.real("rate_inh_hz", ""), ColumnSpec.real("drive_hz", "")), t, e, i2, d);
    }
    static Table mf(int n) {
        double[] t = new double[n], e = new double[n], i2 = new double[n], se = new double[n], si = new double[n];
        for (int i = 0; i < n; i++) { t[i] = i * 0.1; e[i] = 1 + Math.sin(i * 1e-3); i2[i] = 8; se[i] = 0.3; si[i] = 1; }
        return Table.ofColumns(TableSchema.of(ColumnSpec.real("time_ms", ""), ColumnSpec.real("nu_e_hz", ""),
                ColumnSpec.real("nu_i_hz", ""), ColumnSpec.real("sd_e_hz", ""), ColumnSpec.real("sd_i_hz", "")), t, e, i2, se, si);
    }
    static Table spikes(int n) {
        SplittableRandom r = new SplittableRandom(1);
        double[] t = new double[n]; int[] nn = new int[n]; String[] p = new String[n];
        for (int i = 0; i < n; i++) { t[i] = i * 0.01; nn[i] = r.nextInt(200); p[i] = i % 5 == 0 ? "inh" : "exc"; }
        return Table.ofColumns(TableSchema.of(ColumnSpec.real("time_ms", ""), ColumnSpec.integer("neuron", ""),
                ColumnSpec.text("population", "")), t, nn, p);
    }

    static void time(String what, Supplier<JFreeChart> chart) throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> { Thread th = new Thread(r); th.setDaemon(true); return th; });
        long t0 = System.nanoTime();
        Future<Integer> f = ex.submit(() -> ChartImages.png(chart.get(), 1200, 700).length);
        try {
            int bytes = f.get(Long.getLong("limit", 120), TimeUnit.SECONDS);
            System.out.printf("TIME %-40s %8.2f s (%d bytes)%n", what, (System.nanoTime() - t0) / 1e9, bytes);
        } catch (TimeoutException e) {
            System.out.printf("TIME %-40s still drawing after %d s%n", what, Long.getLong("limit", 120));
            f.cancel(true);
        }
    }

    @Test
    void measure() throws Exception {
        DoubleBinaryOperatorHolder.init();
        for (int n : new int[] {20_000, 1_000_000}) {
            Table a = rates(n), m = mf(n), s = spikes(n), g = tf(n, true), rnd = tf(n, false);
            time("activity " + n, () -> ActivityChart.create(a, 5));
            time("meanfield+network " + n, () -> MeanFieldChart.create(a, m, 5));
            time("raster " + n, () -> RasterChart.create(s, 200));
            double[] rr = a.doubleColumn("rate_exc_hz");
            time("histogram " + n, () -> RateHistogramChart.create(rr, 2, 1, "exc", null));
            time("tf grid (1000 fe per fi) " + n, () -> TransferFunctionChart.create(g, (x, y) -> Math.max(0, x - y / 2), "c"));
            time("tf random points " + n, () -> TransferFunctionChart.create(rnd, (x, y) -> Math.max(0, x - y / 2), "c"));
        }
    }
    static final class DoubleBinaryOperatorHolder { static void init() { ChartImages.png(ActivityChart.create(rates(100)), 200, 200); } }
}
