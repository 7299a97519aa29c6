package org.neuromf.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.Range;

/** The row checks: every refusal names the table (its file when it came from one), row, column, value and range. */
class InputTableTest {

    @TempDir
    Path dir;

    private InputTable read(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return InputTable.of(Csv.read(f), "the rates table");
    }

    private String message(Runnable r) {
        return assertThrows(ParameterException.class, r::run).getMessage();
    }

    @Test
    void numbersAreFiniteAndInRange() throws Exception {
        InputTable in = read("rates.csv", "time_ms,rate_exc_hz,v_mv\n0,1,-65\n0.1,nan,-64\n0.2,inf,1e400\n0.3,-3,-60\n");
        String f = dir.resolve("rates.csv").toString();
        assertEquals(f + " row 2, column rate_exc_hz is empty (or NaN); allowed: [0, inf) Hz",
                message(() -> in.number(1, "rate_exc_hz", InputTable.NON_NEGATIVE)));
        assertEquals(f + " row 3, column rate_exc_hz: inf is not a finite number; allowed: [0, inf) Hz",
                message(() -> in.number(2, "rate_exc_hz", InputTable.NON_NEGATIVE)));
        assertEquals(f + " row 4, column rate_exc_hz: -3 is outside the allowed range [0, inf) Hz",
                message(() -> in.number(3, "rate_exc_hz", InputTable.NON_NEGATIVE)));
        assertEquals(f + " row 2, column rate_exc_hz is empty (or NaN); allowed: [0, inf) Hz",
                message(() -> in.numbers("rate_exc_hz", InputTable.NON_NEGATIVE)), "the first bad row");
        assertEquals(f + " row 3, column v_mv: inf is not a finite number; allowed: any finite number",
                message(() -> in.numbers("v_mv", InputTable.FINITE)), "1e400 overflows to inf");
        assertEquals(-65, in.number(0, "v_mv", InputTable.FINITE));
        assertEquals(-3, in.number(3, "rate_exc_hz", InputTable.FINITE), "negative is fine where allowed");
        assertEquals(Double.NaN, in.optionalNumber(1, "rate_exc_hz", InputTable.NON_NEGATIVE));
    }

    @Test
    void timesIncreaseStrictly() throws Exception {
        String f = dir.resolve("t.csv").toString();
        InputTable reversed = read("t.csv", "time_ms\n0\n0.2\n0.1\n");
        assertEquals(f + " row 3, column time_ms: 0.1 is not after 0.2 in the row before; times must increase from row"
                + " to row", message(() -> reversed.times("time_ms")));
        InputTable repeated = read("t.csv", "time_ms\n0\n0\n");
        assertEquals(f + " row 2, column time_ms: 0 is not after 0 in the row before; times must increase from row to"
                + " row", message(() -> repeated.times("time_ms")));
        InputTable infinite = read("t.csv", "time_ms\n0\n-inf\n");
        assertEquals(f + " row 2, column time_ms: -inf is not a finite number; allowed: any finite number",
                message(() -> infinite.times("time_ms")));
    }

    @Test
    void tablesMadeInMemoryAreNamedByTheirRole() {
        Table t = Table.ofColumns(TableSchema.of(ColumnSpec.real("fe_hz", ""), ColumnSpec.text("fi_hz", "")),
                new double[] {1, 2}, new String[] {"3", "x"});
        InputTable in = InputTable.of(t, "the point table");
        assertEquals("the point table row 2, column fi_hz: 'x' is not a number; allowed: [0, 1000000) Hz",
                message(() -> in.numbers("fi_hz", new Range(0, true, 1e6, false))));
        assertEquals(3, in.number(0, "fi_hz", InputTable.FINITE), "a text column of numbers (from KNIME) is read");
        assertArrayEquals(new double[] {1, 2}, in.numbers("fe_hz", InputTable.NON_NEGATIVE));
        Exception e = assertThrows(IllegalArgumentException.class, () -> in.column("rate_hz"));
        assertEquals("the point table has no column 'rate_hz'; its columns are: fe_hz, fi_hz", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> in.requireRows(3, ": one per point"));
        assertEquals("the point table has only 2 rows; it needs at least 3 rows: one per point", e.getMessage());
    }

    @Test
    void wholeNumbersAndTexts() throws Exception {
        InputTable in = read("cells.csv", "cell,neurons,p4_term\nHH_RS,8000,1\n,1.5,7\n");
        String f = dir.resolve("cells.csv").toString();
        assertEquals(8000, in.whole(0, "neurons", 1, Integer.MAX_VALUE));
        assertEquals(f + " row 2, column neurons: 1.5 is not a whole number; allowed: [1, 2147483647]",
                message(() -> in.whole(1, "neurons", 1, Integer.MAX_VALUE)));
        assertEquals(f + " row 2, column p4_term: 7 is outside the allowed range [0, 1]",
                message(() -> in.whole(1, "p4_term", 0, 1)));
        assertEquals("HH_RS", in.text(0, "cell"));
        assertEquals(f + " row 2, column cell is empty; it must not be", message(() -> in.text(1, "cell")));
    }
}
