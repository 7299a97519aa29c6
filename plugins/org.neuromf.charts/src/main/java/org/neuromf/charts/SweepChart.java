package org.neuromf.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.table.ColumnType;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * A sweep's rates against a swept value: for each population the network's mean rate (the mean over
 * the runs at the same values, with ± their SD) as points with error bars, and the mean field's fixed
 * point as a line where the summary has one. Runs that differ in another swept value are drawn as
 * separate series, labelled with it (the first {@value #MAX_GROUPS} combinations). Failed runs (NaN
 * rates) are left out.
 */
public final class SweepChart {

    /** Combinations of the other swept values drawn at most; more are not readable. */
    public static final int MAX_GROUPS = 6;

    private static final String RATE = "_mean_rate_hz";

    /**
     * The swept column drawn along the horizontal axis: {@code x}, which must be a numeric swept
     * column of the summary, or the first of them when {@code x} is empty or null.
     */
    public static String axis(TableSchema summary, String x) {
        int first = summary.require("seed", "the sweep summary") + 1;
        int end = summary.require("status", "the sweep summary");
        List<String> swept = summary.names().subList(first, end);
        List<String> numeric = swept.stream()
                .filter(c -> summary.column(summary.indexOf(c)).type() != ColumnType.STRING).toList();
        if (x == null || x.isBlank()) {
            if (numeric.isEmpty()) {
                throw new ParameterException("x", "the sweep summary has no numeric swept column to draw against"
                        + (swept.isEmpty() ? "" : " (swept: " + String.join(", ", swept) + ")"));
            }
            return numeric.get(0);
        }
        if (!numeric.contains(x)) {
            throw new ParameterException("x", "x = " + x + " is not a numeric swept column of the sweep summary; they"
                    + " are: " + String.join(", ", numeric));
        }
        return x;
    }

    private SweepChart() {
    }

    /**
     * @param summary a sweep's summary (Network Sweep's): run, seed, the swept columns, status, then
     *            {@code POP_mean_rate_hz} (and the other statistics) per population and, optionally,
     *            {@code mf_nu_e_hz} and {@code mf_nu_i_hz} for the first two populations
     * @param x the swept column on the horizontal axis (numeric); empty or null: the first numeric one
     */
    public static JFreeChart create(Table summary, String x) {
        TableSchema schema = summary.schema();
        x = axis(schema, x);
        int end = schema.indexOf("status");
        List<String> swept = schema.names().subList(schema.indexOf("seed") + 1, end);
        String axis = x;
        List<String> others = swept.stream().filter(c -> !c.equals(axis)).toList();
        List<String> populations = new ArrayList<>();
        for (String c : schema.names().subList(end, schema.size())) {
            if (c.endsWith(RATE)) {
                populations.add(c.substring(0, c.length() - RATE.length()));
            }
        }
        int xColumn = schema.indexOf(x);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < summary.rowCount(); r++) {
            StringBuilder key = new StringBuilder();
            for (String o : others) {
                Object v = summary.get(r, schema.indexOf(o));
                key.append(key.length() == 0 ? "" : ", ").append(o).append(" = ")
                        .append(v instanceof Double d ? ChartStyle.number(d) : String.valueOf(v));
            }
            groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(r);
        }
        YIntervalSeriesCollection network = new YIntervalSeriesCollection();
        XYSeriesCollection meanField = new XYSeriesCollection();
        List<Color> networkColours = new ArrayList<>();
        List<Color> meanFieldColours = new ArrayList<>();
        int g = 0;
        for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            if (g == MAX_GROUPS) {
                break;
            }
            String suffix = group.getKey().isEmpty() ? "" : " (" + group.getKey() + ")";
            for (int p = 0; p < populations.size(); p++) {
                String pop = populations.get(p);
                Color colour = ChartStyle.tint(ChartStyle.colour(pop, p), 0.55 * g / MAX_GROUPS);
                int rate = schema.indexOf(pop + RATE);
                TreeMap<Double, List<Double>> byX = new TreeMap<>();
                TreeMap<Double, Double> predicted = new TreeMap<>();
                String mf = p == 0 ? "mf_nu_e_hz" : p == 1 ? "mf_nu_i_hz" : null;
                int mfColumn = mf == null ? -1 : summary.schema().indexOf(mf);
                for (int r : group.getValue()) {
                    double xv = summary.getDouble(r, xColumn);
                    double v = summary.getDouble(r, rate);
                    if (Double.isFinite(xv) && Double.isFinite(v)) {
                        byX.computeIfAbsent(xv, k -> new ArrayList<>()).add(v);
                    }
                    if (mfColumn >= 0 && Double.isFinite(xv) && Double.isFinite(summary.getDouble(r, mfColumn))) {
                        predicted.put(xv, summary.getDouble(r, mfColumn));
                    }
                }
                YIntervalSeries points = new YIntervalSeries(pop + " network" + suffix, false, true);
                byX.forEach((xv, values) -> {
                    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                    double sd = values.size() < 2 ? 0 : Math.sqrt(values.stream()
                            .mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
                    points.add(xv, mean, mean - sd, mean + sd);
                });
                network.addSeries(points);
                networkColours.add(colour);
                if (!predicted.isEmpty()) {
                    XYSeries line = new XYSeries(pop + " mean field" + suffix, false, true);
                    predicted.forEach(line::add);
                    meanField.addSeries(line);
                    meanFieldColours.add(colour);
                }
            }
            g++;
        }
        XYErrorRenderer points = new XYErrorRenderer();
        points.setDrawXError(false);
        points.setDefaultLinesVisible(false);
        points.setCapLength(6);
        for (int s = 0; s < networkColours.size(); s++) {
            points.setSeriesPaint(s, networkColours.get(s));
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < meanFieldColours.size(); s++) {
            lines.setSeriesPaint(s, meanFieldColours.get(s));
            lines.setSeriesStroke(s, new BasicStroke(2f));
        }
        NumberAxis xAxis = new NumberAxis(x);
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = new NumberAxis("rate (Hz)");
        XYPlot plot = new XYPlot(network, xAxis, yAxis, points);
        plot.setDataset(1, meanField);
        plot.setRenderer(1, lines);
        JFreeChart chart = new JFreeChart("Sweep: rates against " + x, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        if (groups.size() > MAX_GROUPS) {
            chart.addSubtitle(new TextTitle("the first " + MAX_GROUPS + " of " + groups.size() + " combinations of "
                    + String.join(", ", others), ChartStyle.subtitleFont()));
        }
        ChartStyle.apply(chart);
        return chart;
    }
}
