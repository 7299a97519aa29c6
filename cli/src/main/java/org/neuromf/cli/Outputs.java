package org.neuromf.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jfree.chart.JFreeChart;
import org.neuromf.charts.ChartImages;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;

/**
 * Writes result tables (CSV) and figures (PNG or SVG, by the name's extension, 1200 x 700) into a
 * folder: first all into a hidden folder beside them, then each moved into place, so a failed or
 * interrupted run leaves no half-written file.
 */
final class Outputs {

    static final int WIDTH = 1200;
    static final int HEIGHT = 700;

    private Outputs() {
    }

    static void write(Path dir, Map<String, Table> tables) {
        write(dir, tables, Map.of());
    }

    /** Writes the tables and figures; returns the names written, tables first. */
    static List<String> write(Path dir, Map<String, Table> tables, Map<String, JFreeChart> figures) {
        if (!figures.isEmpty() && System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // a command line never opens a window
        }
        List<String> names = new ArrayList<>(tables.keySet());
        names.addAll(figures.keySet());
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, ".writing-");
            try {
                for (Map.Entry<String, Table> e : tables.entrySet()) {
                    Csv.write(e.getValue(), staging.resolve(e.getKey()));
                }
                for (Map.Entry<String, JFreeChart> e : figures.entrySet()) {
                    Path file = staging.resolve(e.getKey());
                    if (e.getKey().endsWith(".svg")) {
                        ChartImages.writeSvg(e.getValue(), file, WIDTH, HEIGHT);
                    } else {
                        ChartImages.writePng(e.getValue(), file, WIDTH, HEIGHT);
                    }
                }
                for (String name : names) {
                    Files.move(staging.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                try (Stream<Path> left = Files.walk(staging)) {
                    left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
        return names;
    }
}
