package org.neuromf.charts;

import java.awt.geom.Rectangle2D;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * A chart as an SVG document, via JFreeSVG. A class of its own so that only writing SVG needs
 * JFreeSVG: the JVM loads SVGGraphics2D when it checks the code that uses it, and ChartImages
 * must load without it (the CLI ships without JFreeSVG).
 */
final class SvgDocument {

    private SvgDocument() {
    }

    static String of(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGDocument();
    }
}
