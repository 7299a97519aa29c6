package org.neuromf.charts;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * Population rates over time, from a rates table with the columns {@code time_ms},
 * {@code rate_<population>_hz} for each population and, optionally, {@code drive_hz}. One line per
 * population (named by it, e.g. exc, inh), smoothed with a centred moving average because the rates
 * are per simulation step and very noisy; the drive, unsmoothed, as a thin dashed grey line. Of a
 * table longer than {@value #MAX_POINTS} rows the lines are drawn through that many evenly spread
 * rows (smoothed over all of them), as the figure says.
 */
public final class ActivityChart {

    /** The smoothing window {@link #create(Table)} uses, in ms. */
    public static final double DEFAULT_SMOOTHING_MS = 5;

    /** The key of the drive series. */
    public static final String DRIVE = "drive";

    /** The most points a line of these figures is drawn through: a few per pixel of a wide figure. */
    public static final int MAX_POINTS = 10_000;

    private static final Pattern RATE_COLUMN = Pattern.compile("rate_(.+)_hz");

    private ActivityChart() {
    }

    /** The chart with the rates smoothed over {@value #DEFAULT_SMOOTHING_MS} ms. */
    public static JFreeChart create(Table rates) {
        return create(rates, DEFAULT_SMOOTHING_MS);
    }

    /**
     * The chart with the population rates smoothed by a centred moving average over
     * {@code smoothingMs} (0 = the raw rates).
     *
     * @throws IllegalArgumentException if {@code time_ms} or every {@code rate_<population>_hz}
     *         column is missing (the message lists the columns there are), or smoothingMs is
     *         negative or not finite
     */
    public static JFreeChart create(Table rates, double smoothingMs) {
        if (!(smoothingMs >= 0) || Double.isInfinite(smoothingMs)) {
            throw new IllegalArgumentException("smoothingMs = " + smoothingMs + " must be 0 (raw) or a positive number of ms");
        }
        TableSchema schema = rates.schema();
        schema.require("time_ms", "the rates table");
        List<String> rateColumns = new ArrayList<>();
        List<String> populations = new ArrayList<>();
        for (String name : schema.names()) {
            Matcher m = RATE_COLUMN.matcher(name);
            if (m.matches()) {
                rateColumns.add(name);
                populations.add(m.group(1));
            }
        }
        if (rateColumns.isEmpty()) {
            throw new IllegalArgumentException("the rates table has no column 'rate_<population>_hz'; its columns are: "
                    + String.join(", ", schema.names()));
        }

        int rows = rates.rowCount();
        Subset.requireMemory("activity chart", rows, WORKING_BYTES_PER_ROW * rows);
        double[] allTimes = rates.doubleColumn("time_ms");
        int halfWidth = halfWidth(allTimes, smoothingMs);
        int[] shown = Subset.indices(rows, MAX_POINTS);
        double[] time = Subset.pick(allTimes, shown);
        DefaultXYDataset data = new DefaultXYDataset();
        for (int i = 0; i < rateColumns.size(); i++) {
            double[] smoothed = movingAverage(rates.doubleColumn(rateColumns.get(i)), halfWidth);
            data.addSeries(populations.get(i), new double[][] {time, Subset.pick(smoothed, shown)});
        }
        boolean drive = schema.indexOf("drive_hz") >= 0;
        if (drive) {
            data.addSeries(DRIVE, new double[][] {time, Subset.pick(rates.doubleColumn("drive_hz"), shown)});
        }

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // one path per series: fast, and the dashes stay dashes
        for (int i = 0; i < populations.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.colour(populations.get(i), i));
            renderer.setSeriesStroke(i, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        if (drive) {
            renderer.setSeriesPaint(populations.size(), ChartStyle.DRIVE);
            renderer.setSeriesStroke(populations.size(), ChartStyle.dashed(1.0f));
        }

        NumberAxis x = new NumberAxis("time (ms)");
        x.setAutoRangeIncludesZero(false);
        x.setLowerMargin(0);
        x.setUpperMargin(0);
        String smoothing = halfWidth > 0 ? ", " + ChartStyle.ms(smoothingMs) + " ms moving average" : "";
        NumberAxis y = new NumberAxis("rate (Hz" + smoothing + ")");
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.08);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Population rates", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        Subset.addNote(chart, Subset.note(shown.length, rows, "time bins"));
        return chart;
    }

    /**
     * Bytes per row a figure of rates works with: the times and one column at a time (8 each), and
     * its moving average (the prefix sums of the values and of their count, 12, and the result, 8).
     */
    static final double WORKING_BYTES_PER_ROW = 8 + 8 + 12 + 8;

    /**
     * Half the moving-average window in samples: the window of 2 h + 1 samples that comes closest to
     * {@code smoothingMs} at the table's (mean) time step; 0 for no smoothing.
     */
    static int halfWidth(double[] time, double smoothingMs) {
        if (smoothingMs == 0 || time.length < 2) {
            return 0;
        }
        double step = (time[time.length - 1] - time[0]) / (time.length - 1);
        if (!(step > 0)) {
            return 0;
        }
        return (int) Math.min(time.length, Math.round((smoothingMs / step - 1) / 2));
    }

    /**
     * The centred moving average over {@code values[i - halfWidth .. i + halfWidth]}; near the ends
     * the window is cut to the samples there are, and NaN (missing) samples are left out of it. A
     * sample whose whole window is missing stays NaN.
     */
    static double[] movingAverage(double[] values, int halfWidth) {
        if (halfWidth < 0) {
            throw new IllegalArgumentException("halfWidth = " + halfWidth + " must not be negative");
        }
        int n = values.length;
        if (halfWidth == 0) {
            return values.clone();
        }
        double[] sum = new double[n + 1]; // prefix sums of the present values and their count
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            boolean present = !Double.isNaN(values[i]);
            sum[i + 1] = sum[i] + (present ? values[i] : 0);
            count[i + 1] = count[i] + (present ? 1 : 0);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - halfWidth);
            int to = Math.min(n, i + halfWidth + 1);
            int k = count[to] - count[from];
            out[i] = k == 0 ? Double.NaN : (sum[to] - sum[from]) / k;
        }
        return out;
    }
}
