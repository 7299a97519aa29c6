package org.neuromf.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * The network's population rates against the mean field's prediction, over time: two panels on a
 * shared time axis, excitatory on top and inhibitory below (their scales differ, about 1 Hz against
 * 8 Hz). Each panel shows the simulated rate smoothed by a moving average (thin, light line), the
 * mean-field rate (thick line in the population colour) and, where the mean field has a rate
 * standard deviation (a second-order model), the band mean ± SD, cut at 0 Hz (translucent). Tables
 * longer than {@value ActivityChart#MAX_POINTS} rows are drawn through that many evenly spread rows
 * (the network's smoothed over all of them), as the figure says.
 *
 * <p>The series of population p (exc, inh) are {@code "p network"} and {@code "p mean field"} in
 * the panel's dataset 0 and {@code "p mean field ± SD"} in its dataset 1.
 */
public final class MeanFieldChart {

    /** The two populations: key prefix, rates-table column, mean-field rate and SD columns, axis label. */
    private static final String[][] POPULATIONS = {
        {"exc", "rate_exc_hz", "nu_e_hz", "sd_e_hz", "excitatory rate (Hz)"},
        {"inh", "rate_inh_hz", "nu_i_hz", "sd_i_hz", "inhibitory rate (Hz)"}};

    /** The suffix of the simulated rate's series key, after the population ("exc network"). */
    public static final String NETWORK = " network";
    /** The suffix of the mean-field rate's series key ("exc mean field"). */
    public static final String MEAN_FIELD = " mean field";
    /** The suffix of the mean-field band's series key ("exc mean field ± SD"). */
    public static final String BAND = " mean field \u00b1 SD";

    /** The band's opacity. */
    private static final float BAND_ALPHA = 0.25f;

    private MeanFieldChart() {
    }

    /**
     * The chart of a mean-field table (columns {@code time_ms}, {@code nu_e_hz}, {@code nu_i_hz} and,
     * optionally, {@code sd_e_hz}, {@code sd_i_hz}) and, if not null, the network's rates table
     * (columns {@code time_ms}, {@code rate_exc_hz}, {@code rate_inh_hz}) smoothed over
     * {@code smoothingMs} (0 = raw). The band is left out where the mean field has no SD column or
     * its SD is 0 throughout (a first-order model).
     *
     * @throws IllegalArgumentException if a table lacks one of those columns (the message names it
     *         and lists the columns there are), the mean-field table has no rows, or smoothingMs is
     *         negative or not finite
     */
    public static JFreeChart create(Table simulatedRates, Table meanField, double smoothingMs) {
        if (!(smoothingMs >= 0) || Double.isInfinite(smoothingMs)) {
            throw new IllegalArgumentException("smoothingMs = " + smoothingMs + " must be 0 (raw) or a positive number of ms");
        }
        if (meanField == null) {
            throw new IllegalArgumentException("the mean-field table is missing (null)");
        }
        TableSchema mf = meanField.schema();
        mf.require("time_ms", "the mean-field table");
        for (String[] p : POPULATIONS) {
            mf.require(p[2], "the mean-field table");
        }
        if (meanField.rowCount() == 0) {
            throw new IllegalArgumentException("the mean-field table has no rows");
        }
        int networkRows = simulatedRates == null ? 0 : simulatedRates.rowCount();
        int rows = meanField.rowCount();
        if (simulatedRates != null) {
            TableSchema rates = simulatedRates.schema();
            rates.require("time_ms", "the simulated rates table");
            for (String[] p : POPULATIONS) {
                rates.require(p[1], "the simulated rates table");
            }
        }
        // the network's rows as the activity chart works with them; the mean field's time, rate and SD
        Subset.requireMemory("mean-field chart", networkRows + (long) rows,
                ActivityChart.WORKING_BYTES_PER_ROW * networkRows + 3 * 8.0 * rows);
        int[] networkShown = Subset.indices(networkRows, ActivityChart.MAX_POINTS);
        double[] networkTime = null;
        int halfWidth = 0;
        if (simulatedRates != null) {
            double[] allTimes = simulatedRates.doubleColumn("time_ms");
            halfWidth = ActivityChart.halfWidth(allTimes, smoothingMs);
            networkTime = Subset.pick(allTimes, networkShown);
        }
        int[] shown = Subset.indices(rows, ActivityChart.MAX_POINTS);
        double[] time = Subset.pick(meanField.doubleColumn("time_ms"), shown);

        NumberAxis timeAxis = new NumberAxis("time (ms)");
        timeAxis.setAutoRangeIncludesZero(false);
        timeAxis.setLowerMargin(0);
        timeAxis.setUpperMargin(0);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(timeAxis);
        plot.setGap(12);
        for (int k = 0; k < POPULATIONS.length; k++) {
            String[] p = POPULATIONS[k];
            Color colour = ChartStyle.colour(p[0], k);
            double[] nu = Subset.pick(meanField.doubleColumn(p[2]), shown);
            double[] sd = mf.indexOf(p[3]) >= 0 ? Subset.pick(meanField.doubleColumn(p[3]), shown) : null;

            DefaultXYDataset lines = new DefaultXYDataset();
            XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
            lineRenderer.setDrawSeriesLineAsPath(true);
            if (simulatedRates != null) {
                double[] all = ActivityChart.movingAverage(simulatedRates.doubleColumn(p[1]), halfWidth);
                double[] smoothed = Subset.pick(all, networkShown);
                lines.addSeries(p[0] + NETWORK, new double[][] {networkTime, smoothed});
                lineRenderer.setSeriesPaint(0, ChartStyle.tint(colour, 0.45));
                lineRenderer.setSeriesStroke(0, new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
            int mfSeries = lines.getSeriesCount();
            lines.addSeries(p[0] + MEAN_FIELD, new double[][] {time, nu});
            lineRenderer.setSeriesPaint(mfSeries, colour);
            lineRenderer.setSeriesStroke(mfSeries, new BasicStroke(2.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));

            NumberAxis y = new NumberAxis(p[4]);
            y.setAutoRangeIncludesZero(true);
            y.setUpperMargin(0.08);
            XYPlot panel = new XYPlot(lines, null, y, lineRenderer);
            panel.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // the mean field over the network
            panel.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE); // the band under both

            YIntervalSeries band = band(p[0] + BAND, time, nu, sd);
            if (band != null) {
                YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
                bandData.addSeries(band);
                panel.setDataset(1, bandData);
                panel.setRenderer(1, bandRenderer(colour));
            }
            plot.add(panel, 1);
        }

        JFreeChart chart = new JFreeChart("Network and mean field", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        if (simulatedRates != null && halfWidth > 0) {
            chart.addSubtitle(new TextTitle("network rates: " + ChartStyle.ms(smoothingMs) + " ms moving average",
                    ChartStyle.subtitleFont()));
        }
        String network = Subset.note(networkTime == null ? 0 : networkTime.length, networkRows, "time bins");
        String meanFieldRows = Subset.note(time.length, rows, "rows");
        Subset.addNote(chart, network != null && meanFieldRows != null ? "network: " + network + "; mean field: "
                + meanFieldRows : network != null ? "network: " + network : meanFieldRows != null
                        ? "mean field: " + meanFieldRows : null);
        return chart;
    }

    /**
     * nu ± sd, cut at 0 (a rate), where both are finite; null if there is no SD or it is 0 (or
     * missing) throughout.
     */
    private static YIntervalSeries band(String key, double[] time, double[] nu, double[] sd) {
        if (sd == null) {
            return null;
        }
        YIntervalSeries band = new YIntervalSeries(key, false, true);
        boolean width = false;
        for (int i = 0; i < time.length; i++) {
            if (Double.isFinite(time[i]) && Double.isFinite(nu[i]) && Double.isFinite(sd[i])) {
                band.add(time[i], nu[i], Math.max(0, nu[i] - sd[i]), nu[i] + sd[i]);
                width |= sd[i] != 0;
            }
        }
        return width ? band : null;
    }

    /** Fills the band, draws no line; its legend entry is a box in the band's colour. */
    private static DeviationRenderer bandRenderer(Color colour) {
        Color legendColour = ChartStyle.tint(colour, 1 - BAND_ALPHA); // the band's colour over white
        DeviationRenderer renderer = new DeviationRenderer(false, false) {
            private static final long serialVersionUID = 1L;

            @Override
            public LegendItem getLegendItem(int datasetIndex, int series) {
                LegendItem line = super.getLegendItem(datasetIndex, series);
                if (line == null) {
                    return null;
                }
                LegendItem box = new LegendItem(line.getLabel(), null, null, null, new Rectangle2D.Double(-7, -5, 14, 10),
                        legendColour);
                box.setDataset(line.getDataset());
                box.setDatasetIndex(datasetIndex);
                box.setSeriesKey(line.getSeriesKey());
                box.setSeriesIndex(series);
                return box;
            }
        };
        renderer.setSeriesFillPaint(0, colour);
        renderer.setSeriesPaint(0, colour);
        renderer.setAlpha(BAND_ALPHA);
        return renderer;
    }
}
