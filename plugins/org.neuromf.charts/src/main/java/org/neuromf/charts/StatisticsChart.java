package org.neuromf.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Summary statistics of the network against the mean field's predictions, e.g. the mean membrane
 * potentials (mV) or mean conductances (nS) of both populations: for each quantity a "network" bar
 * (light, with an error bar of ± its SD where given) beside a "mean field" bar (dark), with the
 * values written on the bars. A quantity whose name names a population (a word exc..., e, inh...,
 * i, as in "muV_e" or "sV inh") takes that population's colour; others are grey.
 *
 * <p>Bars start at 0, so negative values (muV, about -55 mV) hang down from the zero line; the
 * values written at each bar's base keep small differences between them readable.
 *
 * <p>Dataset: rows {@link #NETWORK} and {@link #MEAN_FIELD}, one column per quantity.
 */
public final class StatisticsChart {

    /** The row key of the network's values. */
    public static final String NETWORK = "network";

    /** The row key of the mean field's values. */
    public static final String MEAN_FIELD = "mean field";

    /** The most quantities a chart has: two bars and two values each, more are not readable. */
    public static final int MAX_QUANTITIES = 100;

    private static final Color NEUTRAL = new Color(0x505050);
    private static final double NETWORK_TINT = 0.55;

    private StatisticsChart() {
    }

    /**
     * The chart. A NaN value leaves its bar out, a NaN SD (or a null simulatedSd) its error bar.
     *
     * @param title the chart's title (null or blank: "Network and mean field")
     * @param unit the values' unit for the axis label, e.g. "mV" (null or blank: none)
     * @param quantities the quantities' names, distinct and not blank
     * @param simulated the network's value of each quantity
     * @param simulatedSd the SD of each network value (for the error bars), or null
     * @param predicted the mean field's value of each quantity
     * @throws IllegalArgumentException if quantities is empty or more than {@value #MAX_QUANTITIES}, has a blank
     *         or repeated name, an
     *         array is missing or not as long as quantities, a value or SD is infinite or an SD
     *         negative
     */
    public static JFreeChart create(String title, String unit, List<String> quantities, double[] simulated,
            double[] simulatedSd, double[] predicted) {
        if (quantities == null || quantities.isEmpty()) {
            throw new IllegalArgumentException("quantities must name at least one quantity");
        }
        if (quantities.size() > MAX_QUANTITIES) {
            throw new IllegalArgumentException("quantities names " + quantities.size()
                    + " quantities; a statistics chart draws at most " + MAX_QUANTITIES
                    + ": draw them in several charts");
        }
        Set<String> seen = new HashSet<>();
        for (String q : quantities) {
            if (q == null || q.isBlank()) {
                throw new IllegalArgumentException("quantities has a blank name: " + quantities);
            }
            if (!seen.add(q)) {
                throw new IllegalArgumentException("quantities names '" + q + "' twice: " + quantities);
            }
        }
        check("simulated", simulated, quantities.size(), false);
        if (simulatedSd != null) {
            check("simulatedSd", simulatedSd, quantities.size(), true);
        }
        check("predicted", predicted, quantities.size(), false);

        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        Color[] colours = new Color[quantities.size()];
        for (int c = 0; c < quantities.size(); c++) {
            String q = quantities.get(c);
            Double sd = simulatedSd != null && !Double.isNaN(simulatedSd[c]) ? simulatedSd[c] : null;
            data.add(value(simulated[c]), sd, NETWORK, q);
            data.add(value(predicted[c]), null, MEAN_FIELD, q);
            Color population = ChartStyle.populationColour(q);
            colours[c] = population != null ? population : NEUTRAL;
        }

        StatisticalBarRenderer renderer = new StatisticalBarRenderer() {
            private static final long serialVersionUID = 1L;

            /** The quantity's colour, light for the network and dark for the mean field. */
            @Override
            public Paint getItemPaint(int row, int column) {
                return row == 0 ? ChartStyle.tint(colours[column], NETWORK_TINT) : colours[column];
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.06);
        renderer.setMaximumBarWidth(0.12);
        renderer.setSeriesPaint(0, ChartStyle.tint(NEUTRAL, NETWORK_TINT)); // the legend: light = network
        renderer.setSeriesPaint(1, NEUTRAL); // dark = mean field
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.3f));
        DecimalFormat format = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        renderer.setDefaultItemLabelPaint(Color.BLACK);
        // the value at the bar's base (clear of the error bar at its end); outside a bar too short for it
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE6, TextAnchor.BOTTOM_CENTER));
        renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE12, TextAnchor.TOP_CENTER));
        renderer.setPositiveItemLabelPositionFallback(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        renderer.setNegativeItemLabelPositionFallback(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER));

        CategoryAxis x = new CategoryAxis(null);
        x.setMaximumCategoryLabelLines(2);
        x.setCategoryMargin(0.25);
        String label = unit == null || unit.isBlank() ? "value" : "value (" + unit.strip() + ")";
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.1);
        y.setLowerMargin(0.1);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(Color.GRAY);
        plot.setRangeZeroBaselineStroke(new BasicStroke(1.2f));
        String name = title == null || title.isBlank() ? "Network and mean field" : title.strip();
        JFreeChart chart = new JFreeChart(name, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        return chart;
    }

    private static void check(String name, double[] values, int length, boolean sd) {
        if (values == null) {
            throw new IllegalArgumentException(name + " is missing (null)");
        }
        if (values.length != length) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, one per quantity would be " + length);
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i]) || (sd && values[i] < 0)) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " must be "
                        + (sd ? "0 or positive and finite" : "finite") + " (or NaN for none)");
            }
        }
    }

    private static Double value(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
