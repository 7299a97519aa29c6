package org.neuromf.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.operation.CompareOperation;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.simulation.SimulationResult;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

/** Compare refuses inputs that would make its results empty or NaN, before computing anything. */
class CompareInputsTest {

    private static final Operation COMPARE = new CompareOperation();

    @TempDir
    Path dir;

    private static Table rates() {
        return ComparisonTest.rates(2, 0, 0, 0.3);
    }

    private static Table meanField() {
        return ComparisonTest.meanField(2, 0, 0, 0.25);
    }

    private static Table run(Table rates, Table meanField, Table traces, Object... settings) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            m.put((String) settings[i], settings[i + 1]);
        }
        return COMPARE.run(Arrays.asList(rates, meanField, traces), COMPARE.defaults().with(m), Progress.NONE).table(0);
    }

    private static String refused(Table rates, Table meanField, Table traces, Object... settings) {
        return assertThrows(IllegalArgumentException.class, () -> run(rates, meanField, traces, settings)).getMessage();
    }

    /** The table written to a file, with line {@code line} (1 is the header) replaced, and read back. */
    private Table edited(Table t, String name, int line, String text) throws Exception {
        Path f = dir.resolve(name);
        Csv.write(t, f);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
        if (text == null) {
            lines.subList(line - 1, lines.size()).clear();
        } else {
            lines.set(line - 1, text);
        }
        Files.write(f, lines);
        return Csv.read(f);
    }

    /** Every k-th row of a table from row {@code first} on. */
    private static Table rows(Table t, int first, int k) {
        Table.Builder b = Table.builder(t.schema());
        for (int r = first; r < t.rowCount(); r += k) {
            Object[] row = new Object[t.columnCount()];
            for (int c = 0; c < row.length; c++) {
                row[c] = t.get(r, c);
            }
            b.addRow(row);
        }
        return b.build();
    }

    @Test
    void binsFinerThanTheRatesStepAreRefused() {
        assertEquals("bin_ms = 0.07 is finer than the rates' time step of 0.1 ms, so some bins would hold no rate: use a"
                + " whole multiple of 0.1 ms", refused(rates(), meanField(), null, "bin_ms", 0.07));
        assertEquals("bin_ms = 0.25 is not a whole multiple of the rates' time step of 0.1 ms, so its bins would average"
                + " unequal numbers of rates: use 0.2 or 0.3 ms", refused(rates(), meanField(), null, "bin_ms", 0.25));
        Table coarse = rows(meanField(), 0, 10);
        assertEquals("bin_ms = 0.5 is finer than the mean field's time step of 1 ms, so some bins could hold no"
                + " mean-field sample: use a bin of at least 1 ms, or a smaller dt_ms in the Mean-Field Model",
                refused(rates(), coarse, null, "bin_ms", 0.5));
    }

    @Test
    void theFinestAllowedBinGivesNumbersEverywhere() {
        Table c = run(rates(), meanField(), null, "bin_ms", 0.1);
        for (int r = 0; r < c.rowCount(); r++) {
            assertTrue(Double.isFinite(c.getDouble(r, "network")) && Double.isFinite(c.getDouble(r, "mean_field")),
                    "row " + r + " of the comparison");
        }
        assertEquals(2, c.getDouble(0, "network"), 1e-9);
    }

    @Test
    void badRatesAreRefusedWithTheirRow() throws Exception {
        Table nan = edited(rates(), "rates.csv", 6, "0.4,nan,10,4");
        String f = dir.resolve("rates.csv").toString();
        assertEquals(f + " row 5, column rate_exc_hz is empty (or NaN); allowed: [0, inf) Hz",
                refused(nan, meanField(), null));
        Table negative = edited(rates(), "rates.csv", 6, "0.4,-2,10,4");
        assertEquals(f + " row 5, column rate_exc_hz: -2 is outside the allowed range [0, inf) Hz",
                refused(negative, meanField(), null));
        Table text = edited(rates(), "rates.csv", 6, "0.4,2,abc,4");
        assertEquals(f + " row 5, column rate_inh_hz: 'abc' is not a number; allowed: [0, inf) Hz",
                refused(text, meanField(), null));
        Table reversed = edited(rates(), "rates.csv", 6, "0.2,2,10,4"); // row 4 holds 3 x 0.1 = 0.30000000000000004
        assertEquals(f + " row 5, column time_ms: 0.2 is not after 0.30000000000000004 in the row before; times must increase from row"
                + " to row", refused(reversed, meanField(), null));
        Table gap = edited(rates(), "rates.csv", 6, "0.45,2,10,4");
        String m = refused(gap, meanField(), null);
        assertTrue(m.startsWith(f + " row 5, column time_ms: 0.45 ms is 0.15 ms after the row before, but the rates'"
                + " average step is 0.1 ms: the rates must be on a regular time grid"), m);
        Table headerOnly = edited(rates(), "rates.csv", 2, null);
        assertEquals(f + " has no rows; it needs at least 2 rows: times a step apart",
                refused(headerOnly, meanField(), null));
    }

    @Test
    void badMeanFieldValuesAreRefusedWithTheirRow() throws Exception {
        Table mf = meanField();
        int sd = mf.schema().indexOf("sd_e_hz");
        Path f = dir.resolve("meanfield.csv");
        Csv.write(mf, f);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
        String[] cells = lines.get(10).split(",", -1);
        cells[sd] = "inf";
        lines.set(10, String.join(",", cells));
        Files.write(f, lines);
        assertEquals(f + " row 10, column sd_e_hz: inf is not a finite number; allowed: [0, inf) Hz",
                refused(rates(), Csv.read(f), null));
    }

    @Test
    void aMissingColumnNamesTheFile() throws Exception {
        Table ratesGivenAsMeanField = edited(rates(), "not_meanfield.csv", 2, "0,2,10,4");
        assertTrue(refused(rates(), ratesGivenAsMeanField, null).startsWith(dir.resolve("not_meanfield.csv")
                + " has no column 'nu_e_hz'; its columns are: time_ms, rate_exc_hz, rate_inh_hz, drive_hz"));
    }

    @Test
    void runsThatStartAfterTheTransientAreRefused() {
        assertEquals("the rates table starts at 100 ms, after transient_ms = 50 ms, so the first bins would be empty:"
                + " give a transient_ms of at least 100 ms", refused(rows(rates(), 1000, 1), meanField(), null,
                        "transient_ms", 50.0));
        assertTrue(refused(rates(), rows(meanField(), 1000, 1), null, "transient_ms", 50.0)
                .startsWith("the mean-field table starts at 100 ms"));
    }

    @Test
    void tracesMustHoldBothPopulationsAfterTheTransient() {
        TableSchema schema = SimulationResult.tracesSchema(List.of("exc", "inh"));
        int n = 20;
        double[] time = new double[n];
        String[] population = new String[n];
        double[] v = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = 600 + i;
            population[i] = "exc";
            v[i] = -60;
            g[i] = 5;
        }
        Table onlyExc = Table.ofColumns(schema, time, population, new int[n], v, g, g.clone());
        assertEquals("the traces table has no rows of population inh at or after transient_ms = 500 ms: record that"
                + " population (n_rec) over the compared time, or leave the traces out",
                refused(rates(), meanField(), onlyExc));
        double[] negative = g.clone();
        negative[3] = -1;
        population[10] = "inh";
        Table badG = Table.ofColumns(schema, time, population, new int[n], v, g, negative);
        assertEquals("the traces table row 4, column g_inh_ns: -1 is outside the allowed range [0, inf) nS",
                refused(rates(), meanField(), badG));
        Exception e = assertThrows(IllegalArgumentException.class, () -> COMPARE.outputSchemas(
                Arrays.asList(rates().schema(), meanField().schema(), onlyExc.select("time_ms", "population", "neuron",
                        "v_mv", "g_exc_ns").schema()), COMPARE.defaults()));
        assertTrue(e.getMessage().startsWith("the traces table has no column 'g_inh_ns'"), e.getMessage());
    }
}
