package org.neuromf.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/** The mean-field figures: MeanFieldChart, TransferFunctionChart, RateHistogramChart, StatisticsChart. */
class MeanFieldChartsTest {

    @TempDir
    Path tmp;

    // ---- data ----

    /** 200 ms in 0.1 ms bins, noisy: exc alternating 0 / 2 Hz, inh 0 / 16 Hz. */
    private static Table networkRates() {
        int n = 2000;
        double[] time = new double[n];
        double[] exc = new double[n];
        double[] inh = new double[n];
        double[] drive = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * 0.1;
            exc[i] = i % 2 == 0 ? 0 : 2;
            inh[i] = i % 2 == 0 ? 0 : 16;
            drive[i] = 4;
        }
        return Table.ofColumns(TableSchema.of(ColumnSpec.real("time_ms", "time"), ColumnSpec.real("rate_exc_hz", "exc"),
                ColumnSpec.real("rate_inh_hz", "inh"), ColumnSpec.real("drive_hz", "drive")), time, exc, inh, drive);
    }

    private static final String[] MEAN_FIELD_COLUMNS = {"time_ms", "drive_hz", "nu_e_hz", "nu_i_hz", "sd_e_hz", "sd_i_hz",
        "cov_ei_hz2", "muv_e_mv", "sv_e_mv", "tauv_e_ms", "muv_i_mv", "sv_i_mv", "tauv_i_ms", "muge_e_ns", "sge_e_ns",
        "mugi_e_ns", "sgi_e_ns", "muge_i_ns", "sge_i_ns", "mugi_i_ns", "sgi_i_ns", "w_e_pa", "w_i_pa"};

    /** The full mean-field table, 1 ms steps over 200 ms, relaxing to 1 Hz (exc) and 8 Hz (inh). */
    private static Table meanField(double sdScale) {
        return meanField(sdScale, MEAN_FIELD_COLUMNS);
    }

    private static Table meanField(double sdScale, String... columns) {
        int n = 201;
        ColumnSpec[] specs = new ColumnSpec[columns.length];
        Object[] values = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            specs[c] = ColumnSpec.real(columns[c], columns[c]);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                double relax = 1 - Math.exp(-i / 20.0);
                v[i] = switch (columns[c]) {
                    case "time_ms" -> i;
                    case "nu_e_hz" -> 1.0 * relax;
                    case "nu_i_hz" -> 8.0 * relax;
                    case "sd_e_hz" -> sdScale * 0.3;
                    case "sd_i_hz" -> sdScale * 1.1;
                    case "muv_e_mv", "muv_i_mv" -> -55;
                    default -> 1;
                };
            }
            values[c] = v;
        }
        return Table.ofColumns(TableSchema.of(specs), values);
    }

    private static final double[] FE = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final double[] FI = {0, 4, 8, 12, 16, 20, 24, 28, 32};

    /** A sigmoid in fe, shifted right by fi. */
    private static final DoubleBinaryOperator FIT = (fe, fi) -> 30 / (1 + Math.exp(-(fe - 3 - 0.1 * fi)));

    /** Rows grouped by fi, fe decreasing within a row (the chart sorts them); SD 10 % of the rate. */
    private static Table transferSamples() {
        Table.Builder b = Table.builder(TableSchema.of(ColumnSpec.real("fe_hz", "fe"), ColumnSpec.real("fi_hz", "fi"),
                ColumnSpec.real("fout_hz", "fout"), ColumnSpec.real("fout_sd_hz", "sd"), ColumnSpec.real("muv_mv", "muV"),
                ColumnSpec.real("sv_mv", "sV"), ColumnSpec.integer("seeds", "seeds")));
        for (double fi : FI) {
            for (int k = FE.length - 1; k >= 0; k--) {
                double fout = FIT.applyAsDouble(FE[k], fi) + 0.3;
                b.addRow(FE[k], fi, fout, 0.1 * fout, -60.0, 3.0, 4);
            }
        }
        return b.build();
    }

    // ---- image helpers ----

    private BufferedImage png(JFreeChart chart, String name, int width, int height) throws Exception {
        Path file = tmp.resolve(name + ".png");
        ChartImages.writePng(chart, file, width, height);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth(), name + " width");
        assertEquals(height, image.getHeight(), name + " height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertTrue(colours.size() > 20, name + " is not blank: " + colours.size() + " colours");
        return image;
    }

    private void svg(JFreeChart chart, String name, String title) throws Exception {
        Path file = tmp.resolve(name + ".svg");
        ChartImages.writeSvg(chart, file, 700, 450);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg") && text.contains("</svg>"), name + " is an SVG document");
        assertTrue(text.contains(title), name + " has its title as text");
    }

    /** Whether some pixel has the colour (within a few levels per channel, for antialiasing). */
    private static boolean hasColour(BufferedImage image, Color colour) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) <= 4 && Math.abs(c.getGreen() - colour.getGreen()) <= 4
                        && Math.abs(c.getBlue() - colour.getBlue()) <= 4) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> keys(XYDataset data) {
        return IntStream.range(0, data.getSeriesCount()).mapToObj(i -> data.getSeriesKey(i).toString()).toList();
    }

    private static List<String> legend(LegendItemCollection items) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    // ---- MeanFieldChart ----

    @Test
    void meanFieldChartStacksExcAboveInhWithNetworkMeanFieldAndBand() {
        Table rates = networkRates();
        Table mf = meanField(1);
        JFreeChart chart = MeanFieldChart.create(rates, mf, 5);
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        assertEquals("time (ms)", plot.getDomainAxis().getLabel());
        List<XYPlot> panels = plot.getSubplots();
        assertEquals(2, panels.size());
        String[] populations = {"exc", "inh"};
        String[] nuColumns = {"nu_e_hz", "nu_i_hz"};
        String[] sdColumns = {"sd_e_hz", "sd_i_hz"};
        String[] rateColumns = {"rate_exc_hz", "rate_inh_hz"};
        Color[] colours = {ChartStyle.EXCITATORY, ChartStyle.INHIBITORY};
        for (int k = 0; k < 2; k++) {
            String p = populations[k];
            XYPlot panel = panels.get(k);
            assertTrue(panel.getRangeAxis().getLabel().endsWith("rate (Hz)"), panel.getRangeAxis().getLabel());
            XYDataset lines = panel.getDataset(0);
            assertEquals(List.of(p + " network", p + " mean field"), keys(lines));
            assertEquals(rates.rowCount(), lines.getItemCount(0));
            assertEquals(mf.rowCount(), lines.getItemCount(1));
            double[] smoothed = ActivityChart.movingAverage(rates.doubleColumn(rateColumns[k]), 25);
            double[] nu = mf.doubleColumn(nuColumns[k]);
            double[] sd = mf.doubleColumn(sdColumns[k]);
            for (int i = 0; i < rates.rowCount(); i += 97) {
                assertEquals(smoothed[i], lines.getYValue(0, i), 1e-12, "network smoothed over 5 ms");
            }
            IntervalXYDataset band = (IntervalXYDataset) panel.getDataset(1);
            assertEquals(List.of(p + " mean field \u00b1 SD"), keys(band));
            assertEquals(mf.rowCount(), band.getItemCount(0));
            for (int i = 0; i < mf.rowCount(); i++) {
                assertEquals(nu[i], lines.getYValue(1, i), 1e-12);
                assertEquals(nu[i], band.getYValue(0, i), 1e-12);
                assertEquals(Math.max(0, nu[i] - sd[i]), band.getStartYValue(0, i), 1e-12, "lower bound nu - sd, cut at 0");
                assertEquals(nu[i] + sd[i], band.getEndYValue(0, i), 1e-12, "upper bound nu + sd");
            }
            assertEquals(colours[k], panel.getRenderer(0).getSeriesPaint(1), "mean field in the population colour");
        }
        assertEquals(List.of("exc network", "exc mean field", "exc mean field \u00b1 SD", "inh network", "inh mean field",
                "inh mean field \u00b1 SD"), legend(plot.getLegendItems()));
    }

    @Test
    void meanFieldChartWithoutNetworkOrSd() {
        JFreeChart chart = MeanFieldChart.create(null, meanField(0), 0);
        for (XYPlot panel : ((CombinedDomainXYPlot) chart.getPlot()).getSubplots()) {
            assertEquals(1, panel.getDataset(0).getSeriesCount(), "the mean field alone");
            assertTrue(keys(panel.getDataset(0)).get(0).endsWith(" mean field"));
            assertEquals(201, panel.getDataset(0).getItemCount(0));
            assertNull(panel.getDataset(1), "SD 0 throughout (first order): no band");
        }
        JFreeChart noSdColumns = MeanFieldChart.create(networkRates(), meanField(1, "time_ms", "nu_e_hz", "nu_i_hz"), 2);
        XYPlot exc = ((CombinedDomainXYPlot) noSdColumns.getPlot()).getSubplots().get(0);
        assertEquals(List.of("exc network", "exc mean field"), keys(exc.getDataset(0)));
        assertNull(exc.getDataset(1));
    }

    @Test
    void meanFieldChartRenders() throws Exception {
        JFreeChart chart = MeanFieldChart.create(networkRates(), meanField(1), 5);
        BufferedImage image = png(chart, "meanfield", 900, 600);
        assertTrue(hasColour(image, ChartStyle.EXCITATORY), "exc green");
        assertTrue(hasColour(image, ChartStyle.INHIBITORY), "inh red");
        svg(chart, "meanfield", "Network and mean field");
    }

    @Test
    void meanFieldChartRejectsBadInput() {
        Table noNuE = meanField(1, "time_ms", "nu_i_hz", "sd_e_hz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeanFieldChart.create(networkRates(), noNuE, 5));
        assertTrue(e.getMessage().contains("nu_e_hz") && e.getMessage().contains("mean-field table")
                && e.getMessage().contains("time_ms, nu_i_hz, sd_e_hz"), e.getMessage());

        Table noInh = Table.ofColumns(TableSchema.of(ColumnSpec.real("time_ms", "t"), ColumnSpec.real("rate_exc_hz", "e")),
                new double[] {0, 0.1}, new double[] {1, 2});
        e = assertThrows(IllegalArgumentException.class, () -> MeanFieldChart.create(noInh, meanField(1), 5));
        assertTrue(e.getMessage().contains("rate_inh_hz") && e.getMessage().contains("simulated rates"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> MeanFieldChart.create(null, meanField(1), -1));
        assertTrue(e.getMessage().contains("smoothingMs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MeanFieldChart.create(networkRates(), null, 5));
        assertTrue(e.getMessage().contains("mean-field table"), e.getMessage());
        Table empty = Table.builder(meanField(1).schema()).build();
        e = assertThrows(IllegalArgumentException.class, () -> MeanFieldChart.create(null, empty, 5));
        assertTrue(e.getMessage().contains("no rows"), e.getMessage());
    }

    // ---- TransferFunctionChart ----

    @Test
    void transferFunctionChartHasPointsWithErrorBarsAndFittedCurvesPerFi() {
        Table samples = transferSamples();
        JFreeChart chart = TransferFunctionChart.create(samples, FIT, "HH_RS");
        assertEquals("Transfer function of HH_RS", chart.getTitle().getText());
        XYPlot plot = chart.getXYPlot();
        assertEquals("fe, excitatory input per synapse (Hz)", plot.getDomainAxis().getLabel());
        assertEquals("output rate (Hz)", plot.getRangeAxis().getLabel());

        IntervalXYDataset points = (IntervalXYDataset) plot.getDataset(0);
        XYDataset curves = plot.getDataset(1);
        List<String> expected = new ArrayList<>();
        for (double fi : FI) {
            expected.add("fi = " + (int) fi + " Hz");
        }
        assertEquals(expected, keys(points));
        assertEquals(expected.stream().map(k -> k + TransferFunctionChart.FIT).toList(), keys(curves));
        for (int k = 0; k < FI.length; k++) {
            assertEquals(FE.length, points.getItemCount(k));
            for (int i = 0; i < FE.length; i++) {
                double fout = FIT.applyAsDouble(FE[i], FI[k]) + 0.3;
                assertEquals(FE[i], points.getXValue(k, i), 1e-12, "sorted by fe");
                assertEquals(fout, points.getYValue(k, i), 1e-12);
                assertEquals(0.9 * fout, points.getStartYValue(k, i), 1e-9, "error bar fout - sd");
                assertEquals(1.1 * fout, points.getEndYValue(k, i), 1e-9, "error bar fout + sd");
            }
            assertEquals(TransferFunctionChart.FIT_POINTS, curves.getItemCount(k));
            assertEquals(FE[0], curves.getXValue(k, 0), 1e-12, "over the row's fe range");
            assertEquals(FE[FE.length - 1], curves.getXValue(k, TransferFunctionChart.FIT_POINTS - 1), 1e-12);
            for (int i = 0; i < TransferFunctionChart.FIT_POINTS; i++) {
                double fe = curves.getXValue(k, i);
                assertEquals(FIT.applyAsDouble(fe, FI[k]), curves.getYValue(k, i), 1e-12, "the fitted function");
            }
            assertEquals(plot.getRenderer(0).getSeriesPaint(k), plot.getRenderer(1).getSeriesPaint(k),
                    "curve and points of a row share their colour");
        }
        for (int k = 1; k < FI.length; k++) {
            assertTrue(luminance((Color) plot.getRenderer(0).getSeriesPaint(k))
                    < luminance((Color) plot.getRenderer(0).getSeriesPaint(k - 1)), "light (low fi) to dark (high fi)");
        }
        List<String> named = legend(plot.getLegendItems());
        assertEquals(TransferFunctionChart.MAX_LEGEND_ROWS, named.size(), "legend limited: " + named);
        assertEquals("fi = 0 Hz", named.get(0));
        assertEquals("fi = 32 Hz", named.get(named.size() - 1));

        JFreeChart measured = TransferFunctionChart.create(samples, null, null);
        assertEquals("Transfer function", measured.getTitle().getText());
        assertNull(measured.getXYPlot().getDataset(1), "no fit, no curves");
        assertEquals(FI.length, measured.getXYPlot().getDataset(0).getSeriesCount());
    }

    @Test
    void transferFunctionLegendRows() {
        assertEquals(Set.of(0, 1, 2), TransferFunctionChart.legendRows(3));
        assertEquals(Set.of(0, 2, 4, 6, 8, 10), TransferFunctionChart.legendRows(11));
    }

    @Test
    void transferFunctionChartRenders() throws Exception {
        JFreeChart chart = TransferFunctionChart.create(transferSamples(), FIT, "HH_FS");
        BufferedImage image = png(chart, "tf", 800, 550);
        assertTrue(hasColour(image, ChartStyle.sequential(FI.length - 1, FI.length)), "the darkest row");
        assertTrue(hasColour(image, ChartStyle.sequential(0, FI.length)), "the lightest row");
        svg(chart, "tf", "Transfer function of HH_FS");
    }

    @Test
    void transferFunctionChartRejectsBadInput() {
        Table noFi = Table.ofColumns(TableSchema.of(ColumnSpec.real("fe_hz", "fe"), ColumnSpec.real("fout_hz", "f")),
                new double[] {1, 2}, new double[] {0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransferFunctionChart.create(noFi, FIT, "HH_RS"));
        assertTrue(e.getMessage().contains("fi_hz") && e.getMessage().contains("fe_hz, fout_hz"), e.getMessage());
        Table noSamples = Table.builder(transferSamples().schema()).build();
        e = assertThrows(IllegalArgumentException.class, () -> TransferFunctionChart.create(noSamples, FIT, "HH_RS"));
        assertTrue(e.getMessage().contains("no sample"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TransferFunctionChart.create(null, FIT, "HH_RS"));
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    // ---- RateHistogramChart ----

    /** Normal samples, the same on every run. */
    private static double[] samples(int n, double mean, double sd) {
        Random random = new Random(42);
        return IntStream.range(0, n).mapToDouble(i -> mean + sd * random.nextGaussian()).toArray();
    }

    @Test
    void rateHistogramIsADensityWithTheGaussianPrediction() {
        double[] rates = samples(1000, 1.2, 0.3);
        rates[7] = Double.NaN; // left out
        JFreeChart chart = RateHistogramChart.create(rates, 1.18, 0.29, "exc", "Excitatory rate");
        XYPlot plot = chart.getXYPlot();
        assertEquals("rate (Hz)", plot.getDomainAxis().getLabel());
        assertEquals("probability density (1/Hz)", plot.getRangeAxis().getLabel());
        IntervalXYDataset bars = (IntervalXYDataset) plot.getDataset(0);
        assertEquals(List.of("exc network"), keys(bars));
        int bins = bars.getItemCount(0);
        assertTrue(bins >= 5 && bins <= RateHistogramChart.MAX_BINS, bins + " bins");
        long counted = 0;
        double area = 0;
        for (int b = 0; b < bins; b++) {
            double width = bars.getEndXValue(0, b) - bars.getStartXValue(0, b);
            double count = bars.getYValue(0, b) * 999 * width;
            assertEquals(Math.rint(count), count, 1e-6, "a whole number of samples per bin");
            counted += Math.round(count);
            area += bars.getYValue(0, b) * width;
        }
        assertEquals(999, counted, "the finite samples, each in one bin");
        assertEquals(1, area, 1e-9, "a probability density");

        XYDataset curve = plot.getDataset(1);
        assertEquals(List.of("exc mean field"), keys(curve));
        assertEquals(RateHistogramChart.CURVE_POINTS, curve.getItemCount(0));
        for (int i = 0; i < curve.getItemCount(0); i += 17) {
            double x = curve.getXValue(0, i);
            double z = (x - 1.18) / 0.29;
            assertEquals(Math.exp(-z * z / 2) / (0.29 * Math.sqrt(2 * Math.PI)), curve.getYValue(0, i), 1e-12);
        }
        assertEquals(ChartStyle.EXCITATORY, plot.getRenderer(1).getSeriesPaint(0));
        assertTrue(plot.getDomainMarkers(Layer.FOREGROUND) == null
                || plot.getDomainMarkers(Layer.FOREGROUND).isEmpty(), "no marker with an SD");
    }

    @Test
    void rateHistogramWithoutSdMarksTheMean() {
        for (double sd : new double[] {0, Double.NaN}) {
            JFreeChart chart = RateHistogramChart.create(samples(300, 8, 2), 30, sd, "inh", null);
            XYPlot plot = chart.getXYPlot();
            assertNull(plot.getDataset(1), "no Gaussian");
            Collection<?> markers = plot.getDomainMarkers(Layer.FOREGROUND);
            assertEquals(1, markers.size());
            ValueMarker mean = (ValueMarker) markers.iterator().next();
            assertEquals(30, mean.getValue());
            assertEquals(ChartStyle.INHIBITORY, mean.getPaint());
            assertTrue(plot.getDomainAxis().getUpperBound() > 30, "the axis shows the marker");
            assertEquals(List.of("inh network", "inh mean field"), legend(plot.getLegendItems()));
        }
        JFreeChart none = RateHistogramChart.create(samples(300, 8, 2), Double.NaN, Double.NaN, "inh", "t");
        assertNull(none.getXYPlot().getDataset(1));
        assertNull(none.getXYPlot().getDomainMarkers(Layer.FOREGROUND));
    }

    @Test
    void histogramBins() {
        double[] lattice = new double[400]; // rates from 0.1 ms bins: multiples of 1.25 Hz
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = 1.25 * (i % 7 + i % 3);
        }
        RateHistogramChart.Histogram h = RateHistogramChart.histogram(lattice);
        assertEquals(400, IntStream.of(h.counts()).sum());
        for (int b = 0; b < h.bins(); b++) {
            assertTrue(h.counts()[b] > 0, "no empty bin from aliasing: " + Arrays.toString(h.counts()));
            double k = (h.edges()[b] + 0.625) / 1.25;
            assertEquals(Math.rint(k), k, 1e-9, "bin edges halfway between the lattice points");
        }
        RateHistogramChart.Histogram same = RateHistogramChart.histogram(new double[] {3, 3, 3});
        assertArrayEquals(new int[] {3}, same.counts());
        assertArrayEquals(new double[] {2.5, 3.5}, same.edges(), 1e-12);
        RateHistogramChart.Histogram wide = RateHistogramChart.histogram(samples(5000, 0, 1));
        assertEquals(5000, IntStream.of(wide.counts()).sum());
        assertTrue(wide.bins() >= 10 && wide.bins() <= RateHistogramChart.MAX_BINS, wide.bins() + " bins");
    }

    @Test
    void rateHistogramRenders() throws Exception {
        JFreeChart gaussian = RateHistogramChart.create(samples(1000, 1.2, 0.3), 1.18, 0.29, "exc", "Excitatory rate");
        assertTrue(hasColour(png(gaussian, "hist", 700, 450), ChartStyle.EXCITATORY));
        svg(gaussian, "hist", "Excitatory rate");
        JFreeChart marker = RateHistogramChart.create(samples(1000, 8, 2), 8.5, 0, "inh", "Inhibitory rate");
        assertTrue(hasColour(png(marker, "hist-marker", 640, 400), ChartStyle.INHIBITORY));
        svg(marker, "hist-marker", "Inhibitory rate");
    }

    @Test
    void rateHistogramRejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RateHistogramChart.create(new double[] {Double.NaN, Double.POSITIVE_INFINITY}, 1, 1, "exc", "t"));
        assertTrue(e.getMessage().contains("no finite sample"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateHistogramChart.create(null, 1, 1, "exc", "t"));
        assertTrue(e.getMessage().contains("rates"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateHistogramChart.create(new double[] {1}, 1, -1, "exc", "t"));
        assertTrue(e.getMessage().contains("predictedSd"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RateHistogramChart.create(new double[] {1}, Double.POSITIVE_INFINITY, 1, "exc", "t"));
        assertTrue(e.getMessage().contains("predictedMean"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateHistogramChart.create(new double[] {1}, 1, 1, " ", "t"));
        assertTrue(e.getMessage().contains("population"), e.getMessage());
    }

    // ---- StatisticsChart ----

    private static final List<String> POTENTIALS = List.of("muV_e", "muV_i", "sV_e", "sV_i");

    private static JFreeChart potentials() {
        return StatisticsChart.create("Membrane potential", "mV", POTENTIALS, new double[] {-55.3, -56.1, 4.2, 4.9},
                new double[] {0.8, 1.1, 0.3, Double.NaN}, new double[] {-55.0, -56.4, 4.0, 5.1});
    }

    @Test
    void statisticsChartHasANetworkAndAMeanFieldBarPerQuantity() {
        JFreeChart chart = potentials();
        CategoryPlot plot = chart.getCategoryPlot();
        StatisticalCategoryDataset data = (StatisticalCategoryDataset) plot.getDataset();
        assertEquals(List.of(StatisticsChart.NETWORK, StatisticsChart.MEAN_FIELD), data.getRowKeys());
        assertEquals(POTENTIALS, data.getColumnKeys());
        assertEquals(-55.3, data.getMeanValue("network", "muV_e").doubleValue(), 1e-12);
        assertEquals(0.8, data.getStdDevValue("network", "muV_e").doubleValue(), 1e-12);
        assertNull(data.getStdDevValue("network", "sV_i"), "NaN SD: no error bar");
        assertEquals(-56.4, data.getMeanValue("mean field", "muV_i").doubleValue(), 1e-12);
        assertNull(data.getStdDevValue("mean field", "muV_i"), "the mean field has no error bar");
        assertEquals("value (mV)", plot.getRangeAxis().getLabel());
        assertTrue(plot.getRangeAxis().getLowerBound() < -56.4 - 1.1 && plot.getRangeAxis().getUpperBound() > 5.1,
                "negative and positive bars fit: " + plot.getRangeAxis().getRange());

        CategoryItemRenderer renderer = plot.getRenderer();
        assertEquals(ChartStyle.EXCITATORY, renderer.getItemPaint(1, 0), "muV_e mean field: exc colour");
        assertEquals(ChartStyle.tint(ChartStyle.EXCITATORY, 0.55), renderer.getItemPaint(0, 0), "network lighter");
        assertEquals(ChartStyle.INHIBITORY, renderer.getItemPaint(1, 3), "sV_i: inh colour");

        JFreeChart plain = StatisticsChart.create(null, null, List.of("a", "b"), new double[] {1, Double.NaN}, null,
                new double[] {2, 3});
        StatisticalCategoryDataset d = (StatisticalCategoryDataset) plain.getCategoryPlot().getDataset();
        assertNull(d.getMeanValue("network", "b"), "NaN: no bar");
        assertNull(d.getStdDevValue("network", "a"), "no SDs: no error bars");
        assertEquals("value", plain.getCategoryPlot().getRangeAxis().getLabel());
    }

    @Test
    void statisticsChartRenders() throws Exception {
        JFreeChart chart = potentials();
        BufferedImage image = png(chart, "stats", 800, 450);
        assertTrue(hasColour(image, ChartStyle.EXCITATORY) && hasColour(image, ChartStyle.INHIBITORY));
        svg(chart, "stats", "Membrane potential");
    }

    @Test
    void statisticsChartRejectsBadInput() {
        double[] two = {1, 2};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatisticsChart.create("t", "mV", List.of("a", "b"), two, two, new double[] {1}));
        assertTrue(e.getMessage().contains("predicted") && e.getMessage().contains("1 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StatisticsChart.create("t", "mV", List.of(), two, null, two));
        assertTrue(e.getMessage().contains("quantities"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StatisticsChart.create("t", "mV", List.of("a", "a"), two, null, two));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StatisticsChart.create("t", "mV", List.of("a", "b"), two, new double[] {1, -1}, two));
        assertTrue(e.getMessage().contains("simulatedSd[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StatisticsChart.create("t", "mV", List.of("a", "b"), null, null, two));
        assertTrue(e.getMessage().contains("simulated"), e.getMessage());
    }

    // ---- ChartStyle helpers ----

    @Test
    void styleHelpers() {
        assertEquals("8", ChartStyle.number(8));
        assertEquals("2.5", ChartStyle.number(2.5));
        assertEquals("1.23", ChartStyle.number(1.23456));
        assertEquals("0.0123", ChartStyle.number(0.012345));
        assertEquals("-55", ChartStyle.number(-55.04));
        assertEquals("1235", ChartStyle.number(1234.5));
        assertEquals("0", ChartStyle.number(0));
        assertEquals(ChartStyle.EXCITATORY, ChartStyle.populationColour("muGi_e"));
        assertEquals(ChartStyle.INHIBITORY, ChartStyle.populationColour("sV (inh)"));
        assertNull(ChartStyle.populationColour("drive"));
        assertEquals(Color.WHITE, ChartStyle.tint(ChartStyle.INHIBITORY, 1));
        assertEquals(ChartStyle.INHIBITORY, ChartStyle.tint(ChartStyle.INHIBITORY, 0));
    }
}
