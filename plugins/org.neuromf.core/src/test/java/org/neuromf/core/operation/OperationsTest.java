package org.neuromf.core.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

class OperationsTest {

    private static final OperationRegistry OPS = OperationRegistry.standard();

    /** Small, quick parameter values for each operation (the rest are defaults). */
    private static final Map<String, Map<String, Object>> QUICK = Map.of(
            "network-builder", Map.of("neurons", 200),
            "network-simulation", Map.of("tstop_ms", 50.0, "transient_ms", 10.0, "n_rec", 2),
            "stimulus-waveform", Map.of("tstop_ms", 50.0),
            "network-sweep", Map.of("tstop_ms", 50.0, "transient_ms", 10.0, "seeds", 2, "keep_rates", true),
            "transfer-function-scan", Map.of("fe_max_hz", 20.0, "fe_points", 8, "fi_min_hz", 0.0, "fi_max_hz", 15.0,
                    "fi_points", 4, "seeds", 2, "tstop_ms", 1500.0, "transient_ms", 500.0),
            "mean-field", Map.of("tstop_ms", 200.0),
            "mean-field-sweep", Map.of("drive_points", 5),
            "compare", Map.of("transient_ms", 0.0),
            // the AdEx network, cheap to integrate; shorter runs leave its mean field without a fixed point
            "self-consistent-transfer", Map.of("max_iterations", 1, "tstop_ms", 5000.0, "transient_ms", 1000.0,
                    "target_spikes", 100, "max_seeds", 12, "focus_spikes", 1000));

    /**
     * Walks every registered operation: parameters have unique snake_case keys with their units,
     * configure-time schemas equal the schemas of what a run produces, and outputs match ports.
     */
    @Test
    void everyOperationConfiguresAndRunsConsistently() {
        Map<String, Table> produced = new java.util.HashMap<>();
        for (Operation op : OPS.all()) {
            assertTrue(op.id().matches("[a-z]+(-[a-z]+)*"), op.id());
            assertFalse(op.label().isBlank());
            assertFalse(op.description().isBlank());
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (ParameterSpec s : op.parameters()) {
                assertTrue(keys.add(s.key()), "duplicate key " + s.key());
                assertTrue(s.key().matches("[a-z][a-z0-9_]*"), s.key());
                assertFalse(s.description().isBlank(), s.key());
            }
            List<Table> inputs = inputsFor(op, produced);
            List<TableSchema> in = new ArrayList<>();
            for (Table t : inputs) {
                in.add(t == null ? null : t.schema());
            }
            var values = op.defaults().with(QUICK.getOrDefault(op.id(), Map.of()));
            List<TableSchema> configured = op.outputSchemas(in, values);
            OperationResult result = op.run(inputs, values, Progress.NONE);
            assertEquals(op.outputs().size(), result.tables().size(), op.id());
            for (int i = 0; i < configured.size(); i++) {
                assertEquals(configured.get(i).names(), result.table(i).schema().names(), op.id() + " output " + i);
                for (int c = 0; c < configured.get(i).size(); c++) {
                    assertEquals(configured.get(i).column(c).type(), result.table(i).schema().column(c).type());
                }
            }
            produced.put(op.id(), result.table(0));
        }
    }

    private static List<Table> inputsFor(Operation op, Map<String, Table> produced) {
        switch (op.id()) {
            case "network-builder":
                return List.of(cellTable("HH_RS"), cellTable("HH_FS"));
            case "network-simulation":
                return Arrays.asList(produced.get("network-builder"), produced.get("stimulus-waveform"));
            case "network-sweep":
                return Arrays.asList(produced.get("network-builder"),
                        org.neuromf.core.sweep.SweepValues.runs(List.of("drive_rate_hz=3,5"), "grid"),
                        produced.get("stimulus-waveform"), null, null);
            case "transfer-function-scan": // in the full-size CONFIG1, where Ke = 400 synapses make HH_RS fire
                return Arrays.asList(cellTable("HH_RS"), CONFIG1, null);
            case "transfer-function-fit":
                return List.of(produced.get("transfer-function-scan"), cellTable("HH_RS"), CONFIG1);
            case "mean-field":
                return Arrays.asList(CONFIG1, produced.get("transfer-function-coefficients"), null,
                        produced.get("stimulus-waveform"));
            case "mean-field-sweep":
                return Arrays.asList(CONFIG1, null, null);
            case "compare":
                return Arrays.asList(produced.get("network-simulation"), produced.get("mean-field"), null);
            case "self-consistent-transfer":
                return List.of(NetworkTable.toTable(NetworkBuilder.fromConfig("RS-cell--FS-cell--CONFIG1")));
            default:
                return List.of();
        }
    }

