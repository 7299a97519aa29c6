package org.neuromf.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.table.ColumnType;
import org.neuromf.core.table.Table;

class SweepValuesTest {

    private static List<String> rows(Table t) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < t.columnCount(); c++) {
                b.append(c == 0 ? "" : " ").append(t.get(r, c));
            }
            rows.add(b.toString());
        }
        return rows;
    }

    @Test
    void aGridHasEveryCombinationTheFirstColumnVaryingSlowest() {
        Table t = SweepValues.runs(List.of("drive_rate_hz=2:6:3", "drive_process=poisson,bernoulli"), "grid");
        assertEquals(List.of("drive_rate_hz", "drive_process"), t.schema().names());
        assertEquals(ColumnType.LONG, t.schema().column(0).type());
        assertEquals(ColumnType.STRING, t.schema().column(1).type());
        assertEquals(List.of("2 poisson", "2 bernoulli", "4 poisson", "4 bernoulli", "6 poisson", "6 bernoulli"), rows(t));
    }

    @Test
    void aListTakesTheIthValuesTogether() {
        Table t = SweepValues.runs(List.of("exc_gm_ns=0,7.5", "seed=3,4"), "list");
        assertEquals(ColumnType.DOUBLE, t.schema().column(0).type());
        assertEquals(List.of("0.0 3", "7.5 4"), rows(t));
        assertEquals(List.of("0.0", "0.25", "0.5"), rows(SweepValues.runs(List.of("p_from_exc=0:0.5:3"), "grid")));
    }

    @Test
    void badValuesAreNamed() {
        assertMessage(List.of("drive_rate_hz"), "grid", "must be COLUMN=V1,V2");
        assertMessage(List.of("Drive=1"), "grid", "snake_case");
        assertMessage(List.of("a_hz=1,,2"), "grid", "empty value");
        assertMessage(List.of("a_hz=1:2:0"), "grid", "N = '0'");
        assertMessage(List.of("a_hz=x:2:3"), "grid", "'x' is not a finite number");
        assertMessage(List.of("a_hz=1,2", "b_hz=1"), "list", "lists as long");
        assertMessage(List.of("a_hz=1", "a_hz=2"), "grid", "twice");
        assertMessage(List.of("a_hz=1"), "table", "grid, list");
        assertMessage(List.of("a_hz=1:2:1000", "b_hz=1:2:1001"), "grid", "more than 1000000 runs");
    }

    private static void assertMessage(List<String> values, String combine, String expected) {
        ParameterException e = assertThrows(ParameterException.class, () -> SweepValues.runs(values, combine));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
