package org.neuromf.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.meanfield.FixedPoint;
import org.neuromf.core.meanfield.MeanField;
import org.neuromf.core.meanfield.MeanFieldModel;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.simulation.NetworkSimulator;
import org.neuromf.core.simulation.SimulationResult;
import org.neuromf.core.simulation.SimulationSettings;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.Table;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.util.CancelledException;
import org.neuromf.core.util.Progress;

class NetworkSweepTest {

    private static final Map<String, Object> SMALL = Map.of("tstop_ms", 150.0, "transient_ms", 50.0);

    private static Table network(String config, int neurons) {
        Network n = NetworkBuilder.fromConfig(config);
        Network small = NetworkBuilder.build(n.population(0).cell(), n.population(1).cell(),
                NetworkBuilder.preset(config.split("--")[2]).with(Map.of("neurons", (long) neurons)));
        return NetworkTable.toTable(small);
    }

    private static ParameterValues values(Map<String, Object> more) {
        Map<String, Object> all = new java.util.HashMap<>(SMALL);
        all.putAll(more);
        return ParameterValues.of(NetworkSweep.PARAMETERS, all);
    }

    private static NetworkSweep sweep(Table network, Table runs, Map<String, Object> more) {
        return new NetworkSweep(new NetworkSweep.Inputs(network, runs, null, null, null, null, values(more).asMap()));
    }

    /** A run is the simulation of the network the row describes, made here the usual way: same numbers, bit for bit. */
    @Test
    void aRunIsTheSimulationOfTheNetworkItsRowDescribes() {
        Table runs = SweepValues.runs(List.of("drive_rate_hz=10,20", "exc_gm_ns=0,15", "tstop_ms=120"), "grid");
        NetworkSweep sweep = sweep(network("HH_RS--HH_FS--CONFIG1", 600), runs, Map.of("seed", 11L));
        List<NetworkSweep.Outcome> outcomes = sweep.runAll(Progress.NONE);
        assertEquals(4, outcomes.size());
        NetworkSweep.Outcome last = outcomes.get(3); // drive 20 Hz, gM 15 nS
        var cell = CellPresets.get("HH_RS").with(Map.of("gm_ns", 15.0));
        Network expected = NetworkBuilder.build(cell, CellPresets.get("HH_FS"), NetworkBuilder.preset("CONFIG1")
                .with(Map.of("neurons", 600L, "drive_rate_hz", 20.0)));
        SimulationSettings settings = SimulationSettings.of(Map.of("tstop_ms", 120.0, "transient_ms", 50.0,
                "seed", 11L, "record_spikes", false, "threads", 1L));
        SimulationResult direct = new NetworkSimulator(expected, Waveform.NONE, settings).run(Progress.NONE);
        assertEquals("ok", last.status());
        Table summary = sweep.summary(outcomes);
        for (int p = 0; p < 2; p++) {
            String pop = p == 0 ? "exc_" : "inh_";
            SimulationResult.Summary s = direct.summary(p);
            assertEquals(s.meanRate(), summary.getDouble(3, summary.schema().indexOf(pop + "mean_rate_hz")));
            assertEquals(s.rateSd(), summary.getDouble(3, summary.schema().indexOf(pop + "rate_sd_hz")));
            assertEquals(s.cvIsi(), summary.getDouble(3, summary.schema().indexOf(pop + "cv_isi")));
            assertEquals(s.synchronyChi(), summary.getDouble(3, summary.schema().indexOf(pop + "synchrony_chi")));
            assertEquals(s.spikeCount(), summary.getDouble(3, summary.schema().indexOf(pop + "spike_count")));
        }
        assertTrue(direct.summary(0).spikeCount() > 0, "the check needs spikes");
        assertEquals(List.of(1, 2, 3, 4), List.of(summary.getInt(0, 0), summary.getInt(1, 0), summary.getInt(2, 0),
                summary.getInt(3, 0)));
        assertEquals(15.0, summary.getDouble(3, summary.schema().indexOf("exc_gm_ns")));
        assertNotEquals(summary.getDouble(0, summary.schema().indexOf("exc_mean_rate_hz")),
                summary.getDouble(2, summary.schema().indexOf("exc_mean_rate_hz")), "the drive changes the runs");
    }

