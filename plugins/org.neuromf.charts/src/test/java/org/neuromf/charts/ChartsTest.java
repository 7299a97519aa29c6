package org.neuromf.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

class ChartsTest {

    @TempDir
    Path tmp;

    /** 100 ms in 0.1 ms bins: exc at 2 Hz, inh at 10 Hz, drive 4 Hz. */
    private static Table rates() {
        int n = 1000;
        double[] time = new double[n];
        double[] exc = new double[n];
        double[] inh = new double[n];
        double[] drive = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * 0.1;
            exc[i] = i % 2 == 0 ? 0 : 4; // noisy, mean 2
            inh[i] = 10;
            drive[i] = 4;
        }
        return Table.ofColumns(TableSchema.of(ColumnSpec.real("time_ms", "time"), ColumnSpec.real("rate_exc_hz", "exc"),
                ColumnSpec.real("rate_inh_hz", "inh"), ColumnSpec.real("drive_hz", "drive")), time, exc, inh, drive);
    }

    private static Table spikes() {
        Table.Builder b = Table.builder(TableSchema.of(ColumnSpec.real("time_ms", "time"), ColumnSpec.integer("neuron", "index"),
                ColumnSpec.text("population", "population")));
        for (int k = 0; k < 50; k++) {
            b.addRow(k * 2.0, k * 7 % 300, "exc"); // indices up to 299: some above the limit
            b.addRow(k * 2.0 + 1, k % 20, "inh");
        }
        return b.build();
    }

    private static List<String> seriesKeys(JFreeChart chart) {
        XYDataset data = chart.getXYPlot().getDataset();
        return Stream.iterate(0, i -> i + 1).limit(data.getSeriesCount()).map(i -> data.getSeriesKey(i).toString()).toList();
    }

    private static BufferedImage readPng(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4), "PNG signature");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "ImageIO reads " + file);
        return image;
    }

    @Test
    void activityChartHasOneSeriesPerPopulationAndTheDrive() {
        JFreeChart chart = ActivityChart.create(rates(), 5);
        assertEquals(List.of("exc", "inh", ActivityChart.DRIVE), seriesKeys(chart));
        XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getRangeAxis().getLabel().contains("5 ms moving average"), plot.getRangeAxis().getLabel());
        assertEquals(ChartStyle.EXCITATORY, plot.getRenderer().getSeriesPaint(0));
        assertEquals(ChartStyle.INHIBITORY, plot.getRenderer().getSeriesPaint(1));
        XYDataset data = plot.getDataset();
        assertEquals(2.0, data.getYValue(0, 500), 0.1, "exc smoothed to its mean");
        assertEquals(4.0, data.getYValue(2, 500), 1e-12, "drive not smoothed");

        JFreeChart raw = ActivityChart.create(rates(), 0);
        assertEquals("rate (Hz)", raw.getXYPlot().getRangeAxis().getLabel());
        assertEquals(4.0, raw.getXYPlot().getDataset().getYValue(0, 501), "raw rates unchanged");
    }

    @Test
    void movingAverageOfAConstantIsTheConstant() {
        double[] c = new double[40];
        Arrays.fill(c, 3.7);
        for (int h : new int[] {0, 1, 5, 39, 100}) {
            for (double v : ActivityChart.movingAverage(c, h)) {
                assertEquals(3.7, v, 1e-12, "half width " + h);
            }
        }
    }

    @Test
    void movingAverageOfAKnownSequence() {
        double[] x = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new double[] {1.5, 2, 3, 4, 5, 5.5}, ActivityChart.movingAverage(x, 1), 1e-12);
        assertArrayEquals(new double[] {2, 2.5, 3, 4, 4.5, 5}, ActivityChart.movingAverage(x, 2), 1e-12);
        assertArrayEquals(x, ActivityChart.movingAverage(x, 0));
        assertArrayEquals(new double[] {1, 2, 3}, ActivityChart.movingAverage(new double[] {1, Double.NaN, 3}, 1), 1e-12,
                "missing samples are left out");
    }

    @Test
    void smoothingWindowFollowsTheTimeStep() {
        double[] time = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        assertEquals(25, ActivityChart.halfWidth(rates().doubleColumn("time_ms"), 5), "5 ms at 0.1 ms: 51 samples");
        assertEquals(2, ActivityChart.halfWidth(time, 0.5), "0.5 ms at 0.1 ms: 5 samples");
        assertEquals(0, ActivityChart.halfWidth(time, 0.05), "less than a step: raw");
        assertEquals(0, ActivityChart.halfWidth(time, 0));
    }

    @Test
    void rasterStacksThePopulationsAndLimitsTheNeurons() {
        JFreeChart chart = RasterChart.create(spikes(), 200);
        assertEquals(List.of("exc", "inh"), seriesKeys(chart));
        XYDataset data = chart.getXYPlot().getDataset();
        double excMax = 0;
        for (int i = 0; i < data.getItemCount(0); i++) {
            excMax = Math.max(excMax, data.getYValue(0, i));
        }
        assertTrue(excMax < 200, "only neurons below the limit");
        assertTrue(data.getItemCount(0) < 50, "spikes of neurons 200 and above left out");
        assertEquals(50, data.getItemCount(1));
        for (int i = 0; i < data.getItemCount(1); i++) {
            double y = data.getYValue(1, i);
            assertTrue(y >= 200 && y < 220, "inh above the 200 exc rows: " + y);
        }
        assertEquals(220, chart.getXYPlot().getRangeAxis().getUpperBound(), 1e-9);
        assertEquals(ChartStyle.EXCITATORY, chart.getXYPlot().getRenderer().getSeriesPaint(0));
        assertEquals(ChartStyle.INHIBITORY, chart.getXYPlot().getRenderer().getSeriesPaint(1));

        JFreeChart spanned = RasterChart.create(spikes(), 200, 0, 500);
        assertEquals(0, spanned.getXYPlot().getDomainAxis().getLowerBound());
        assertEquals(500, spanned.getXYPlot().getDomainAxis().getUpperBound());
        assertEquals(List.of(), seriesKeys(RasterChart.create(Table.builder(spikes().schema()).build(), 200, 0, 500)),
                "no spikes: an empty raster");
    }

    @Test
    void chartsRenderToPngOfTheRequestedSize() throws Exception {
        Path rates = tmp.resolve("out/rates.png");
        ChartImages.writePng(ActivityChart.create(rates()), rates, 900, 450);
        BufferedImage image = readPng(rates);
        assertEquals(900, image.getWidth());
        assertEquals(450, image.getHeight());

        Path raster = tmp.resolve("out/raster.png");
        ChartImages.writePng(RasterChart.create(spikes()), raster, 640, 480);
        image = readPng(raster);
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());

        ChartImages.writePng(RasterChart.create(spikes()), raster, 320, 200); // replaces the file
        assertEquals(320, readPng(raster).getWidth());
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            Path plain = Files.createFile(tmp.resolve("plain"));
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(raster),
                    "permissions of any new file, not owner-only");
            Files.delete(plain);
        }
        try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
            assertEquals(List.of("raster.png", "rates.png"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left");
        }
    }

    @Test
    void chartsRenderToSvg() throws Exception {
        Path svg = tmp.resolve("rates.svg");
        ChartImages.writeSvg(ActivityChart.create(rates()), svg, 800, 400);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg") && text.contains("</svg>"), "an SVG document");
        assertTrue(text.contains("Population rates"), "with the title as text");
    }

    @Test
    void missingColumnsAreNamedWithTheColumnsThereAre() {
        Table noTime = Table.ofColumns(TableSchema.of(ColumnSpec.real("t_ms", "time"), ColumnSpec.real("rate_exc_hz", "exc")),
                new double[] {0, 0.1}, new double[] {1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivityChart.create(noTime));
        assertTrue(e.getMessage().contains("time_ms") && e.getMessage().contains("t_ms, rate_exc_hz"), e.getMessage());

        Table noRates = Table.ofColumns(TableSchema.of(ColumnSpec.real("time_ms", "time"), ColumnSpec.real("drive_hz", "d")),
                new double[] {0, 0.1}, new double[] {1, 2});
        e = assertThrows(IllegalArgumentException.class, () -> ActivityChart.create(noRates));
        assertTrue(e.getMessage().contains("rate_<population>_hz") && e.getMessage().contains("time_ms, drive_hz"),
                e.getMessage());

        Table noPopulation = Table.ofColumns(TableSchema.of(ColumnSpec.real("time_ms", "time"), ColumnSpec.integer("neuron", "i")),
                new double[] {1}, new int[] {0});
        e = assertThrows(IllegalArgumentException.class, () -> RasterChart.create(noPopulation, 10));
        assertTrue(e.getMessage().contains("population") && e.getMessage().contains("time_ms, neuron"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> ActivityChart.create(rates(), -1));
        assertThrows(IllegalArgumentException.class, () -> RasterChart.create(spikes(), 0));
        assertThrows(IllegalArgumentException.class, () -> ChartImages.writePng(ActivityChart.create(rates()),
                tmp.resolve("x.png"), 0, 10));
        assertFalse(Files.exists(tmp.resolve("x.png")));
    }
}
