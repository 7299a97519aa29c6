package org.neuromf.core.operation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.simulation.GatingMode;
import org.neuromf.core.simulation.Integrator;
import org.neuromf.core.simulation.NetworkSimulator;
import org.neuromf.core.simulation.ShotNoiseSimulator;
import org.neuromf.core.simulation.SimulationException;
import org.neuromf.core.simulation.SimulationSettings;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.transfer.TransferSamples;
import org.neuromf.core.util.Progress;

/** Every bad value fails before any work, with a message naming the parameter, the value and what is allowed. */
class BadInputTest {

    private static final OperationRegistry OPS = OperationRegistry.standard();

    private static void assertRefused(String operation, String key, Object value, String... expected) {
        Operation op = OPS.get(operation);
        Exception e = assertThrows(IllegalArgumentException.class, () -> op.defaults().with(Map.of(key, value)),
                key + " = " + value + " must be refused");
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), "message '" + e.getMessage() + "' should contain '" + s + "'");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "network-builder; neurons; -5; neurons = -5; [2, 100000000]",
        "network-builder; neurons; 0; neurons = 0; [2, 100000000]",
        "network-builder; p_connect; 1.5; p_connect = 1.5; [0, 1]",
        "network-builder; p_connect; -0.1; p_connect = -0.1; [0, 1]",
        "network-builder; p_connect; NaN; p_connect = NaN; [0, 1]",
        "network-builder; q_exc_ns; -1; q_exc_ns = -1; [0, 1000000] nS",
        "network-builder; tau_inh_ms; 0; tau_inh_ms = 0; (0, 100000] ms",
        "network-builder; inhibitory_fraction; 1.2; inhibitory_fraction = 1.2; (0, 1]",
        "network-simulation; dt_ms; 0; dt_ms = 0; (0, 1] ms",
        "network-simulation; dt_ms; -0.1; dt_ms = -0.1; (0, 1] ms",
        "network-simulation; dt_ms; 2; dt_ms = 2; (0, 1] ms",
        "network-simulation; tstop_ms; NaN; tstop_ms = NaN; (0, 100000000] ms",
        "network-simulation; tstop_ms; Infinity; tstop_ms = inf; (0, 100000000] ms",
        "network-simulation; seed; -1; seed = -1; [0, 9223372036854775807]",
        "network-simulation; threads; -2; threads = -2; [0, 1024]",
        "network-simulation; kick_value_hz; -3; kick_value_hz = -3; [0, 100000] Hz",
        "stimulus-waveform; t1_ms; 0; t1_ms = 0; (0, 10000000] ms",
        "stimulus-waveform; amp_hz; NaN; amp_hz = NaN; [-100000, 100000] Hz"})
    void numbersOutOfRange(String operation, String key, double value, String named, String range) {
        assertRefused(operation, key, value, named, range);
    }

    @Test
    void namesOutsideTheirLists() {
        assertRefused("cell-model", "preset", "HH_XX", "preset = 'HH_XX'", "HH_RS", "FS-cell", "ML_RS");
        assertRefused("network-simulation", "drive_process", "gamma", "drive_process = 'gamma'", "poisson, bernoulli");
        assertRefused("network-simulation", "no_such_key", 1, "unknown parameter 'no_such_key'", "tstop_ms");
        Exception e = assertThrows(ParameterException.class, () -> NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG9"));
        assertTrue(e.getMessage().contains("CONFIG9") && e.getMessage().contains("Vogels-Abbott"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OPS.get("network-simulator"));
        assertTrue(e.getMessage().contains("network-simulation"), e.getMessage());
    }

    @Test
    void relationsBetweenParameters() {
        Exception e = assertThrows(ParameterException.class,
                () -> SimulationSettings.of(Map.of("tstop_ms", 400.0, "transient_ms", 500.0)));
        assertTrue(e.getMessage().contains("transient_ms = 500") && e.getMessage().contains("tstop_ms = 400"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> SimulationSettings.of(Map.of("rate_bin_ms", 0.25)));
        assertTrue(e.getMessage().contains("rate_bin_ms = 0.25") && e.getMessage().contains("dt_ms = 0.1"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> SimulationSettings.of(Map.of("n_rec", 5000, "tstop_ms", 1e6)));
        assertTrue(e.getMessage().contains("n_rec = 5000"), e.getMessage());
        Operation stim = OPS.get("stimulus-waveform");
        e = assertThrows(ParameterException.class, () -> stim.run(List.of(),
                stim.defaults().with(Map.of("stimulus", "step", "onset_ms", 800.0, "offset_ms", 300.0)), Progress.NONE));
        assertTrue(e.getMessage().contains("offset_ms = 300") && e.getMessage().contains("onset_ms = 800"), e.getMessage());
    }

    /** A network table edited by hand is checked like the builder's parameters. */
    @Test
    void editedNetworkTables() throws Exception {
        Table good = NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"));
        String m = editAndRun(good, "neurons", "-20");
        assertTrue(m.contains("row 1, column neurons: -20 is outside the allowed range [1, 2147483647]"), m);
        m = editAndRun(good, "p_from_inh", "1.7");
        assertTrue(m.contains("p_from_inh = 1.7") && m.contains("[0, 1]") && m.contains("inh -> exc"), m);
        m = editAndRun(good, "gl_ns", "-1");
        assertTrue(m.contains("gl_ns = -1") && m.contains("(0, 1000000] nS"), m);
        m = editAndRun(good, "tau_from_exc_ms", "0");
        assertTrue(m.contains("tau_from_exc_ms = 0"), m);
        m = editAndRun(good, "gm_ns", "");
        assertTrue(m.contains("network.csv row 1, column gm_ns is empty"), m);
    }

    private static String editAndRun(Table table, String column, String value) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("nmf");
        java.nio.file.Path f = dir.resolve("network.csv");
        Csv.write(table, f);
        List<String> lines = java.nio.file.Files.readAllLines(f);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int c = header.indexOf(column);
        String[] row = lines.get(1).split(",", -1);
        row[c] = value;
        lines.set(1, String.join(",", row));
        java.nio.file.Files.write(f, lines);
        Table edited = Csv.read(f);
        Operation sim = OPS.get("network-simulation");
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> sim.run(Arrays.asList(edited, null), sim.defaults(), Progress.NONE));
        return e.getMessage();
    }

    /** Parameters inside their ranges whose dynamics run away: the run stops with a clear error. */
    @Test
    void integrationThatBlowsUpStops() {
        // a = -2000 nS against gL = 10 nS makes the (V, w) fixed point a saddle: V and w run off
        // exponentially (e-folding about 0.3 ms) until they overflow
        Network net = NetworkBuilder.build(CellPresets.get("RS-cell").with(Map.of("a_ns", -2000.0, "tau_w_ms", 1.0)),
                CellPresets.get("FS-cell"), NetworkBuilder.preset("CONFIG1").with(Map.of("neurons", 200)));
        SimulationException e = assertThrows(SimulationException.class, () -> new NetworkSimulator(net,
                org.neuromf.core.stimulus.Waveform.NONE, SimulationSettings.of(Map.of("tstop_ms", 1000.0, "transient_ms", 0.0)))
                .run(Progress.NONE));
        assertTrue(e.getMessage().contains("population exc") && e.getMessage().contains("dt_ms")
                && e.getMessage().contains("RS-cell"), e.getMessage());
    }

    @Test
    void aStimulusThatIsNotANumberStops() {
        Network net = NetworkBuilder.build(CellPresets.get("LIF"), CellPresets.get("LIF"),
                NetworkBuilder.preset("CONFIG1").with(Map.of("neurons", 100)));
        SimulationException e = assertThrows(SimulationException.class, () -> new NetworkSimulator(net,
                t -> t > 0.01 ? Double.NaN : 1, SimulationSettings.of(Map.of("tstop_ms", 100.0, "transient_ms", 0.0)))
                .run(Progress.NONE));
        assertTrue(e.getMessage().contains("drive") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void transferFunctionInputsThatCannotWork() {
        Operation cellModel = OPS.get("cell-model");
        Table cell = cellModel.run(List.of(), cellModel.defaults(), Progress.NONE).table(0);
        Table network = NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"));
        Operation fit = OPS.get("transfer-function-fit");
        Table noRates = Table.builder(TransferSamples.POINTS_SCHEMA).addRow(1.0, 2.0).build();
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> fit.outputSchemas(List.of(noRates.schema(), cell.schema(), network.schema()), fit.defaults()));
        assertTrue(e.getMessage().contains("no column 'fout_hz'") && e.getMessage().contains("fe_hz, fi_hz"), e.getMessage());
        Table.Builder silent = Table.builder(TransferSamples.SCHEMA);
        for (int i = 0; i < 20; i++) {
            silent.addRow(i * 0.5, 10.0, 0.0, 0.0, -65.0, 2.0, 4, 0.0, 0.0, Double.NaN, Double.NaN);
        }
        e = assertThrows(IllegalArgumentException.class,
                () -> fit.run(List.of(silent.build(), cell, network), fit.defaults(), Progress.NONE));
        assertTrue(e.getMessage().contains("every fout_hz of cell HH_RS is 0"), e.getMessage());
        Operation scan = OPS.get("transfer-function-scan");
        Table badPoints = Table.builder(TransferSamples.POINTS_SCHEMA).addRow(2.0, Double.NaN).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> scan.run(Arrays.asList(cell, network, badPoints), scan.defaults(), Progress.NONE));
        assertTrue(e.getMessage().contains("the point table row 1, column fi_hz is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OPS.get("transfer-function-coefficients").defaults().with(Map.of("cell", "RS-cell")));
        assertTrue(e.getMessage().contains("cell = 'RS-cell'") && e.getMessage().contains("HH_RS, HH_FS"), e.getMessage());
    }

    @Test
    void meanFieldInputsThatCannotWork() {
        Table network = NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"));
        Operation stim = OPS.get("stimulus-waveform");
        Table longStimulus = stim.run(List.of(), stim.defaults().with(Map.of("tstop_ms", 3000.0)), Progress.NONE).table(0);
        Operation mf = OPS.get("mean-field");
        Exception e = assertThrows(ParameterException.class,
                () -> mf.run(Arrays.asList(network, null, null, longStimulus), mf.defaults(), Progress.NONE));
        assertTrue(e.getMessage().contains("runs to 3000") && e.getMessage().contains("tstop_ms = 2000"), e.getMessage());
        Table adex = NetworkTable.toTable(NetworkBuilder.fromConfig("RS-cell--FS-cell--CONFIG1"));
        e = assertThrows(ParameterException.class, () -> mf.run(Arrays.asList(adex, null, null, null), mf.defaults(),
                Progress.NONE));
        assertTrue(e.getMessage().contains("population exc (cell RS-cell) has no transfer-function coefficients"),
                e.getMessage());
        assertRefused("mean-field", "t_ms", -5.0, "t_ms = -5", "(0, 1000] ms");
        assertRefused("mean-field", "order", 3, "order = 3", "[1, 2]");
        Operation sweep = OPS.get("mean-field-sweep");
        e = assertThrows(ParameterException.class, () -> sweep.outputSchemas(List.of(network.schema()),
                sweep.defaults().with(Map.of("drive_from_hz", 5.0, "drive_to_hz", 1.0))));
        assertTrue(e.getMessage().contains("drive_to_hz = 1"), e.getMessage());
    }

    @Test
    void singleNeuronBlowUpStops() {
        // forward Euler at 1 ms is unstable for the HH sodium gate (tau well below 1 ms near threshold)
        SimulationException e = assertThrows(SimulationException.class, () -> ShotNoiseSimulator.measure(
                CellPresets.get("HH_FS"), SynapticInput.onto(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"), 0), 10, 2,
                1, 1, new ShotNoiseSimulator.Protocol(1e-3, 2, 0.5, Integrator.FORWARD_EULER, GatingMode.EXACT, 0.01, 2e-4),
                Progress.NONE));
        assertTrue(e.getMessage().contains("HH_FS at fe = 10.0 Hz") && e.getMessage().contains("lower dt_ms"), e.getMessage());
    }

    @Test
    void defaultsAreValid() {
        for (Operation op : OPS.all()) {
            ParameterValues.defaults(op.parameters());
        }
    }
}