    /** Seeds: seed, seed + 1, ... per row, from the row's seed column where it has one. */
    @Test
    void seedsCountFromTheRowsSeed() {
        Table runs = SweepValues.runs(List.of("seed=100,200"), "grid");
        NetworkSweep sweep = sweep(network("HH_RS--HH_FS--CONFIG1", 200), runs, Map.of("seeds", 3L));
        assertEquals(List.of(100L, 101L, 102L, 200L, 201L, 202L), sweep.runs().stream().map(NetworkSweep.Run::seed)
                .toList());
        assertEquals(List.of(0, 0, 0, 1, 1, 1), sweep.runs().stream().map(NetworkSweep.Run::row).toList());
    }

    /** The same tables, bit for bit, with one thread (one run at a time) and with four (runs side by side). */
    @Test
    void resultsDoNotDependOnTheThreads() {
        Table runs = SweepValues.runs(List.of("drive_rate_hz=3,4,5"), "grid");
        Table net = network("HH_RS--HH_FS--CONFIG1", 1500);
        Map<String, Object> common = Map.of("seeds", 2L, "keep_rates", true, "mean_field", true);
        Map<String, Object> one = new java.util.HashMap<>(common);
        one.put("threads", 1L);
        Map<String, Object> four = new java.util.HashMap<>(common);
        four.put("threads", 4L);
        NetworkSweep serial = sweep(net, runs, one);
        NetworkSweep parallel = sweep(net, runs, four);
        assertEquals(1, serial.concurrentRuns());
        assertTrue(parallel.concurrentRuns() > 1, "the check needs runs side by side");
        List<NetworkSweep.Outcome> a = serial.runAll(Progress.NONE);
        List<NetworkSweep.Outcome> b = parallel.runAll(Progress.NONE);
        assertEquals(serial.summary(a), parallel.summary(b));
        assertEquals(serial.rates(a), parallel.rates(b));
        assertEquals(6 * 1500, serial.rates(a).rowCount(), "150 ms in 0.1 ms bins for each of 6 runs");
    }

    /** The fixed point of a run is the mean field's for the run's network, found the usual way. */
    @Test
    void theFixedPointIsTheMeanFieldsForTheRunsNetwork() {
        Table runs = SweepValues.runs(List.of("drive_rate_hz=4"), "grid");
        NetworkSweep sweep = sweep(network("HH_RS--HH_FS--CONFIG1", 10_000), runs,
                Map.of("mean_field", true, "tstop_ms", 20.0, "transient_ms", 10.0));
        Table summary = sweep.summary(sweep.runAll(Progress.NONE));
        Network net = NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1").withDrive(4);
        TransferCoefficients[] c = {TransferCoefficients.preset("HH_RS"), TransferCoefficients.preset("HH_FS")};
        FixedPoint fp = MeanField.fixedPoint(new MeanFieldModel(net, c, 5e-3, 2, Waveform.NONE, SlowCurrents.PAPER), 0,
                null);
        assertEquals(fp.state()[0], summary.getDouble(0, summary.schema().indexOf("mf_nu_e_hz")), 0);
        assertEquals(4.0, summary.getDouble(0, summary.schema().indexOf("mf_drive_hz")));
        assertEquals(1.0, summary.getDouble(0, summary.schema().indexOf("mf_stable")));
        // the published value (Carlu et al. 2020, Fig. 4): nu_e about 1.2 Hz at 4 Hz of drive in CONFIG1
        assertEquals(1.2, summary.getDouble(0, summary.schema().indexOf("mf_nu_e_hz")), 0.15);
    }

    /** An integration that blows up fails its own run, with the reason in its status; the others finish. */
    @Test
    void aRunThatBlowsUpSaysWhyAndTheOthersFinish() {
        // a = -10 uS with tau_w = 1 ms: below rest the adaptation current drives V down without bound
        Table runs = SweepValues.runs(List.of("exc_a_ns=-10000,4", "exc_tau_w_ms=1,500"), "list");
        NetworkSweep sweep = sweep(network("RS-cell--FS-cell--CONFIG1", 300), runs, Map.of("tstop_ms", 400.0,
                "threads", 2L));
        Table summary = sweep.summary(sweep.runAll(Progress.NONE));
        int status = summary.schema().indexOf("status");
        assertTrue(summary.getString(0, status).startsWith("failed: the integration produced"),
                summary.getString(0, status));
        assertTrue(Double.isNaN(summary.getDouble(0, summary.schema().indexOf("exc_mean_rate_hz"))));
        assertEquals("ok", summary.getString(1, status));
        assertTrue(summary.getDouble(1, summary.schema().indexOf("inh_mean_rate_hz")) >= 0);
    }