    private static final Table CONFIG1 = NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"));

    private static Table cellTable(String preset) {
        Operation cell = OPS.get("cell-model");
        return cell.run(List.of(), cell.defaults().with(Map.of("preset", preset)), Progress.NONE).table(0);
    }

    /** Without a runs table the values setting gives the runs; with both, or neither, the node says so. */
    @Test
    void networkSweepTakesItsRunsFromValuesOrATable() {
        Operation op = OPS.get("network-sweep");
        Table network = NetworkTable.toTable(NetworkBuilder.build(CellPresets.get("RS-cell"), CellPresets.get("FS-cell"),
                NetworkBuilder.preset("CONFIG1").with(Map.of("neurons", 500))));
        Map<String, Object> quick = Map.of("tstop_ms", 60.0, "transient_ms", 10.0, "seeds", 2);
        Table runs = org.neuromf.core.sweep.SweepValues.runs(List.of("drive_rate_hz=3,5", "exc_b_pa=0,20"), "list");
        Table fromTable = op.run(Arrays.asList(network, runs, null, null, null), op.defaults().with(quick), Progress.NONE)
                .table(0);
        var withValues = op.defaults().with(quick).with(Map.of("values", "drive_rate_hz=3,5; exc_b_pa=0,20",
                "combine", "list"));
        Table fromValues = op.run(Arrays.asList(network, null, null, null, null), withValues, Progress.NONE).table(0);
        assertEquals(4, fromTable.rowCount());
        assertEquals(fromTable, fromValues);
        var both = assertThrows(ParameterException.class,
                () -> op.outputSchemas(Arrays.asList(network.schema(), runs.schema(), null, null, null), withValues));
        assertTrue(both.getMessage().contains("give them one way"), both.getMessage());
        var neither = assertThrows(ParameterException.class, () -> op.outputSchemas(
                Arrays.asList(network.schema(), null, null, null, null), op.defaults()));
        assertTrue(neither.getMessage().contains("no runs"), neither.getMessage());
    }

    @Test
    void registryRefusesDuplicates() {
        OperationRegistry r = OperationRegistry.standard();
        assertThrows(IllegalArgumentException.class, () -> r.register(new CellModelOperation()));
        assertEquals(List.of("cell-model", "network-builder", "stimulus-waveform", "network-simulation", "network-sweep",
                "transfer-function-scan", "transfer-function-fit", "transfer-function-coefficients",
                "self-consistent-transfer", "mean-field", "mean-field-sweep", "compare"), r.ids());
    }

    @Test
    void networkTableRoundTripAndMixedFamilies() {
        for (String config : List.of("HH_RS--HH_FS--CONFIG1", "RS-cell--FS-cell--CONFIG1", "LIF--LIF--Vogels-Abbott",
                "HH_RS--FS-cell--CONFIG1", "ML_RS--ML_FS--CONFIG1")) {
            Network net = NetworkBuilder.fromConfig(config);
            Table t = NetworkTable.toTable(net);
            Network back = NetworkTable.fromTable(t);
            assertEquals(net.pathways(), back.pathways(), config);
            assertEquals(net.populations(), back.populations(), config);
            assertEquals(NetworkTable.schema(List.of("exc", "inh"), org.neuromf.core.cell.CellTable.familiesIn(t.schema())),
                    t.schema(), config);
        }
    }

    @Test
    void config1HasThePaperNumbers() {
        Network net = NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1");
        assertEquals(8000, net.population(0).size());
        assertEquals(2000, net.population(1).size());
        assertEquals(400, net.population(0).driveSynapses(), 1e-12, "K_ext = p (1 - gei) Ntot");
        assertEquals(4, net.population(1).driveRate());
        assertEquals(5e-9, net.pathway(1, 0).q(), 1e-20);
        assertEquals(-80e-3, net.pathway(1, 1).eRev(), 1e-15);
        Network va = NetworkBuilder.fromConfig("LIF--LIF--Vogels-Abbott");
        assertEquals(4000, va.population(0).size());
        assertEquals(67e-9, va.pathway(1, 0).q(), 1e-20);
        assertEquals(10e-3, va.pathway(1, 0).tau(), 1e-15);
        assertEquals(0.02, va.pathway(0, 1).probability());
    }
}
