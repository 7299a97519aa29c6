package org.neuromf.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.MemoryBudget;

/** Figures of large tables draw a stated number of points at most, and say so; image sizes are checked. */
class LargeDataTest {

    private static final int MILLION = 1_000_000;

    private static Table rates(int n) {
        double[] t = new double[n];
        double[] exc = new double[n];
        double[] inh = new double[n];
        double[] drive = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 0.1;
            exc[i] = i % 2 == 0 ? 0 : 4;
            inh[i] = 10 + Math.sin(i * 1e-4);
            drive[i] = 4;
        }
        return Table.ofColumns(TableSchema.of(ColumnSpec.real("time_ms", "time"), ColumnSpec.real("rate_exc_hz", "exc"),
                ColumnSpec.real("rate_inh_hz", "inh"), ColumnSpec.real("drive_hz", "drive")), t, exc, inh, drive);
    }

    private static Table meanField(int n) {
        double[] t = new double[n];
        double[] nuE = new double[n];
        double[] nuI = new double[n];
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 0.1;
            nuE[i] = 1 + Math.sin(i * 1e-3);
            nuI[i] = 8;
            sd[i] = 0.3;
        }
        return Table.ofColumns(TableSchema.of(ColumnSpec.real("time_ms", "t"), ColumnSpec.real("nu_e_hz", "e"),
                ColumnSpec.real("nu_i_hz", "i"), ColumnSpec.real("sd_e_hz", "sd e"),
                ColumnSpec.real("sd_i_hz", "sd i")), t, nuE, nuI, sd, sd.clone());
    }

    private static List<String> subtitles(JFreeChart chart) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle text) {
                texts.add(text.getText());
            }
        }
        return texts;
    }

    private static int items(XYDataset data) {
        int n = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            n += data.getItemCount(s);
        }
        return n;
    }

    @Test
    void theSubsetIsEvenlySpreadWithTheFirstAndTheLast() {
        for (int[] c : new int[][] {{10, 3}, {1_000_003, 10_000}, {7, 7}, {5, 9}, {9, 1}, {2, 2}}) {
            int total = c[0];
            int max = c[1];
            int[] kept = Subset.indices(total, max);
            assertEquals(Math.min(total, max), kept.length);
            List<Integer> streamed = new ArrayList<>();
            for (int j = 0; j < total; j++) {
                if (Subset.keeps(j, total, max)) {
                    streamed.add(j);
                }
            }
            assertEquals(kept.length, streamed.size(), "the streaming rule keeps the same number");
            for (int i = 0; i < kept.length; i++) {
                assertEquals(kept[i], streamed.get(i), "the same samples, " + total + " of " + max);
                assertTrue(i == 0 || kept[i] - kept[i - 1] >= total / max, "evenly spread");
            }
            assertEquals(0, kept[0]);
            if (max > 1) {
                assertEquals(total - 1, kept[kept.length - 1]);
            }
        }
        assertEquals("3 of 10 samples shown", Subset.note(3, 10, "samples"));
        assertEquals(null, Subset.note(10, 10, "samples"));
    }

    @Test
    void anActivityChartOfAMillionBinsDrawsTenThousandSmoothedOnes() throws Exception {
        Table rates = rates(MILLION);
        JFreeChart chart = ActivityChart.create(rates, 5);
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(3, data.getSeriesCount());
        int[] kept = Subset.indices(MILLION, ActivityChart.MAX_POINTS);
        double[] smoothed = ActivityChart.movingAverage(rates.doubleColumn("rate_exc_hz"), 25);
        for (int s = 0; s < 3; s++) {
            assertEquals(ActivityChart.MAX_POINTS, data.getItemCount(s));
        }
        for (int i = 0; i < kept.length; i += 999) {
            assertEquals(kept[i] * 0.1, data.getXValue(0, i), 1e-9);
            assertEquals(smoothed[kept[i]], data.getYValue(0, i), 1e-12, "smoothed over every bin, then picked");
        }
        assertTrue(subtitles(chart).contains("10000 of 1000000 time bins shown"), subtitles(chart).toString());
        assertTrue(ChartImages.png(chart, 600, 400).length > 0);
        assertTrue(subtitles(ActivityChart.create(rates(ActivityChart.MAX_POINTS), 5)).isEmpty(), "all shown: no note");
    }

    @Test
    void aMeanFieldChartOfAMillionRowsDrawsTenThousand() throws Exception {
        JFreeChart chart = MeanFieldChart.create(rates(MILLION), meanField(MILLION), 5);
        for (XYPlot panel : ((CombinedDomainXYPlot) chart.getPlot()).getSubplots()) {
            assertEquals(2 * ActivityChart.MAX_POINTS, items(panel.getDataset(0)), "network and mean field");
            assertEquals(ActivityChart.MAX_POINTS, items(panel.getDataset(1)), "the band");
        }
        assertTrue(subtitles(chart).contains("network: 10000 of 1000000 time bins shown; mean field: 10000 of 1000000"
                + " rows shown"), subtitles(chart).toString());
        assertTrue(ChartImages.png(chart, 600, 400).length > 0);
    }

    @Test
    void aRasterOfAMillionSpikesDrawsAHundredThousand() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        double[] time = new double[MILLION];
        int[] neuron = new int[MILLION];
        String[] population = new String[MILLION];
        int excShown = 0;
        for (int i = 0; i < MILLION; i++) {
            time[i] = i * 0.01;
            neuron[i] = random.nextInt(400); // half of them above the 200 shown
            population[i] = i % 5 == 0 ? "inh" : "exc";
            excShown += neuron[i] < 200 && i % 5 != 0 ? 1 : 0;
        }
        Table spikes = Table.ofColumns(TableSchema.of(ColumnSpec.real("time_ms", "t"),
                ColumnSpec.integer("neuron", "n"), ColumnSpec.text("population", "p")), time, neuron, population);
        JFreeChart chart = RasterChart.create(spikes, 200);
        XYDataset dots = chart.getXYPlot().getDataset();
        assertEquals(RasterChart.MAX_DOTS, items(dots));
        long inRange = java.util.Arrays.stream(neuron).filter(n -> n < 200).count();
        assertTrue(subtitles(chart).contains(RasterChart.MAX_DOTS + " of " + inRange + " spikes shown"),
                subtitles(chart).toString());
        // evenly spread over a random table: each population keeps its share, to about 4 standard errors of
        // a sample of 1e5 (sqrt(0.8 x 0.2 / 1e5) = 1.3e-3)
        assertEquals((double) excShown / inRange, (double) dots.getItemCount(0) / RasterChart.MAX_DOTS, 5e-3);
        assertTrue(ChartImages.png(chart, 600, 400).length > 0);
    }

    /** The tester's case: a sample per fi (random points), 20000 and 1000000 of them. */
    @Test
    void aTransferFunctionOfAMillionRandomPointsDrawsFiveThousand() throws Exception {
        for (int n : new int[] {20_000, MILLION}) {
            SplittableRandom random = new SplittableRandom(1);
            double[] fe = new double[n];
            double[] fi = new double[n];
            double[] fout = new double[n];
            for (int i = 0; i < n; i++) {
                fe[i] = 30 * random.nextDouble();
                fi[i] = 20 * random.nextDouble();
                fout[i] = Math.max(0, fe[i] - fi[i] / 2);
            }
            fout[7] = Double.NaN; // left out, and not counted
            Table samples = Table.ofColumns(TableSchema.of(ColumnSpec.real("fe_hz", "fe"),
                    ColumnSpec.real("fi_hz", "fi"), ColumnSpec.real("fout_hz", "fout")), fe, fi, fout);
            JFreeChart chart = TransferFunctionChart.create(samples, (e, i) -> Math.max(0, e - i / 2), "HH_RS");
            XYPlot plot = chart.getXYPlot();
            assertEquals(TransferFunctionChart.MAX_POINTS, items(plot.getDataset(0)));
            assertEquals(TransferFunctionChart.MAX_FIT_CURVES, plot.getDataset(1).getSeriesCount());
            int curvePoints = TransferFunctionChart.MAX_FIT_CURVES * TransferFunctionChart.FIT_POINTS;
            assertTrue(items(plot.getDataset(1)) <= curvePoints);
            List<String> notes = subtitles(chart);
            assertTrue(notes.contains("5000 of " + (n - 1) + " samples shown"), notes.toString());
            assertTrue(notes.get(0).contains("lines: fit at 24 of 5000 fi values"), notes.toString());
            assertTrue(ChartImages.png(chart, 600, 400).length > 0);
        }
    }

    @Test
    void aStatisticsChartOfTooManyQuantitiesIsRefused() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= StatisticsChart.MAX_QUANTITIES; i++) {
            names.add("q" + i);
        }
        double[] values = new double[names.size()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatisticsChart.create("t", "mV", names, values, null, values));
        assertEquals("quantities names 101 quantities; a statistics chart draws at most 100: draw them in several"
                + " charts", e.getMessage());
        List<String> hundred = names.subList(0, 100);
        assertFalse(StatisticsChart.create("t", "mV", hundred, new double[100], null, new double[100]).getCategoryPlot()
                .getDataset().getColumnKeys().isEmpty());
    }

    @Test
    void imageSizesAreCheckedAgainstTheirRangeAndTheHeap() {
        Plot plot = Plots.ACTIVITY;
        ParameterException range = assertThrows(ParameterException.class,
                () -> ParameterValues.of(plot.parameters(), Map.of("width_px", 9000)));
        assertTrue(range.getMessage().contains("width_px = 9000") && range.getMessage().contains("8000"),
                range.getMessage());
        JFreeChart chart = ActivityChart.create(rates(100), 5);
        // 100000 x 100000 pixels: 5e10 bytes, beyond any test heap; refused before an image is made
        MemoryBudget.MemoryException e = assertThrows(MemoryBudget.MemoryException.class,
                () -> ChartImages.png(chart, 100_000, 100_000));
        assertTrue(e.getMessage().startsWith("a 100000 x 100000 pixel image needs about 50.0 GB of memory")
                && e.getMessage().contains("use a smaller width_px or height_px"), e.getMessage());
        byte[] small = ChartImages.png(chart, 100, 100);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(small, 4));
        assertEquals(Collections.emptyList(), subtitles(chart).stream().filter(s -> s.contains("shown")).toList());
    }
}
