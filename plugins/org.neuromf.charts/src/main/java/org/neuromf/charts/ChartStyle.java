package org.neuromf.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The look the NeuroMF charts share: colours per population, fonts, white background, light grid. */
final class ChartStyle {

    static final Color EXCITATORY = new Color(0x1B9E3A);
    static final Color INHIBITORY = new Color(0xD62728);
    static final Color DRIVE = new Color(0x7F7F7F);
    /** For populations that are neither exc nor inh. */
    private static final Color[] OTHERS = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0x17BECF)};

    private static final Color GRID = new Color(0xDDDDDD);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    private ChartStyle() {
    }

    /**
     * The colour of a population: excitatory green, inhibitory red (by name: exc..., e / inh..., i),
     * any other one from a fixed palette by its position (the index of its series).
     */
    static Color colour(String population, int position) {
        String p = population.toLowerCase(Locale.ROOT);
        if (p.startsWith("exc") || p.equals("e")) {
            return EXCITATORY;
        }
        if (p.startsWith("inh") || p.equals("i")) {
            return INHIBITORY;
        }
        return OTHERS[Math.floorMod(position, OTHERS.length)];
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /** Fonts, white background and light grid for a chart with one XY plot. */
    static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(BlockBorder.NONE);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        AxisSpace left = new AxisSpace(); // the same for every chart, so time axes line up when stacked
        left.setLeft(80);
        plot.setFixedRangeAxisSpace(left);
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelFont(AXIS_LABEL);
            axis.setTickLabelFont(TICK_LABEL);
            axis.setLabelPaint(Color.DARK_GRAY);
            axis.setTickLabelPaint(Color.DARK_GRAY);
        }
    }

    static Font subtitleFont() {
        return SUBTITLE;
    }

    /** A number of milliseconds without a needless ".0": 5 -> "5", 2.5 -> "2.5". */
    static String ms(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
