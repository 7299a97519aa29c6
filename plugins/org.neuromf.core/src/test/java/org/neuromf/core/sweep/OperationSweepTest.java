package org.neuromf.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationRegistry;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

class OperationSweepTest {

    private static final OperationRegistry OPS = OperationRegistry.standard();
    private static final Table CONFIG1 = NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"));

    private static Table cell(String preset) {
        Operation cell = OPS.get("cell-model");
        return cell.run(List.of(), cell.defaults().with(Map.of("preset", preset)), Progress.NONE).table(0);
    }

    /** The rows of a table from column {@code from} on, as lists. */
    private static List<List<Object>> rows(Table t, int from) {
        return java.util.stream.IntStream.range(0, t.rowCount()).mapToObj(r -> java.util.stream.IntStream
                .range(from, t.columnCount()).mapToObj(c -> t.get(r, c)).toList()).toList();
    }

    /**
     * A transfer-function scan swept over the cell's gM and the scan's seeds: each run's samples are
     * those of one scan of that cell with those seeds, bit for bit, after run and the swept values.
     */
    @Test
    void eachRowIsOneRunOfTheOperation() {
        Operation scan = OPS.get("transfer-function-scan");
        Map<String, Object> small = Map.of("fe_points", 3, "fi_points", 2, "tstop_ms", 300.0, "transient_ms", 50.0);
        Table runs = SweepValues.runs(List.of("gm_ns=0,20", "seeds=1,2"), "list");
        OperationSweep sweep = new OperationSweep(scan, Arrays.asList(cell("HH_RS"), CONFIG1, null), runs,
                scan.defaults().with(small).asMap());
        Table swept = sweep.runAll(Progress.NONE).table(0);
        // the samples have a column seeds of their own: the swept one is sweep_seeds
        assertEquals(List.of("run", "gm_ns", "sweep_seeds"), swept.schema().names().subList(0, 3));
        assertEquals(sweep.outputSchemas().get(0), swept.schema());
        int at = 0;
        for (int r = 0; r < 2; r++) {
            Table cell = cell("HH_RS");
            Table changed = NetworkSweep.withValue(cell, new NetworkSweep.Target(NetworkSweep.Kind.NETWORK, -1, "gm_ns"),
                    "gm_ns", r == 0 ? 0.0 : 20.0, r);
            Table one = scan.run(Arrays.asList(changed, CONFIG1, null), scan.defaults().with(small)
                    .with(Map.of("seeds", r + 1)), Progress.NONE).table(0);
            List<List<Object>> expected = rows(one, 0);
            assertEquals(expected, rows(swept, 3).subList(at, at + expected.size()), "run " + (r + 1));
            for (int i = at; i < at + expected.size(); i++) {
                assertEquals(r + 1, swept.getInt(i, 0));
            }
            at += expected.size();
        }
        assertEquals(at, swept.rowCount());
    }

    /** A network column by population, as in Network Sweep: the mean field's fixed point per drive. */
    @Test
    void aNetworkColumnSetsThePopulationsRows() {
        Operation mf = OPS.get("mean-field-sweep");
        Table runs = SweepValues.runs(List.of("inh_q_from_exc_ns=1,1.1"), "grid");
        Table out = new OperationSweep(mf, Arrays.asList(CONFIG1, null, null), runs,
                mf.defaults().with(Map.of("drive_points", 3, "drive_to_hz", 6.0)).asMap()).runAll(Progress.NONE).table(0);
        assertEquals(6, out.rowCount());
        int rate = out.schema().indexOf("nu_e_hz");
        // stronger excitation of the inhibitory cells: more inhibition, a lower excitatory rate at the top drive
        assertTrue(out.getDouble(5, rate) < out.getDouble(2, rate), out.getDouble(5, rate) + " vs " + out.getDouble(2, rate));
    }

    @Test
    void aColumnThatNamesNothingOrABadValueIsRefusedBeforeAnyRun() {
        Operation mf = OPS.get("mean-field-sweep");
        var nothing = assertThrows(ParameterException.class, () -> new OperationSweep(mf, Arrays.asList(CONFIG1, null,
                null), SweepValues.runs(List.of("gx_ns=1,2"), "grid"), mf.defaults().asMap()));
        assertTrue(nothing.getMessage().contains("names nothing mean-field-sweep has"), nothing.getMessage());
        var bad = assertThrows(ParameterException.class, () -> new OperationSweep(mf, Arrays.asList(CONFIG1, null,
                null), SweepValues.runs(List.of("drive_points=5,-3"), "grid"), mf.defaults().asMap()));
        assertTrue(bad.getMessage().startsWith("row 2 of the runs table") && bad.getMessage().contains("drive_points"),
                bad.getMessage());
    }
}