    /** Cancelling stops the sweep: nothing is returned. */
    @Test
    void cancellingStopsTheSweep() {
        Table runs = SweepValues.runs(List.of("drive_rate_hz=1:5:5"), "grid");
        NetworkSweep sweep = sweep(network("HH_RS--HH_FS--CONFIG1", 500), runs, Map.of("threads", 2L));
        Progress cancelled = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void checkCancelled() {
                throw new CancelledException();
            }
        };
        assertThrows(CancelledException.class, () -> sweep.runAll(cancelled));
    }

    /** Every run is checked before the first starts; the message names the column, the row and what is allowed. */
    @Test
    void badRunsAreRefusedBeforeAnyWork() {
        Table net = network("HH_RS--HH_FS--CONFIG1", 200);
        assertRefused(net, "nonsense_ms=1", "nonsense_ms", "names nothing a run can change", "exc_gl_ns");
        assertRefused(net, "exc_b_pa=10", "exc_b_pa", "names nothing"); // HH cells have no b
        assertRefused(net, "threads=2", "threads", "the sweep sets itself");
        assertRefused(net, "n_rec=2", "n_rec", "the sweep sets itself");
        assertRefused(net, "tstop_ms=100,-1", "row 2 of the runs table", "tstop_ms = -1");
        assertRefused(net, "exc_gl_ns=10,-5", "row 2 of the runs table", "gl_ns = -5");
        assertRefused(net, "exc_neurons=100.5", "exc_neurons = 100.5 is not a whole number");
        assertRefused(net, "onset_ms=100,200", "onset_ms does not shape a double-gaussian stimulus", "t0_ms");
        Table stimulus = Table.builder(org.neuromf.core.table.TableSchema.of(
                org.neuromf.core.table.ColumnSpec.real("time_ms", ""), org.neuromf.core.table.ColumnSpec.real("rate_hz", "")))
                .addRow(0.0, 1.0).build();
        ParameterException e = assertThrows(ParameterException.class, () -> new NetworkSweep(new NetworkSweep.Inputs(
                net, SweepValues.runs(List.of("amp_hz=1"), "grid"), stimulus, null, null, null, values(Map.of()).asMap())));
        assertTrue(e.getMessage().contains("give it one way"), e.getMessage());
        Table empty = Table.builder(SweepValues.runs(List.of("seed=1"), "grid").schema()).build();
        assertThrows(IllegalArgumentException.class, () -> sweep(net, empty, Map.of()));
    }

    /** A stimulus swept by its amplitude: each run has its own, the shape from the base values. */
    @Test
    void aSweptStimulusTakesTheBaseShape() {
        Table net = network("HH_RS--HH_FS--CONFIG1", 200);
        Table runs = SweepValues.runs(List.of("amp_hz=0.5,2"), "grid");
        NetworkSweep sweep = new NetworkSweep(new NetworkSweep.Inputs(net, runs, null,
                Map.of("stimulus", "step", "onset_ms", 10.0), null, null, values(Map.of()).asMap()));
        Waveform first = sweep.runs().get(0).stimulus();
        Waveform second = sweep.runs().get(1).stimulus();
        assertEquals(0.5, first.rate(0.1), 1e-12); // on from 10 ms to the default offset, 1500 ms
        assertEquals(2.0, second.rate(0.1), 1e-12);
        assertEquals(0.0, second.rate(0.005), 1e-12);
    }

    private static void assertRefused(Table network, String values, String... expected) {
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> sweep(network, SweepValues.runs(List.of(values), "grid"), Map.of()), values);
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), "message '" + e.getMessage() + "' should contain '" + s + "'");
        }
    }
}
