package org.neuromf.core.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neuromf.core.util.AtomicFiles;
import org.neuromf.core.util.IoReasons;
import org.neuromf.core.util.MemoryBudget;

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
     * Reads a CSV file (UTF-8, with or without a byte-order mark). Column types are inferred: whole
     * numbers become INT (LONG when too large), other numbers DOUBLE, anything else STRING; an empty
     * cell is missing. {@code inf}, {@code infinity} and {@code nan} in any case, with an optional
     * sign, are numbers, so that a column holding them stays numeric and the checks of the
     * operation reading it can name the row. Lines that are blank are skipped; a quoted cell may
     * span lines. The file is read twice, column types first and then the values straight into
     * primitive arrays, after checking that they fit in memory. The table remembers the file.
     */
    public static Table read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(name + " is a folder, not a CSV file");
        }
        try {
            Layout layout = scan(file, name);
            layout.requireMemory(name, "");
            return fill(file, name, layout).withSource(name);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + " is not a UTF-8 text file (is it a CSV table?)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + name + ": " + IoReasons.of(e), e);
        }
    }

    /** Column types, row count and text statistics of a file, from a first pass that keeps no values. */
    private static final class Layout {
        final List<String> names;
        final Column[] columns;
        int rows;

        Layout(List<String> names) {
            this.names = names;
            this.columns = new Column[names.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = new Column();
            }
        }

        /**
         * Refuses a table whose values would not fit in the heap: checked during the first pass too,
         * with the rows so far (types only widen, so that is a lower bound), to stop early on a huge file.
         */
        void requireMemory(String name, String soFar) {
            MemoryBudget.require("reading " + name + " (" + soFar + rows + " rows, " + names.size() + " columns)",
                    bytes(), "read a smaller table (fewer rows or columns)");
        }

        /**
         * The heap the values will take: 4, 8 or 8 bytes a cell for INT, LONG and DOUBLE columns; for
         * text, a 4-byte reference a cell (compressed references, Java's default below 32 GB of heap)
         * plus, per distinct text, a String of about 40 bytes and its characters (2 bytes each at most);
         * beyond DISTINCT_TEXTS different texts every text cell is counted as its own String.
         */
        double bytes() {
            double bytes = 0;
            for (Column c : columns) {
                ColumnType type = c.type();
                if (type == ColumnType.INT) {
                    bytes += 4.0 * rows;
                } else if (type != ColumnType.STRING) {
                    bytes += 8.0 * rows;
                } else if (c.distinct != null) {
                    bytes += 4.0 * rows;
                    for (String t : c.distinct.keySet()) {
                        bytes += 40 + 2.0 * t.length();
                    }
                } else {
                    bytes += 4.0 * rows + 40.0 * c.texts + 2.0 * c.textChars;
                }
            }
            return bytes;
        }
    }

    /** What the first pass learns about a column. */
    private static final class Column {
        boolean anyText;
        boolean anyDouble;
        boolean anyLong;
        boolean anyMissing;
        /** Different non-empty cells seen, up to DISTINCT_TEXTS, else null; pass 2 shares their Strings. */
        Map<String, String> distinct = new HashMap<>();
        long texts;
        long textChars;

        ColumnType type() {
            if (anyText) {
                return ColumnType.STRING;
            }
            return anyDouble || anyMissing ? ColumnType.DOUBLE : anyLong ? ColumnType.LONG : ColumnType.INT;
        }
    }

    private static final int DISTINCT_TEXTS = 1024;
    private static final int MAX_COLUMNS = 100_000;

    private static Layout scan(Path file, String name) throws IOException {
        try (Records in = new Records(Files.newBufferedReader(file, StandardCharsets.UTF_8), name)) {
            List<String> header = in.next(MAX_COLUMNS);
            if (header == null) {
                throw new IllegalArgumentException(name + " is empty: a CSV table needs a header line with the column"
                        + " names");
            }
            if (in.count() > MAX_COLUMNS) {
                throw new IllegalArgumentException(name + " has " + in.count() + " cells in its header line, more than"
                        + " the " + MAX_COLUMNS + " columns a table may have: is it a CSV table?");
            }
            Layout layout = new Layout(header(header, name));
            int width = header.size();
            List<String> row;
            while ((row = in.next(width)) != null) {
                if (in.count() != width) {
                    throw new IllegalArgumentException(name + " line " + in.line() + " has " + in.count() + " cells,"
                            + " the header has " + width + ": every line needs one cell per column (an empty cell is"
                            + " written as nothing between two commas)");
                }
                for (int c = 0; c < width; c++) {
                    classify(layout.columns[c], row.get(c));
                }
                layout.rows++;
                if (layout.rows % (1 << 16) == 0) {
                    layout.requireMemory(name, "at least ");
                }
                if (layout.rows == Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(name + " has more than " + (Integer.MAX_VALUE - 1) + " rows,"
                            + " more than a table can hold: split it");
                }
            }
            return layout;
        }
    }

    /** The column names of a header, checked: snake_case and each once. */
    private static List<String> header(List<String> cells, String name) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            String n = cells.get(c).trim();
            if (!ColumnSpec.isName(n)) {
                throw new IllegalArgumentException(name + ": column " + (c + 1) + " of the header, '" + visible(n)
                        + "', is not a snake_case name (lower-case letters, digits and _, starting with a letter,"
                        + " e.g. rate_hz)");
            }
            int first = names.indexOf(n);
            if (first >= 0) {
                throw new IllegalArgumentException(name + ": columns " + (first + 1) + " and " + (c + 1) + " of the"
                        + " header are both named '" + n + "'; each column needs its own name");
            }
            names.add(n);
        }
        return names;
    }

    /** The text with every character that does not show (spaces other than ' ', controls, marks) as <U+XXXX>. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F || Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format(Locale.ROOT, "<U+%04X>", cp));
            }
        });
        return out.toString();
    }

    private static void classify(Column column, String cell) {
        String s = cell.trim();
        if (s.isEmpty()) {
            column.anyMissing = true;
            return;
        }
        if (column.distinct != null && column.distinct.putIfAbsent(cell, cell) == null
                && column.distinct.size() > DISTINCT_TEXTS) {
            column.distinct = null;
        }
        column.texts++;
        column.textChars += cell.length();
        if (column.anyText) {
            return;
        }
        switch (kind(s)) {
            case INT:
                break;
            case LONG:
                column.anyLong = true;
                break;
            case DOUBLE:
                column.anyDouble = true;
                break;
            default:
                column.anyText = true;
        }
    }

    private static Table fill(Path file, String name, Layout layout) throws IOException {
        int n = layout.rows;
        List<ColumnSpec> specs = new ArrayList<>();
        Object[] columns = new Object[layout.columns.length];
        for (int c = 0; c < columns.length; c++) {
            ColumnType type = layout.columns[c].type();
            specs.add(new ColumnSpec(layout.names.get(c), type, ""));
            columns[c] = type == ColumnType.INT ? new int[n] : type == ColumnType.LONG ? new long[n]
                    : type == ColumnType.DOUBLE ? new double[n] : new String[n];
        }
        try (Records in = new Records(Files.newBufferedReader(file, StandardCharsets.UTF_8), name)) {
            in.next(MAX_COLUMNS);
            List<String> row;
            int r = 0;
            while ((row = in.next(columns.length)) != null) {
                if (r == n || in.count() != columns.length) {
                    throw changed(name);
                }
                for (int c = 0; c < columns.length; c++) {
                    String cell = row.get(c);
                    try {
                        if (columns[c] instanceof String[]) {
                            Map<String, String> distinct = layout.columns[c].distinct;
                            String shared = distinct == null ? null : distinct.get(cell);
                            ((String[]) columns[c])[r] = cell.isEmpty() ? null : shared != null ? shared : cell;
                        } else if (columns[c] instanceof double[]) {
                            ((double[]) columns[c])[r] = number(cell);
                        } else if (columns[c] instanceof long[]) {
                            ((long[]) columns[c])[r] = Long.parseLong(cell.trim());
                        } else {
                            ((int[]) columns[c])[r] = Integer.parseInt(cell.trim());
                        }
                    } catch (NumberFormatException e) {
                        throw changed(name);
                    }
                }
                r++;
            }
            if (r != n) {
                throw changed(name);
            }
        }
        return Table.ofColumns(new TableSchema(specs), columns);
    }

    private static IllegalArgumentException changed(String name) {
        return new IllegalArgumentException(name + " changed while it was being read; read it again when nothing"
                + " is writing it");
    }

    /**
     * The number in a cell: a decimal ({@code 12}, {@code -0.5}, {@code 1e-3}), or {@code inf},
     * {@code infinity} or {@code nan} in any case with an optional sign; NaN for an empty cell.
     *
     * @throws NumberFormatException when the cell holds anything else
     */
    static double number(String cell) {
        String s = cell.trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (isWord(s, i, "nan")) {
            return Double.NaN;
        }
        if (isWord(s, i, "inf") || isWord(s, i, "infinity")) {
            return s.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (kind(s) == ColumnType.STRING) {
            throw new NumberFormatException(s);
        }
        return Double.parseDouble(s);
    }

    /** Whether {@code s} from {@code from} on is {@code word}, in any case. */
    private static boolean isWord(String s, int from, String word) {
        return s.length() - from == word.length() && s.regionMatches(true, from, word, 0, word.length());
    }

    /**
     * What a trimmed, non-empty cell holds: INT or LONG (a whole number without point or exponent
     * that fits), DOUBLE (any other number), or STRING. Written out rather than left to Java's
     * parsers, which also take {@code 1d}, {@code 0x1p3} and only the exact spellings Infinity, NaN.
     */
    private static ColumnType kind(String s) {
        int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (isWord(s, i, "inf") || isWord(s, i, "infinity") || isWord(s, i, "nan")) {
            return ColumnType.DOUBLE;
        }
        int digits = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        boolean whole = true;
        if (i < s.length() && s.charAt(i) == '.') {
            whole = false;
            i++;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return ColumnType.STRING;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            whole = false;
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return ColumnType.STRING;
            }
        }
        if (i < s.length()) {
            return ColumnType.STRING;
        }
        if (!whole) {
            return ColumnType.DOUBLE;
        }
        try {
            long v = Long.parseLong(s);
            return v == (int) v ? ColumnType.INT : ColumnType.LONG;
        } catch (NumberFormatException e) {
            return ColumnType.DOUBLE; // beyond long
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The records of CSV text: cells separated by commas, records by line ends; a quote starts or
     * ends a quoted stretch (where commas and line ends are part of the cell) and two quotes in a
     * quoted stretch are one quote. Blank records are skipped.
     */
    private static final class Records implements AutoCloseable {
        /** Longer cells mean a quote that was never closed, or a file that is not a table. */
        private static final int MAX_CELL = 1_000_000;

        private final Reader in;
        private final String name;
        private final List<String> cells = new ArrayList<>();
        private final StringBuilder cell = new StringBuilder();
        private int line = 1;
        private int recordLine;
        private int count;
        private boolean first = true;
        private int pending = -2;

        Records(Reader in, String name) {
            this.in = in;
            this.name = name;
        }

        /** The line the last record started on (1-based). */
        int line() {
            return recordLine;
        }

        /** The number of cells of the last record (it holds only the first {@code max + 1}). */
        int count() {
            return count;
        }

        /** The next non-blank record, or null at the end; cells beyond {@code max + 1} are counted, not kept. */
        List<String> next(int max) throws IOException {
            while (true) {
                cells.clear();
                cell.setLength(0);
                count = 0;
                recordLine = line;
                boolean quoted = false;
                boolean any = false;
                int ch;
                while ((ch = read()) >= 0) {
                    any = true;
                    if (ch == 0) {
                        throw new CharacterCodingException(); // text files hold no NUL: this is a binary file
                    }
                    if (quoted) {
                        if (ch == '"') {
                            int next = read();
                            if (next == '"') {
                                append('"');
                            } else {
                                quoted = false;
                                pending = next;
                            }
                        } else {
                            append(ch);
                        }
                    } else if (ch == '"') {
                        quoted = true;
                    } else if (ch == ',') {
                        endCell(max);
                    } else if (ch == '\n') {
                        break;
                    } else if (ch == '\r') {
                        int next = read();
                        if (next != '\n') {
                            line++;
                            pending = next;
                        }
                        break;
                    } else {
                        append(ch);
                    }
                }
                if (quoted) {
                    throw new IllegalArgumentException(name + " line " + recordLine + ": a quote (\") opens a cell that"
                            + " is never closed");
                }
                if (!any) {
                    return null;
                }
                endCell(max);
                if (count > 1 || !cells.get(0).isBlank()) {
                    return cells;
                }
            }
        }

        private void endCell(int max) {
            if (cells.size() <= max) {
                cells.add(cell.toString());
            }
            count++;
            cell.setLength(0);
        }

        private void append(int ch) {
            if (cell.length() >= MAX_CELL) {
                throw new IllegalArgumentException(name + " line " + recordLine + " has a cell of more than " + MAX_CELL
                        + " characters: is a quote (\") not closed, or is it not a CSV table?");
            }
            cell.append((char) ch);
        }

        private int read() throws IOException {
            int ch;
            if (pending != -2) {
                ch = pending;
                pending = -2;
                return ch;
            }
            ch = in.read();
            if (first) {
                first = false;
                if (ch == '\uFEFF') {
                    ch = in.read(); // a byte-order mark, written by some spreadsheets; not part of the first name
                }
            }
            if (ch == '\n') {
                line++;
            }
            return ch;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
