package org.neuromf.charts;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.neuromf.core.util.AtomicFiles;
import org.neuromf.core.util.MemoryBudget;

/**
 * Writes charts as PNG or SVG files. Each file is written to a temporary file in the same folder
 * and then moved into place, so a failed write never leaves a half-written image.
 */
public final class ChartImages {

    static {
        ensureHeadlessWithoutDisplay();
    }

    private ChartImages() {
    }

    /** Renders the chart at width x height pixels into a PNG file. */
    public static void writePng(JFreeChart chart, Path file, int width, int height) {
        byte[] png = png(chart, width, height);
        AtomicFiles.write(file, tmp -> Files.write(tmp, png));
    }

    /** The chart rendered at width x height pixels, as the bytes of a PNG image. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        checkImageMemory(width, height);
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        return PngEncoder.encode(pixels(image), width, height);
    }

    /** The image's pixels as 0xRRGGBB, row after row: its own array where it is laid out so. */
    static int[] pixels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == width && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0) {
            int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            if (data.length == width * height) {
                return data;
            }
        }
        return image.getRGB(0, 0, width, height, null, 0, width);
    }

    /**
     * Draws the chart on a width x height canvas into an SVG file (vector graphics). Needs JFreeSVG
     * (org.jfree.svg), which only this method uses: writePng works without it.
     */
    public static void writeSvg(JFreeChart chart, Path file, int width, int height) {
        String svg = svg(chart, width, height);
        AtomicFiles.write(file, tmp -> Files.writeString(tmp, svg, StandardCharsets.UTF_8));
    }

    /** The chart drawn on a width x height canvas, as an SVG document. */
    public static String svg(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        return SvgDocument.of(chart, width, height);
    }

    /**
     * Bytes a PNG of width x height takes while it is made: the image (4 per pixel), the encoded
     * file in the three buffers PngEncoder assembles it in, counted at 1 byte per pixel (a chart
     * compresses to about a third of a byte a pixel: 266 kB for the 1200 x 700 rates figure), and
     * the drawing's {@link Subset#ALLOWANCE}.
     */
    static double pngBytes(int width, int height) {
        return 5.0 * width * height + Subset.ALLOWANCE;
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size " + width + " x " + height + " must be at least 1 x 1 pixels");
        }
    }

    private static void checkImageMemory(int width, int height) {
        MemoryBudget.require("a " + width + " x " + height + " pixel image", pngBytes(width, height),
                "use a smaller width_px or height_px");
    }

    /**
     * Sets {@code java.awt.headless=true} when nobody has set it and there is no display to use (a
     * Linux or Unix machine without DISPLAY or WAYLAND_DISPLAY: servers, CI, containers), so charts
     * render there. It must happen before AWT first asks; where a display exists it is left alone, so
     * that a desktop host (KNIME) keeps its windows.
     */
    static void ensureHeadlessWithoutDisplay() {
        if (System.getProperty("java.awt.headless") != null) {
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean display = os.contains("win") || os.contains("mac") || present(System.getenv("DISPLAY"))
                || present(System.getenv("WAYLAND_DISPLAY"));
        if (!display) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
