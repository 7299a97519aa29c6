package org.neuromf.cli;

import java.io.PrintStream;

import org.neuromf.core.table.Table;

/** Prints a table as aligned text, numbers to four significant digits. */
final class Summaries {

    private Summaries() {
    }

    static void print(Table t, PrintStream out) {
        int cols = t.columnCount();
        String[][] cells = new String[t.rowCount() + 1][cols];
        int[] width = new int[cols];
        for (int c = 0; c < cols; c++) {
            cells[0][c] = t.schema().column(c).name();
        }
        for (int r = 0; r < t.rowCount(); r++) {
            for (int c = 0; c < cols; c++) {
                Object v = t.get(r, c);
                cells[r + 1][c] = v instanceof Double ? String.format("%.4g", (Double) v) : v == null ? "" : v.toString();
            }
        }
        for (String[] row : cells) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                line.append(String.format("%-" + (width[c] + 2) + "s", row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
