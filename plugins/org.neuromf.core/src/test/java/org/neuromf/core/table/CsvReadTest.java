package org.neuromf.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files: each is read as far as it can be, or refused with the file, the line or column, and the reason. */
class CsvReadTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static String refused(Path f, String... expected) {
        Exception e = assertThrows(IllegalArgumentException.class, () -> Csv.read(f), f + " must be refused");
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), "message '" + e.getMessage() + "' should contain '" + s + "'");
        }
        return e.getMessage();
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstName() throws Exception {
        Table t = Csv.read(file("bom.csv", "\uFEFFfe_hz,fi_hz\r\n1,2\r\n3.5,4\r\n"));
        assertEquals(java.util.List.of("fe_hz", "fi_hz"), t.schema().names());
        assertEquals(3.5, t.getDouble(1, 0));
        assertEquals(ColumnType.DOUBLE, t.schema().column(0).type());
        assertEquals(ColumnType.INT, t.schema().column(1).type());
        assertEquals(dir.resolve("bom.csv").toString(), t.source(), "the table remembers its file");
    }

    @Test
    void infinitiesAndNanAreNumbersSoTheColumnStaysNumeric() throws Exception {
        Table t = Csv.read(file("inf.csv", "fout_hz\n1\ninf\n+INF\n-inf\nInfinity\n-infinity\nnan\nNaN\n\"2\"\n"));
        assertEquals(ColumnType.DOUBLE, t.schema().column(0).type());
        double[] expected = {1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN, 2};
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r], t.getDouble(r, 0), "row " + (r + 1));
        }
    }

    @Test
    void javaOnlySpellingsOfNumbersAreText() throws Exception {
        // Double.parseDouble takes these; in a table they are typing errors, and the column's reader names them
        for (String cell : new String[] {"1d", "2f", "0x1p3", "1e", "--1", "1.2.3", "."}) {
            Table t = Csv.read(file("odd.csv", "x_mv\n1\n" + cell + "\n"));
            assertEquals(ColumnType.STRING, t.schema().column(0).type(), cell);
        }
        Table t = Csv.read(file("ok.csv", "x_mv\n-.5\n+3.\n1E+3\n12345678901234567890\n"));
        assertEquals(ColumnType.DOUBLE, t.schema().column(0).type());
        assertEquals(1000, t.getDouble(2, 0));
        assertEquals(1.2345678901234567e19, t.getDouble(3, 0), "beyond long: a double");
        assertEquals(ColumnType.LONG, Csv.read(file("long.csv", "n\n1\n3000000000\n")).schema().column(0).type());
    }

    @Test
    void textInANumericColumnKeepsItsRowForTheReader() throws Exception {
        Path f = file("rates.csv", "time_ms,rate_exc_hz\n0,1\n0.1,2\n0.2,3\n0.3,4\n0.4,abc\n");
        Table t = Csv.read(f);
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> InputTable.of(t, "the rates table").numbers("rate_exc_hz", InputTable.NON_NEGATIVE));
        assertEquals(f + " row 5, column rate_exc_hz: 'abc' is not a number; allowed: [0, inf) Hz", e.getMessage());
    }

    @Test
    void emptyAndHeaderOnlyFiles() throws Exception {
        refused(file("empty.csv", ""), "empty.csv is empty: a CSV table needs a header line");
        refused(file("blank.csv", "\n  \n"), "blank.csv is empty");
        refused(file("bom_only.csv", "\uFEFF"), "bom_only.csv is empty");
        refused(file("late_bom.csv", "\n\uFEFFfe_hz\n1\n"), "'<U+FEFF>fe_hz'", "not a snake_case name"); // not at the start
        Table header = Csv.read(file("header.csv", "time_ms,rate_exc_hz\n"));
        assertEquals(0, header.rowCount());
        assertEquals(2, header.columnCount());
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> InputTable.of(header, "the rates table").requireRows(2, ": times a step apart"));
        assertTrue(e.getMessage().endsWith("header.csv has no rows; it needs at least 2 rows: times a step apart"),
                e.getMessage());
    }

    @Test
    void binaryFilesFoldersAndMissingFiles() throws Exception {
        Path png = dir.resolve("figure.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertEquals(png + " is not a UTF-8 text file (is it a CSV table?)", refused(png));
        Path zeros = dir.resolve("zeros.bin");
        Files.write(zeros, new byte[64]); // valid UTF-8, but text holds no NUL
        refused(zeros, "zeros.bin is not a UTF-8 text file");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "v_mv,cell\n-65,\u00b5\n".getBytes(StandardCharsets.ISO_8859_1));
        refused(latin1, "latin1.csv is not a UTF-8 text file");
        assertEquals(dir + " is a folder, not a CSV file", refused(dir));
        Path missing = dir.resolve("no_such.csv");
        assertEquals("cannot read " + missing + ": no such file or folder", refused(missing));
    }

    @Test
    void headerNamesAreSnakeCaseAndUnique() throws Exception {
        String m = refused(file("zw.csv", "fe_hz\u200B,fi_hz\n1,2\n"), "zw.csv: column 1 of the header",
                "'fe_hz<U+200B>'", "snake_case");
        assertTrue(m.chars().allMatch(c -> c < 0x7F), "no invisible character in the message: " + m);
        refused(file("nbsp.csv", "fe_hz,fi\u00A0hz\n1,2\n"), "column 2 of the header", "'fi<U+00A0>hz'");
        refused(file("upper.csv", "Fe_Hz\n1\n"), "'Fe_Hz'", "lower-case letters");
        refused(file("nameless.csv", "fe_hz,,fi_hz\n1,2,3\n"), "column 2 of the header, ''");
        refused(file("twice.csv", "fe_hz,fi_hz,fe_hz\n1,2,3\n"), "twice.csv: columns 1 and 3 of the header are both"
                + " named 'fe_hz'");
        assertEquals(java.util.List.of("fe_hz", "fi_hz"), Csv.read(file("spaced.csv", " fe_hz , fi_hz\n1,2\n"))
                .schema().names(), "spaces around names are not part of them");
    }

    @Test
    void rowsOfTheWrongLength() throws Exception {
        refused(file("short.csv", "a,b,c\n1,2,3\n4,5\n"), "short.csv line 3 has 2 cells, the header has 3");
        refused(file("long.csv", "a,b\n1,2\n\n3,4,5,6,7\n"), "long.csv line 4 has 5 cells, the header has 2");
    }

    @Test
    void quotedCellsMaySpanLinesButMustBeClosed() throws Exception {
        Table t = Csv.read(file("quoted.csv", "name,n\n\"two\nlines, and \"\"quotes\"\"\",1\nplain,2\n"));
        assertEquals("two\nlines, and \"quotes\"", t.getString(0, 0));
        assertEquals(2, t.getInt(1, 1));
        refused(file("open.csv", "name,n\nok,1\n\"never closed,2\n3,4\n"), "open.csv line 3: a quote (\") opens a cell that"
                + " is never closed");
    }

    @Test
    void missingCellsAndRepeatedTexts() throws Exception {
        Table t = Csv.read(file("gaps.csv", "x_mv,population\n1,exc\n,inh\n3,\n4,exc\n"));
        assertEquals(ColumnType.DOUBLE, t.schema().column(0).type(), "a missing number makes the column DOUBLE");
        assertTrue(Double.isNaN(t.getDouble(1, 0)));
        assertNull(t.getString(2, 1));
        assertTrue(t.getString(0, 1) == t.getString(3, 1), "a repeated text is held once");
    }
}
