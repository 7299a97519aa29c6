package org.neuromf.core.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

/** Input files edited by hand reach the operations; each bad value is refused before work, with file, row and column. */
class InputFilesTest {

    private static final OperationRegistry OPS = OperationRegistry.standard();

    @TempDir
    Path dir;

    private Table file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return Csv.read(f);
    }

    /** The table as a file, with the cell of {@code column} in data row {@code row} (1-based) replaced. */
    private Table edited(Table t, String name, int row, String column, String value) throws Exception {
        Path f = dir.resolve(name);
        Csv.write(t, f);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        int c = List.of(lines.get(0).split(",")).indexOf(column);
        String[] cells = lines.get(row).split(",", -1);
        cells[c] = value;
        lines.set(row, String.join(",", cells));
        Files.write(f, lines);
        return Csv.read(f);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private static String refused(String operation, Table... inputs) {
        Operation op = OPS.get(operation);
        return assertThrows(IllegalArgumentException.class,
                () -> op.run(Arrays.asList(inputs), op.defaults(), Progress.NONE)).getMessage();
    }

    @Test
    void stimulusTables() throws Exception {
        List<String> warnings = new ArrayList<>();
        Waveform w = org.neuromf.core.stimulus.Stimuli.fromTable(file("stim.csv", "time_ms,rate_hz\n0,1\n100,-2\n200,3\n"),
                warnings);
        assertEquals(0, w.rate(0.1), "a negative rate is clipped");
        assertEquals(List.of(path("stim.csv") + " has 1 negative rates; they are clipped at 0 Hz"), warnings);
        Table network = NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"));
        Table reversed = file("reversed.csv", "time_ms,rate_hz\n0,1\n200,2\n100,3\n");
        String expected = path("reversed.csv") + " row 3, column time_ms: 100 is not after 200 in the row before;"
                + " times must increase from row to row";
        assertEquals(expected, refused("network-simulation", network, reversed));
        assertEquals(expected, refused("mean-field", network, null, null, reversed));
        assertEquals(path("nan.csv") + " row 2, column rate_hz is empty (or NaN); allowed: any finite number",
                refused("network-simulation", network, file("nan.csv", "time_ms,rate_hz\n0,1\n100,NaN\n")));
        assertEquals(path("empty_stim.csv") + " has no rows; it needs at least 1 row",
                refused("network-simulation", network, file("empty_stim.csv", "time_ms,rate_hz\n")));
    }

    @Test
    void sampleAndPointTables() throws Exception {
        Table cell = CellTable.toTable(CellPresets.get("HH_RS"));
        Table network = NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"));
        Table samples = file("samples.csv", "fe_hz,fi_hz,fout_hz\n1,2,0.5\n2,2,1\n3,2,inf\n");
        assertEquals(path("samples.csv") + " row 3, column fout_hz: inf is not a finite number; allowed: [0, 1000000) Hz",
                refused("transfer-function-fit", samples, cell, network));
        Table negative = file("negative.csv", "fe_hz,fi_hz,fout_hz\n1,2,0.5\n2,2,-1\n");
        assertEquals(path("negative.csv") + " row 2, column fout_hz: -1 is outside the allowed range [0, 1000000) Hz",
                refused("transfer-function-fit", negative, cell, network));
        Table points = file("points.csv", "fe_hz,fi_hz\n1,2\n-4,2\n");
        assertEquals(path("points.csv") + " row 2, column fe_hz: -4 is outside the allowed range [0, 1000000) Hz",
                refused("transfer-function-scan", cell, network, points));
        assertEquals(path("no_points.csv") + " has no rows; it needs at least 1 row",
                refused("transfer-function-scan", cell, network, file("no_points.csv", "fe_hz,fi_hz\n")));
    }

    @Test
    void networkAndCellTables() throws Exception {
        Table network = NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"));
        assertEquals(path("network.csv") + " row 2, column gl_ns: 'abc' is not a number; allowed: any finite number",
                refused("network-simulation", edited(network, "network.csv", 2, "gl_ns", "abc"), null));
        assertEquals(path("network.csv") + " row 1, column neurons: 1.5 is not a whole number; allowed: [1, 2147483647]", refused("network-simulation", edited(network, "network.csv", 1, "neurons", "1.5"), null));
        String m = refused("network-simulation", edited(network, "network.csv", 2, "p_from_exc", "1.7"), null);
        assertEquals(path("network.csv") + " row 2: p_from_exc = 1.7 is outside the allowed range [0, 1]: pathway exc"
                + " -> inh", m);
        m = refused("network-simulation", edited(network, "network.csv", 1, "drive_rate_hz", "-inf"), null);
        assertEquals(path("network.csv") + " row 1, column drive_rate_hz: -inf is not a finite number; allowed: any"
                + " finite number", m);
        Table cell = CellTable.toTable(CellPresets.get("HH_RS"));
        m = refused("transfer-function-scan", edited(cell, "cell.csv", 1, "cell_model", "XX"), network, null);
        assertEquals(path("cell.csv") + " row 1: cell_model = 'XX' is not one of HH, AdEx, ML", m);
        m = refused("transfer-function-scan", edited(cell, "cell.csv", 1, "gl_ns", "-1"), network, null);
        assertTrue(m.startsWith(path("cell.csv") + " row 1: gl_ns = -1 is outside the allowed range (0, 1000000] nS"), m);
    }
}
