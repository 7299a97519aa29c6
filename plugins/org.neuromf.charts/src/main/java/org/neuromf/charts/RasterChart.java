package org.neuromf.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYDataset;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * A spike raster from a spikes table with the columns {@code time_ms}, {@code neuron} (index within
 * its population, from 0) and {@code population}: one dot per spike at (time, neuron). The
 * populations are stacked in alphabetical order (so exc at the bottom, inh above it), each offset by
 * the neurons shown below it; of each population only the neurons with an index below a limit are
 * shown. Of more than {@value #MAX_DOTS} spikes of those neurons, that many, evenly spread in the
 * table's order, are drawn, as the figure says.
 */
public final class RasterChart {

    /** The neurons per population that {@link #create(Table)} shows. */
    public static final int DEFAULT_MAX_NEURONS = 200;

    /** The most spikes drawn: at 2 x 2 pixels per dot, more than a figure can tell apart. */
    public static final int MAX_DOTS = 100_000;

    private RasterChart() {
    }

    /** The raster of the first {@value #DEFAULT_MAX_NEURONS} neurons of each population. */
    public static JFreeChart create(Table spikes) {
        return create(spikes, DEFAULT_MAX_NEURONS);
    }

    /**
     * The raster of the neurons with index below {@code maxNeuronsPerPopulation} in each population.
     * A population takes as many rows as it shows neurons: the limit, or fewer if its highest spiking
     * neuron index is lower (the table does not tell the population's size).
     *
     * @throws IllegalArgumentException if a column is missing (the message lists the columns there
     *         are) or maxNeuronsPerPopulation is below 1
     */
    public static JFreeChart create(Table spikes, int maxNeuronsPerPopulation) {
        return create(spikes, maxNeuronsPerPopulation, Double.NaN, Double.NaN);
    }

    /**
     * As {@link #create(Table, int)}, with the time axis from {@code fromMs} to {@code toMs} (e.g. the
     * simulated time, which the spikes alone do not tell). Unless both are finite and fromMs &lt; toMs
     * (e.g. NaN), the axis spans the spikes.
     */
    public static JFreeChart create(Table spikes, int maxNeuronsPerPopulation, double fromMs, double toMs) {
        boolean timeRange = Double.isFinite(fromMs) && Double.isFinite(toMs) && fromMs < toMs;
        if (maxNeuronsPerPopulation < 1) {
            throw new IllegalArgumentException("maxNeuronsPerPopulation = " + maxNeuronsPerPopulation + " must be at least 1");
        }
        TableSchema schema = spikes.schema();
        int timeColumn = schema.require("time_ms", "the spikes table");
        int neuronColumn = schema.require("neuron", "the spikes table");
        int populationColumn = schema.require("population", "the spikes table");

        // pass 1: per population {highest neuron index + 1, spikes of the neurons shown}
        Map<String, int[]> counts = new TreeMap<>();
        long inRange = 0;
        for (int r = 0; r < spikes.rowCount(); r++) {
            int[] c = counts.computeIfAbsent(String.valueOf(spikes.getString(r, populationColumn)), k -> new int[2]);
            int neuron = (int) spikes.getDouble(r, neuronColumn);
            c[0] = Math.max(c[0], neuron + 1);
            if (neuron >= 0 && neuron < maxNeuronsPerPopulation) {
                inRange++;
            }
        }
        // pass 2: the dots drawn per population, an evenly spread subset of at most MAX_DOTS
        long j = 0;
        for (int r = 0; r < spikes.rowCount(); r++) {
            int neuron = (int) spikes.getDouble(r, neuronColumn);
            if (neuron >= 0 && neuron < maxNeuronsPerPopulation && Subset.keeps(j++, inRange, MAX_DOTS)) {
                counts.get(String.valueOf(spikes.getString(r, populationColumn)))[1]++;
            }
        }
        // pass 3: the dots, offset by the neurons shown of the populations below
        List<String> populations = new ArrayList<>(counts.keySet());
        Map<String, double[][]> dots = new TreeMap<>();
        Map<String, Integer> offsets = new TreeMap<>();
        int shown = 0;
        boolean cut = false;
        for (String p : populations) {
            int[] c = counts.get(p);
            dots.put(p, new double[2][c[1]]);
            offsets.put(p, shown);
            shown += Math.min(maxNeuronsPerPopulation, c[0]);
            cut |= c[0] > maxNeuronsPerPopulation;
            c[1] = 0; // from here on: the dots filled in
        }
        j = 0;
        for (int r = 0; r < spikes.rowCount(); r++) {
            int neuron = (int) spikes.getDouble(r, neuronColumn);
            if (neuron >= 0 && neuron < maxNeuronsPerPopulation && Subset.keeps(j++, inRange, MAX_DOTS)) {
                String p = String.valueOf(spikes.getString(r, populationColumn));
                int[] c = counts.get(p);
                double[][] xy = dots.get(p);
                xy[0][c[1]] = spikes.getDouble(r, timeColumn);
                xy[1][c[1]] = offsets.get(p) + neuron;
                c[1]++;
            }
        }

        DefaultXYDataset data = new DefaultXYDataset();
        XYDotRenderer renderer = new XYDotRenderer();
        renderer.setDotWidth(2);
        renderer.setDotHeight(2);
        renderer.setLegendShape(new Rectangle2D.Double(-4, -4, 8, 8));
        for (int i = 0; i < populations.size(); i++) {
            data.addSeries(populations.get(i), dots.get(populations.get(i)));
            renderer.setSeriesPaint(i, ChartStyle.colour(populations.get(i), i));
        }

        NumberAxis x = new NumberAxis("time (ms)");
        x.setAutoRangeIncludesZero(false);
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        if (timeRange) {
            x.setRange(fromMs, toMs);
        }
        NumberAxis y = new NumberAxis("neuron (populations stacked)");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (shown > 0) {
            y.setRange(0, shown);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        for (String p : populations) {
            int offset = offsets.get(p);
            if (offset > 0) {
                plot.addRangeMarker(new ValueMarker(offset, Color.GRAY, new BasicStroke(1f)));
            }
        }
        JFreeChart chart = new JFreeChart("Spike raster", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        if (spikes.rowCount() == 0) {
            chart.addSubtitle(new TextTitle("no spikes", ChartStyle.subtitleFont()));
        } else if (cut) {
            chart.addSubtitle(new TextTitle("first " + maxNeuronsPerPopulation + " neurons of each population",
                    ChartStyle.subtitleFont()));
        }
        Subset.addNote(chart, Subset.note(Subset.size(inRange, MAX_DOTS), inRange, "spikes"));
        return chart;
    }
}
