package org.neuromf.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The encoder is checked by decoding its files with ImageIO, an independent PNG reader. */
class PngEncoderTest {

    @Test
    void everyPixelSurvivesTheRoundTrip() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        int width = 37;
        int height = 23;
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
            // noise, flat runs, and the extremes 0x000000 and 0xffffff, where the Sub filter wraps around
            rgb[i] = i % 5 == 0 ? random.nextInt(1 << 24) : i % 5 == 1 ? 0xffffff : i % 5 == 2 ? 0 : 0x123456;
        }
        assertPixels(rgb, width, height, ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(rgb, width, height))));
        int[] single = {0xabcdef};
        assertPixels(single, 1, 1, ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(single, 1, 1))));
    }

    @Test
    void aRenderedChartIsWrittenPixelForPixel() throws Exception {
        XYSeries series = new XYSeries("rate");
        for (int i = 0; i < 200; i++) {
            series.add(i, Math.sin(i / 10.0));
        }
        BufferedImage image = ChartFactory.createXYLineChart("t", "x", "y", new XYSeriesCollection(series))
                .createBufferedImage(300, 200, BufferedImage.TYPE_INT_RGB, null);
        int[] expected = image.getRGB(0, 0, 300, 200, null, 0, 300);
        byte[] png = ChartImages.png(ChartFactory.createXYLineChart("t", "x", "y", new XYSeriesCollection(series)), 300, 200);
        assertPixels(expected, 300, 200, ImageIO.read(new ByteArrayInputStream(png)));
    }

    @Test
    void pixelsOfAnotherLayoutAreReadThroughTheColourModel() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x336699));
        graphics.fillRect(1, 1, 2, 1);
        graphics.dispose();
        int[] pixels = ChartImages.pixels(image);
        assertEquals(12, pixels.length);
        assertEquals(0x336699, pixels[4 + 1] & 0xffffff);
        assertEquals(0, pixels[0] & 0xffffff);
    }

    @Test
    void aWrongPixelCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PngEncoder.encode(new int[5], 2, 3));
    }

    private static void assertPixels(int[] expected, int width, int height, BufferedImage decoded) {
        assertEquals(width, decoded.getWidth());
        assertEquals(height, decoded.getHeight());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertEquals(expected[y * width + x] & 0xffffff, decoded.getRGB(x, y) & 0xffffff,
                        "pixel (" + x + ", " + y + ")");
            }
        }
    }
}
