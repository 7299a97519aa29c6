package org.neuromf.core.table;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neuromf.core.util.AtomicFiles;

/**
 * Tables as CSV: a header of column names, one line per row, numbers in Java's shortest
 * round-trip form (so a written table reads back bit for bit), missing cells empty.
 */
public final class Csv {

    private Csv() {
    }

    /**
     * Writes the table to {@code file} through a temporary file in the same folder, so that a
     * failed or cancelled write never leaves a half-written file behind.
     */
    public static void write(Table table, Path file) {
        AtomicFiles.write(file, tmp -> {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(table, out);
            }
        });
    }

    /** Writes the table as UTF-8 text into the stream (which stays open). */
    public static void write(Table table, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        write(table, w);
        w.flush();
    }

    public static void write(Table table, Appendable out) throws IOException {
        TableSchema schema = table.schema();
        out.append(String.join(",", schema.names())).append('\n');
        StringBuilder line = new StringBuilder();
        for (int r = 0; r < table.rowCount(); r++) {
            line.setLength(0);
            for (int c = 0; c < schema.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                Object v = table.get(r, c);
                if (v instanceof String) {
                    line.append(quote((String) v));
                } else if (v != null) {
                    line.append(v);
                }
            }
            out.append(line).append('\n');
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Reads a CSV file. Column types are inferred: whole numbers become INT (LONG when too large),
     * other numbers DOUBLE, anything else STRING; an empty cell is missing.
     */
    public static Table read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty: a CSV table needs a header line");
            }
            List<String> names = split(header);
            List<List<String>> cells = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> row = split(line);
                if (row.size() != names.size()) {
                    throw new IllegalArgumentException(file + " line " + lineNo + " has " + row.size()
                            + " cells, the header has " + names.size());
                }
                cells.add(row);
            }
            return build(names, cells);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Table build(List<String> names, List<List<String>> cells) {
        int n = cells.size();
        List<ColumnSpec> specs = new ArrayList<>();
        Object[] columns = new Object[names.size()];
        for (int c = 0; c < names.size(); c++) {
            ColumnType type = inferType(cells, c);
            String name = names.get(c).trim();
            specs.add(new ColumnSpec(name, type, ""));
            switch (type) {
                case INT: {
                    int[] col = new int[n];
                    for (int r = 0; r < n; r++) {
                        col[r] = Integer.parseInt(cells.get(r).get(c).trim());
                    }
                    columns[c] = col;
                    break;
                }
                case LONG: {
                    long[] col = new long[n];
                    for (int r = 0; r < n; r++) {
                        col[r] = Long.parseLong(cells.get(r).get(c).trim());
                    }
                    columns[c] = col;
                    break;
                }
                case DOUBLE: {
                    double[] col = new double[n];
                    for (int r = 0; r < n; r++) {
                        String s = cells.get(r).get(c).trim();
                        col[r] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
                    }
                    columns[c] = col;
                    break;
                }
                default: {
                    String[] col = new String[n];
                    for (int r = 0; r < n; r++) {
                        String s = cells.get(r).get(c);
                        col[r] = s.isEmpty() ? null : s;
                    }
                    columns[c] = col;
                }
            }
        }
        return Table.ofColumns(new TableSchema(specs), columns);
    }

    private static ColumnType inferType(List<List<String>> cells, int c) {
        boolean allInt = true;
        boolean allLong = true;
        boolean allNumber = true;
        boolean anyMissing = false;
        for (List<String> row : cells) {
            String s = row.get(c).trim();
            if (s.isEmpty()) {
                anyMissing = true;
                continue;
            }
            try {
                long v = Long.parseLong(s);
                allInt &= v == (int) v;
                continue;
            } catch (NumberFormatException e) {
                allInt = false;
                allLong = false;
            }
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                allNumber = false;
            }
        }
        if (!allNumber) {
            return ColumnType.STRING;
        }
        if (anyMissing || cells.isEmpty()) {
            return ColumnType.DOUBLE;
        }
        return allInt ? ColumnType.INT : allLong ? ColumnType.LONG : ColumnType.DOUBLE;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
