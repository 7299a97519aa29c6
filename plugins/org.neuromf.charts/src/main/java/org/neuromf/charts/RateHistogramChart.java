package org.neuromf.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.Arrays;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The distribution of a population's rate (e.g. the network's rate sampled in time bins) against
 * the mean field's prediction: a histogram of the samples scaled to a probability density, in a
 * light shade of the population colour, and the predicted Gaussian density N(mean, SD) as a line
 * in the population colour; where the prediction has no SD (a first-order model), a vertical line
 * at the predicted mean instead.
 *
 * <p>Series keys, for population p: the histogram {@code "p network"} (dataset 0, one item per bin)
 * and the Gaussian {@code "p mean field"} (dataset 1, {@value #CURVE_POINTS} points); without SD the
 * mean is a domain marker, named "p mean field" in the legend.
 */
public final class RateHistogramChart {

    /** The points at which the Gaussian density is drawn. */
    public static final int CURVE_POINTS = 200;

    /** The most bins a histogram gets. */
    public static final int MAX_BINS = 100;

    /** The suffix of the histogram's series key, after the population ("exc network"). */
    public static final String NETWORK = " network";

    /** The suffix of the prediction's series key or marker label ("exc mean field"). */
    public static final String MEAN_FIELD = " mean field";

    private RateHistogramChart() {
    }

    /** Bin edges (one more than the bins) and the samples in each bin. */
    record Histogram(double[] edges, int[] counts) {

        int bins() {
            return counts.length;
        }

        double width(int bin) {
            return edges[bin + 1] - edges[bin];
        }
    }

    /**
     * The chart of the finite samples among {@code rates} (NaN and infinite ones are left out).
     *
     * @param predictedMean the mean field's mean rate (Hz); NaN for no prediction
     * @param predictedSd its standard deviation (Hz); 0 or NaN draws the mean as a vertical line
     * @param population the population (exc, inh, ...), for the colour and the series keys
     * @param title the chart's title (null or blank: "Rate distribution")
     * @throws IllegalArgumentException if rates or population is null or blank, no sample is finite,
     *         predictedMean is infinite or predictedSd negative or infinite
     */
    public static JFreeChart create(double[] rates, double predictedMean, double predictedSd, String population,
            String title) {
        if (rates == null) {
            throw new IllegalArgumentException("rates is missing (null)");
        }
        if (population == null || population.isBlank()) {
            throw new IllegalArgumentException("population must be named (e.g. exc or inh), not " + population);
        }
        if (Double.isInfinite(predictedMean)) {
            throw new IllegalArgumentException("predictedMean = " + predictedMean + " must be finite, or NaN for none");
        }
        if (predictedSd < 0 || Double.isInfinite(predictedSd)) {
            throw new IllegalArgumentException("predictedSd = " + predictedSd + " must be 0 or positive and finite, or NaN");
        }
        double[] finite = Arrays.stream(rates).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            throw new IllegalArgumentException("rates has no finite sample (" + rates.length + " values)");
        }
        String p = population.strip();
        Color colour = ChartStyle.colour(p, 0);

        Histogram h = histogram(finite);
        XYIntervalSeries bars = new XYIntervalSeries(p + NETWORK);
        double maxDensity = 0;
        for (int b = 0; b < h.bins(); b++) {
            double density = h.counts()[b] / (finite.length * h.width(b));
            maxDensity = Math.max(maxDensity, density);
            bars.add((h.edges()[b] + h.edges()[b + 1]) / 2, h.edges()[b], h.edges()[b + 1], density, 0, density);
        }
        XYIntervalSeriesCollection histogramData = new XYIntervalSeriesCollection();
        histogramData.addSeries(bars);
        XYBarRenderer barRenderer = new XYBarRenderer();
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(true);
        barRenderer.setSeriesPaint(0, ChartStyle.tint(colour, 0.55));
        barRenderer.setSeriesOutlinePaint(0, Color.WHITE);
        barRenderer.setSeriesOutlineStroke(0, new BasicStroke(0.8f));

        NumberAxis x = new NumberAxis("rate (Hz)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("probability density (1/Hz)");
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.08);
        XYPlot plot = new XYPlot(histogramData, x, y, barRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the prediction over the bars

        BasicStroke predictionStroke = new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        boolean gaussian = Double.isFinite(predictedMean) && predictedSd > 0;
        boolean marker = Double.isFinite(predictedMean) && !gaussian;
        if (gaussian) {
            double lo = Math.min(h.edges()[0], predictedMean - 4 * predictedSd);
            double hi = Math.max(h.edges()[h.bins()], predictedMean + 4 * predictedSd);
            XYSeries curve = new XYSeries(p + MEAN_FIELD, false, false);
            for (int i = 0; i < CURVE_POINTS; i++) {
                double r = lo + (hi - lo) * i / (CURVE_POINTS - 1);
                curve.add(r, gaussianDensity(r, predictedMean, predictedSd));
            }
            XYSeriesCollection curveData = new XYSeriesCollection(curve);
            XYLineAndShapeRenderer curveRenderer = new XYLineAndShapeRenderer(true, false);
            curveRenderer.setSeriesPaint(0, colour);
            curveRenderer.setSeriesStroke(0, predictionStroke);
            plot.setDataset(1, curveData);
            plot.setRenderer(1, curveRenderer);
        } else if (marker) {
            ValueMarker mean = new ValueMarker(predictedMean, colour, predictionStroke);
            mean.setLabel("mean " + ChartStyle.number(predictedMean) + " Hz");
            mean.setLabelFont(ChartStyle.subtitleFont());
            mean.setLabelPaint(Color.DARK_GRAY);
            mean.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            mean.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            mean.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(mean);
            // the axis spans the data only: make room for the marker if it lies outside the bins
            double lo = Math.min(h.edges()[0], predictedMean);
            double hi = Math.max(h.edges()[h.bins()], predictedMean);
            double pad = 0.05 * (hi - lo);
            x.setRange(lo - pad, hi + pad);
            LegendItemCollection legend = plot.getLegendItems();
            legend.add(new LegendItem(p + MEAN_FIELD, null, null, null, new Line2D.Double(-8, 0, 8, 0),
                    predictionStroke, colour));
            plot.setFixedLegendItems(legend);
        }

        String name = title == null || title.isBlank() ? "Rate distribution" : title.strip();
        JFreeChart chart = new JFreeChart(name, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        String prediction = gaussian
                ? "; mean field N(" + ChartStyle.number(predictedMean) + ", " + ChartStyle.number(predictedSd) + "\u00b2) Hz"
                : marker ? "; mean field " + ChartStyle.number(predictedMean) + " Hz (no SD)" : "";
        chart.addSubtitle(new TextTitle(finite.length + " samples, " + h.bins() + " bins of " + ChartStyle.number(h.width(0))
                + " Hz" + prediction, ChartStyle.subtitleFont()));
        return chart;
    }

    /** The density of N(mean, sd) at x. */
    static double gaussianDensity(double x, double mean, double sd) {
        double z = (x - mean) / sd;
        return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
    }

    /**
     * Equal bins over the samples, as wide as the Freedman-Diaconis rule asks (2 IQR / n^(1/3)), or
     * as many as Sturges' rule asks (log2 n + 1) where the interquartile range is 0; between 1 and
     * {@value #MAX_BINS} bins. Rates counted in short time bins take only multiples of one step
     * (1 spike / (neurons x bin)): when the samples lie on such a grid, the bins are whole
     * multiples of the step centred on its points, so that no bin is empty by aliasing. All samples
     * equal: one bin of width 1 Hz (10 % of the value if that is larger) centred on them.
     */
    static Histogram histogram(double[] finiteSamples) {
        double[] sorted = finiteSamples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double min = sorted[0];
        double max = sorted[n - 1];
        if (!(max > min)) {
            double w = Math.max(1, 0.1 * Math.abs(min));
            return new Histogram(new double[] {min - w / 2, min + w / 2}, new int[] {n});
        }
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double width = iqr > 0 ? 2 * iqr / Math.cbrt(n) : (max - min) / (Math.ceil(Math.log(n) / Math.log(2)) + 1);
        width = Math.max(width, (max - min) / MAX_BINS);
        double step = gridStep(sorted);
        double lo = min;
        double hi = max;
        if (step > 0) {
            width = step * Math.max(1, Math.round(width / step));
            lo = min - step / 2;
            hi = max + step / 2;
            if ((hi - lo) / width > MAX_BINS) {
                width = step * Math.ceil((hi - lo) / MAX_BINS / step);
            }
        }
        int bins = (int) Math.max(1, Math.min(MAX_BINS, Math.ceil((hi - lo) / width - 1e-9)));
        if (step <= 0) {
            width = (hi - lo) / bins; // exactly from min to max
        }
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = lo + width * b;
        }
        if (step <= 0) {
            edges[bins] = max;
        }
        int[] counts = new int[bins];
        for (double v : sorted) {
            int b = (int) Math.floor((v - lo) / width);
            counts[Math.min(bins - 1, Math.max(0, b))]++;
        }
        return new Histogram(edges, counts);
    }

    /**
     * The step of the grid min + k step that all samples lie on, if they take at most
     * {@value #MAX_BINS} distinct values; 0 if not.
     */
    private static double gridStep(double[] sorted) {
        double[] distinct = Arrays.stream(sorted).distinct().limit(MAX_BINS + 1L).toArray();
        if (distinct.length < 2 || distinct.length > MAX_BINS) {
            return 0;
        }
        double step = Double.POSITIVE_INFINITY;
        for (int i = 1; i < distinct.length; i++) {
            step = Math.min(step, distinct[i] - distinct[i - 1]);
        }
        double tolerance = 1e-6 * step;
        for (double v : distinct) {
            double k = (v - distinct[0]) / step;
            if (Math.abs(k - Math.rint(k)) * step > tolerance + 1e-9 * Math.abs(v)) {
                return 0;
            }
        }
        return step;
    }

    /** The q-quantile of sorted values, linearly interpolated between order statistics. */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (sorted[j] - sorted[i]) * (pos - i);
    }
}
