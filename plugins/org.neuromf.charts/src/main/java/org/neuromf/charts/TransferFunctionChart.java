package org.neuromf.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * A cell's transfer function: its output rate against the excitatory input rate fe, one colour per
 * inhibitory input rate fi (light for the lowest fi, dark for the highest). The measured samples
 * are points with error bars (mean ± SD over seeds); a fitted transfer function, if given, is drawn
 * as a line per fi over that fi's range of fe.
 *
 * <p>Series keys: the samples of each fi in dataset 0, {@code "fi = 8 Hz"}; the fitted curves in
 * dataset 1, {@code "fi = 8 Hz fit"} (left out of the legend: same colour as the points). At most
 * {@value #MAX_LEGEND_ROWS} fi rows are named in the legend, the lowest, the highest and evenly
 * spaced ones between; the colour scale tells the others.
 *
 * <p>Of more than {@value #MAX_POINTS} samples that many, evenly spread in the table's order, are
 * drawn, and of more than {@value #MAX_FIT_CURVES} fi rows the fit is drawn for that many evenly
 * spread ones; the figure says so.
 */
public final class TransferFunctionChart {

    /** The points along fe at which each fitted curve is evaluated. */
    public static final int FIT_POINTS = 200;

    /** The fi rows the legend names at most. */
    public static final int MAX_LEGEND_ROWS = 6;

    /** The most samples drawn: as points with error bars, more would hide each other. */
    public static final int MAX_POINTS = 5_000;

    /** The most fi rows whose fitted curve is drawn. */
    public static final int MAX_FIT_CURVES = 24;

    /** The suffix of a fitted curve's series key, after its row's key ("fi = 8 Hz fit"). */
    public static final String FIT = " fit";

    private TransferFunctionChart() {
    }

    /**
     * The chart of the samples (columns {@code fe_hz}, {@code fi_hz}, {@code fout_hz} and,
     * optionally, {@code fout_sd_hz} for the error bars), grouped into rows by fi and sorted by fe
     * within a row; samples with a missing fe or fout are left out.
     *
     * @param fitted the fitted transfer function (fe, fi) -&gt; output rate in Hz, or null for the
     *        samples alone
     * @param cell the cell's name for the title (null or blank: none)
     * @throws IllegalArgumentException if a column is missing (the message names it and lists the
     *         columns there are) or the table has no sample with fe, fi and fout
     */
    public static JFreeChart create(Table samples, DoubleBinaryOperator fitted, String cell) {
        if (samples == null) {
            throw new IllegalArgumentException("the transfer-function samples table is missing (null)");
        }
        TableSchema schema = samples.schema();
        int feColumn = schema.require("fe_hz", "the transfer-function samples table");
        int fiColumn = schema.require("fi_hz", "the transfer-function samples table");
        int foutColumn = schema.require("fout_hz", "the transfer-function samples table");
        int sdColumn = schema.indexOf("fout_sd_hz");

        long finite = 0;
        for (int r = 0; r < samples.rowCount(); r++) {
            if (drawable(samples, r, feColumn, fiColumn, foutColumn)) {
                finite++;
            }
        }
        // fi -> the row's samples {fe, fout, sd} drawn, in fi order
        Map<Double, List<double[]>> rows = new TreeMap<>();
        long j = 0;
        for (int r = 0; r < samples.rowCount(); r++) {
            if (drawable(samples, r, feColumn, fiColumn, foutColumn) && Subset.keeps(j++, finite, MAX_POINTS)) {
                double fi = samples.getDouble(r, fiColumn);
                double sd = sdColumn >= 0 ? samples.getDouble(r, sdColumn) : Double.NaN;
                rows.computeIfAbsent(fi == 0 ? 0.0 : fi, k -> new ArrayList<>()).add(new double[] {
                    samples.getDouble(r, feColumn), samples.getDouble(r, foutColumn), sd});
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the transfer-function samples table has no sample with fe_hz, fi_hz and "
                    + "fout_hz (it has " + samples.rowCount() + " rows)");
        }

        List<Double> fis = new ArrayList<>(rows.keySet());
        List<String> keys = keys(fis);
        Set<Integer> named = legendRows(fis.size());
        YIntervalSeriesCollection points = new YIntervalSeriesCollection();
        XYSeriesCollection curves = new XYSeriesCollection();
        XYErrorRenderer pointRenderer = new XYErrorRenderer();
        pointRenderer.setDefaultLinesVisible(false);
        pointRenderer.setDefaultShapesVisible(true);
        pointRenderer.setDrawXError(false);
        pointRenderer.setCapLength(5);
        pointRenderer.setErrorStroke(new BasicStroke(1.2f));
        XYLineAndShapeRenderer curveRenderer = new XYLineAndShapeRenderer(true, false);
        curveRenderer.setDrawSeriesLineAsPath(true);
        int[] fittedRows = Subset.indices(fis.size(), MAX_FIT_CURVES);
        int nextFitted = 0;
        for (int k = 0; k < fis.size(); k++) {
            double fi = fis.get(k);
            List<double[]> row = rows.get(fi);
            row.sort((a, b) -> Double.compare(a[0], b[0]));
            YIntervalSeries measured = new YIntervalSeries(keys.get(k), false, true);
            for (double[] s : row) {
                double sd = Double.isFinite(s[2]) ? Math.abs(s[2]) : 0;
                measured.add(s[0], s[1], s[1] - sd, s[1] + sd);
            }
            points.addSeries(measured);
            Color colour = ChartStyle.sequential(k, fis.size());
            pointRenderer.setSeriesPaint(k, colour);
            pointRenderer.setSeriesShape(k, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            pointRenderer.setSeriesVisibleInLegend(k, named.contains(k));

            if (fitted != null && nextFitted < fittedRows.length && fittedRows[nextFitted] == k) {
                int c = nextFitted++;
                double from = row.get(0)[0];
                double to = row.get(row.size() - 1)[0];
                XYSeries curve = new XYSeries(keys.get(k) + FIT, false, true);
                int n = from < to ? FIT_POINTS : 1;
                for (int i = 0; i < n; i++) {
                    double fe = n == 1 ? from : from + (to - from) * i / (n - 1);
                    double fout = fitted.applyAsDouble(fe, fi);
                    curve.add(fe, Double.isFinite(fout) ? fout : Double.NaN);
                }
                curves.addSeries(curve);
                curveRenderer.setSeriesPaint(c, colour);
                curveRenderer.setSeriesStroke(c, new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                curveRenderer.setSeriesVisibleInLegend(c, false);
            }
        }

        NumberAxis x = new NumberAxis("fe, excitatory input per synapse (Hz)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("output rate (Hz)");
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.06);
        XYPlot plot = new XYPlot(points, x, y, pointRenderer);
        if (fitted != null) {
            plot.setDataset(1, curves);
            plot.setRenderer(1, curveRenderer);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the points over the curves
        }
        String title = cell == null || cell.isBlank() ? "Transfer function" : "Transfer function of " + cell.strip();
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        String legend = named.size() < fis.size() ? "; " + named.size() + " of " + fis.size() + " fi rows named" : "";
        String what = "points: simulation, mean \u00b1 SD over seeds";
        if (fitted != null) {
            what += fittedRows.length < fis.size() ? "; lines: fit at " + fittedRows.length + " of " + fis.size()
                    + " fi values" : "; lines: fit";
        }
        chart.addSubtitle(new TextTitle(what + legend, ChartStyle.subtitleFont()));
        Subset.addNote(chart, Subset.note(Subset.size(finite, MAX_POINTS), finite, "samples"));
        return chart;
    }

    /** Whether row r has a finite fe, fi and fout. */
    private static boolean drawable(Table samples, int r, int feColumn, int fiColumn, int foutColumn) {
        return Double.isFinite(samples.getDouble(r, feColumn)) && Double.isFinite(samples.getDouble(r, fiColumn))
                && Double.isFinite(samples.getDouble(r, foutColumn));
    }

    /** "fi = 8 Hz" per row; with more digits where rounding would make two rows' keys equal. */
    private static List<String> keys(List<Double> fis) {
        List<String> keys = new ArrayList<>();
        for (double fi : fis) {
            keys.add("fi = " + ChartStyle.number(fi) + " Hz");
        }
        if (new HashSet<>(keys).size() < keys.size()) {
            keys.clear();
            for (double fi : fis) {
                keys.add("fi = " + fi + " Hz");
            }
        }
        return keys;
    }

    /**
     * The rows (indices of count) the legend names: all of up to {@value #MAX_LEGEND_ROWS}, else
     * that many evenly spaced ones, the first and the last among them.
     */
    static Set<Integer> legendRows(int count) {
        Set<Integer> named = new HashSet<>();
        if (count <= MAX_LEGEND_ROWS) {
            for (int k = 0; k < count; k++) {
                named.add(k);
            }
        } else {
            for (int j = 0; j < MAX_LEGEND_ROWS; j++) {
                named.add((int) Math.round((double) j * (count - 1) / (MAX_LEGEND_ROWS - 1)));
            }
        }
        return named;
    }
}
