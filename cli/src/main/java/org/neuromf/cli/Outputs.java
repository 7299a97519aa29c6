package org.neuromf.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.neuromf.charts.ChartImages;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.OutputFolder;

import picocli.CommandLine.ParseResult;

/**
 * A command's results in its {@code --out} folder, through {@link OutputFolder}: opened (checked,
 * locked, staged) before the work, filled with tables (CSV) and figures (PNG or SVG by the name's
 * extension, 1200 x 700), committed by the command once everything is there.
 */
final class Outputs {

    static final int WIDTH = 1200;
    static final int HEIGHT = 700;

    private Outputs() {
    }

    /** The --out folder of a command, checked against the files it reads (null entries are skipped). */
    static OutputFolder open(ParseResult parsed, String command, Path... inputs) {
        return open((Path) parsed.matchedOptionValue("--out", null), command, inputs);
    }

    static OutputFolder open(Path dir, String command, Path... inputs) {
        return OutputFolder.open(dir, command, Arrays.asList(inputs));
    }

    /** Writes each table as CSV, named by its key (which may hold a sub-folder: {@code hh/rates.csv}). */
    static void tables(OutputFolder out, Map<String, Table> tables) {
        tables.forEach((name, table) -> out.write(name, stream -> Csv.write(table, stream)));
    }

    /** Writes each figure as PNG or SVG, by the extension of its key. */
    static void figures(OutputFolder out, Map<String, JFreeChart> figures) {
        if (!figures.isEmpty() && System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // a command line never opens a window
        }
        figures.forEach((name, chart) -> {
            byte[] bytes = name.endsWith(".svg") ? ChartImages.svg(chart, WIDTH, HEIGHT).getBytes(StandardCharsets.UTF_8)
                    : ChartImages.png(chart, WIDTH, HEIGHT);
            out.write(name, stream -> stream.write(bytes));
        });
    }
}
