package org.neuromf.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
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

    /** Light blue to dark navy: the ordered colours of a parameter (e.g. one line per input rate). */
    private static final Color[] SEQUENTIAL = {new Color(0x9ECAE1), new Color(0x6BAED6), new Color(0x4292C6),
        new Color(0x2171B5), new Color(0x08519C), new Color(0x08306B)};

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

    /**
     * Fonts, white background and light grid for a chart with one XY plot, several XY plots stacked
     * on a shared time axis (CombinedDomainXYPlot) or one category (bar) plot.
     */
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
        Plot plot = chart.getPlot();
        if (plot instanceof CombinedDomainXYPlot combined) {
            combined.setBackgroundPaint(Color.WHITE);
            combined.setOutlinePaint(null); // each subplot has its own
            style(combined.getDomainAxis());
            for (XYPlot subplot : combined.getSubplots()) {
                style(subplot);
            }
        } else if (plot instanceof XYPlot xy) {
            style(xy);
        } else if (plot instanceof CategoryPlot category) {
            style(category);
        }
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setFixedRangeAxisSpace(leftAxisSpace());
        style(plot.getDomainAxis());
        style(plot.getRangeAxis());
    }

    private static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setFixedRangeAxisSpace(leftAxisSpace());
        style(plot.getDomainAxis());
        style(plot.getRangeAxis());
    }

    /** The same for every chart, so time axes line up when stacked. */
    private static AxisSpace leftAxisSpace() {
        AxisSpace left = new AxisSpace();
        left.setLeft(80);
        return left;
    }

    private static void style(Axis axis) {
        if (axis != null) {
            axis.setLabelFont(AXIS_LABEL);
            axis.setTickLabelFont(TICK_LABEL);
            axis.setLabelPaint(Color.DARK_GRAY);
            axis.setTickLabelPaint(Color.DARK_GRAY);
        }
    }

    /** The colour mixed with white: 0 = the colour, 1 = white. For lighter variants (tints). */
    static Color tint(Color colour, double white) {
        double w = Math.max(0, Math.min(1, white));
        return new Color((int) Math.round(colour.getRed() + (255 - colour.getRed()) * w),
                (int) Math.round(colour.getGreen() + (255 - colour.getGreen()) * w),
                (int) Math.round(colour.getBlue() + (255 - colour.getBlue()) * w));
    }

    /**
     * The population a label names, if any: the colour of its first word (words split at anything
     * but letters and digits) that names a population (exc..., e / inh..., i), e.g. "muV_e" or
     * "muGi (exc)" excitatory; null if none does.
     */
    static Color populationColour(String label) {
        for (String word : label.split("[^A-Za-z0-9]+")) {
            String w = word.toLowerCase(Locale.ROOT);
            if (w.startsWith("exc") || w.equals("e")) {
                return EXCITATORY;
            }
            if (w.startsWith("inh") || w.equals("i")) {
                return INHIBITORY;
            }
        }
        return null;
    }

    /**
     * The colour of the index-th of count ordered values on a sequential scale, light (first) to
     * dark (last); a single value gets a middle shade.
     */
    static Color sequential(int index, int count) {
        double t = count <= 1 ? 0.6 : (double) index / (count - 1);
        double p = Math.max(0, Math.min(1, t)) * (SEQUENTIAL.length - 1);
        int k = Math.min(SEQUENTIAL.length - 2, (int) Math.floor(p));
        double f = p - k;
        Color a = SEQUENTIAL[k];
        Color b = SEQUENTIAL[k + 1];
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }

    /**
     * A number for a label: 3 significant digits (all of the integer part if it has more), no
     * needless zeros: 8 -> "8", 2.5 -> "2.5", 1.23456 -> "1.23", 0.012345 -> "0.0123", -55.04 -> "-55".
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(value);
        int integerDigits = d.precision() - d.scale();
        BigDecimal rounded = d.round(new MathContext(Math.max(3, integerDigits)));
        String s = rounded.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    static Font subtitleFont() {
        return SUBTITLE;
    }

    /** A number of milliseconds without a needless ".0": 5 -> "5", 2.5 -> "2.5". */
    static String ms(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
