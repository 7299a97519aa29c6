package org.neuromf.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.network.Connectivity;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.MemoryBudget;
import org.neuromf.core.util.Progress;

/** The memory of a network simulation: estimated before, checked against the heap, measured against the estimate. */
class SimulationMemoryTest {

    private static Network network(int neurons, double p) {
        return NetworkBuilder.build(CellPresets.get("HH_RS"), CellPresets.get("HH_FS"), NetworkBuilder.preset("CONFIG1")
                .with(Map.of("neurons", neurons, "p_connect", p, "drive_rate_hz", 6.0)));
    }

    /** FNV-1a over 32-bit values. */
    private static long hash(long h, int value) {
        return (h ^ value) * 0x100000001B3L;
    }

    private static long hash(Connectivity c) {
        long h = 0xCBF29CE484222325L;
        for (int x : c.rowStart()) {
            h = hash(h, x);
        }
        for (int x : c.targets()) {
            h = hash(h, x);
        }
        return h;
    }

    /**
     * The synapses of a seed are the ones the code drew before the two-pass draw: the counts and hashes
     * below were printed by it (commit 825e5b7), for 3000 neurons, so 3 chunks of 1024 rows in the
     * excitatory pathways, on 1 and on 2 threads. A network this small is drawn once again now
     * (ConnectivityTest checks that drawing once and twice give the same rows).
     */
    @Test
    void theSynapsesOfASeedAreTheOnesDrawnBeforeTheTwoPassDraw() {
        Network net = network(3000, 0.05);
        SimulationSettings settings = SimulationSettings.of(Map.of("seed", 7, "tstop_ms", 10.0, "transient_ms", 0.0));
        int[][] counts = {{287002, 72019}, {71771, 17958}};
        long[][] hashes = {{0x6442d056529bd2e4L, 0x32b72e53f07deb97L}, {0x1373d3dbefde4aa5L, 0x77daacb08c33131dL}};
        for (int threads : new int[] {1, 2}) {
            try (StepPool pool = new StepPool(threads)) {
                Connectivity[][] c = new NetworkSimulator(net, Waveform.NONE, settings).connect(pool, Progress.NONE,
                        SimulationMemory.of(net, settings));
                for (int pre = 0; pre < 2; pre++) {
                    for (int post = 0; post < 2; post++) {
                        assertEquals(counts[pre][post], c[pre][post].synapseCount(), pre + " -> " + post);
                        assertEquals(hashes[pre][post], hash(c[pre][post]), pre + " -> " + post + " on " + threads);
                        assertEquals(c[pre][post].rowStart().length - 1, c[pre][post].presynapticCount());
                    }
                }
            }
        }
    }

    /**
     * A fixed in-degree (3000 neurons, p = 0.05: Ke = 120, Ki = 30, three chunks of 1024 postsynaptic
     * neurons in the excitatory pathways) is the same synapses on 1, 2 and 3 threads, every neuron
     * receives exactly K from each population, and the estimate counts exactly its synapses, which is
     * what drawing them allocates.
     */
    @Test
    void aFixedInDegreeIsExactAndTheSameOnAnyThreads() {
        Network net = NetworkBuilder.build(CellPresets.get("HH_RS"), CellPresets.get("HH_FS"), NetworkBuilder
                .preset("CONFIG1").with(Map.of("neurons", 3000, "p_connect", 0.05, "in_degree", "fixed")));
        SimulationSettings settings = SimulationSettings.of(Map.of("seed", 7, "tstop_ms", 10.0, "transient_ms", 0.0));
        long[][] first = null;
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (int threads : new int[] {1, 1, 2, 3}) {
            try (StepPool pool = new StepPool(threads)) {
                long before = bean.getCurrentThreadAllocatedBytes(); // one thread: the pool has no workers
                Connectivity[][] c = new NetworkSimulator(net, Waveform.NONE, settings).connect(pool, Progress.NONE,
                        SimulationMemory.of(net, settings));
                if (first != null && threads == 1) { // the second single-threaded draw: its classes are loaded
                    allocated = bean.getCurrentThreadAllocatedBytes() - before;
                }
                long[][] hashes = new long[2][2];
                for (int pre = 0; pre < 2; pre++) {
                    for (int post = 0; post < 2; post++) {
                        int k = pre == 0 ? 120 : 30;
                        for (int d : c[pre][post].inDegrees(net.population(post).size())) {
                            assertEquals(k, d, pre + " -> " + post);
                        }
                        hashes[pre][post] = hash(c[pre][post]);
                    }
                }
                if (first == null) {
                    first = hashes;
                }
                for (int pre = 0; pre < 2; pre++) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(first[pre], hashes[pre], threads + " threads");
                }
            }
        }
        SimulationMemory estimate = SimulationMemory.of(net, settings);
        // row starts, targets and the fill's cursors, exactly: 4 (Npre + 1) + 4 K Npost + 4 Npre per pathway
        double exact = 0;
        for (int pre = 0; pre < 2; pre++) {
            for (int post = 0; post < 2; post++) {
                int nPre = net.population(pre).size();
                exact += 4.0 * (nPre + 1) + 4.0 * (pre == 0 ? 120 : 30) * net.population(post).size() + 4.0 * nPre;
            }
        }
        assertEquals(exact, estimate.synapses());
        // beyond the arrays: each chunk's bit set of chosen neurons and its draws (about 9 kB for 12 chunks)
        assertEquals(estimate.synapses(), allocated, 0.01 * estimate.synapses(), "allocated while drawing");
    }

    /**
     * The spikes and summary of a seed are the ones of the code before the change (printed by it, commit 825e5b7),
     * under step timing, which every run had before synaptic_timing existed.
     */
    @Test
    void theSpikesOfASeedAreTheOnesBeforeTheChange() {
        SimulationResult r = new NetworkSimulator(network(1000, 0.2), Waveform.NONE, SimulationSettings.of(Map.of(
                "tstop_ms", 300.0, "transient_ms", 100.0, "seed", 9, "threads", 2, "synaptic_timing", "step")))
                .run(Progress.NONE);
        Table t = r.spikesTable();
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < t.rowCount(); i++) {
            h = hash(h, (int) Math.round(t.getDouble(i, 0) * 1e6));
            h = hash(h, t.getInt(i, 1));
            h = hash(h, t.getString(i, 2).hashCode());
        }
        assertEquals(442, t.rowCount());
        assertEquals(0xf93919526ff9df40L, h);
        assertEquals(47, r.summary(0).spikeCount());
        assertEquals(0.039698467953854975, r.summary(0).synchronyChi());
        assertEquals(0.24042585229004731, r.summary(1).cvIsi());
    }

    /**
     * What a run allocates on its thread (one thread: the step pool has no workers), from building the
     * neurons and synapses to the result tables, against the estimate: within 2 %. Allocation counts
     * garbage too (the one-time work of a first run at a new dt, measured at about 0.7 MB here), and
     * the estimate counts the spike buffers as if every neuron spiked in one step and the synapses
     * with a margin of 6 SD (0.3 MB here); the run allocates no other garbage, so the two differ by
     * about 1 MB of the 95 MB. Its 80 MB of synapses are above NetworkSimulator.DRAWN_ONCE_BYTES, so
     * they are counted, then drawn into place: drawn once, they would be allocated twice.
     */
    @Test
    void theEstimateIsWhatARunAllocates() {
        Network net = network(20000, 0.05);
        // dt 0.125 ms: no other test builds the gating tables of this step, so the run builds them as estimated
        SimulationSettings settings = SimulationSettings.of(Map.of("tstop_ms", 80.0, "dt_ms", 0.125,
                "rate_bin_ms", 0.125, "transient_ms", 10.0, "n_rec", 100, "record_spikes", false, "threads", 1));
        SimulationMemory estimate = SimulationMemory.of(net, settings);
        // a small run first (another dt): the one-time work of a first run (class loading, about 2 MB) is not the run's
        SimulationResult warm = new NetworkSimulator(network(100, 0.1), Waveform.NONE, SimulationSettings.of(Map.of(
                "tstop_ms", 2.0, "transient_ms", 0.0, "n_rec", 1, "threads", 1))).run(Progress.NONE);
        List.of(warm.ratesTable(), warm.spikesTable(), warm.tracesTable(), warm.summaryTable());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        SimulationResult r = new NetworkSimulator(net, Waveform.NONE, settings).run(Progress.NONE);
        List<Table> tables = List.of(r.ratesTable(), r.spikesTable(), r.tracesTable(), r.summaryTable());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        String report = String.format("estimate %.0f bytes (%s), allocated %d", estimate.total(),
                estimate.describe(net), allocated);
        System.out.println(report);
        assertEquals(2 * 100 * 640, tables.get(2).rowCount());
        assertEquals(estimate.total(), allocated, 0.02 * estimate.total(), report);
    }

    /** The counting and filling passes allocate exactly the row starts and the targets. */
    @Test
    void aPathwayTakesItsFinalSizeOnly() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Connectivity.random(1000, 1000, 0.1, true, 3); // loads the classes
        long before = threads.getCurrentThreadAllocatedBytes();
        Connectivity c = Connectivity.random(4000, 3000, 0.1, true, 3);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long arrays = 4L * (4000 + 1) + 4L * c.synapseCount();
        // beyond the two arrays: their headers, the record and two random streams, well under 1 kB
        assertTrue(allocated >= arrays && allocated < arrays + 1024, allocated + " bytes for " + arrays + " of arrays");
        assertEquals(0.1 * (4000 * 3000 - 3000), c.synapseCount(), 6 * Math.sqrt(0.1 * 4000 * 3000));
    }

    @Test
    void aNetworkTooLargeForTheHeapIsRefusedBeforeAnyWork() {
        // 4e5 neurons with p = 0.5: 8e10 synapses would overflow a pathway's array before the heap
        ParameterException tooMany = assertThrows(ParameterException.class, () -> new NetworkSimulator(
                network(400_000, 0.5), Waveform.NONE, SimulationSettings.defaults()).run(Progress.NONE));
        assertTrue(tooMany.getMessage().contains("more than one pathway can hold") && tooMany.getMessage().contains(
                "p_connect"), tooMany.getMessage());
        // synapses alone: 4 bytes x p N^2, for N^2 = 4e9 pairs well above the heap of any test JVM (-Xmx2g)
        double p = Math.min(1, 4.0 * Runtime.getRuntime().maxMemory() / (4.0 * 60_000.0 * 60_000.0));
        MemoryBudget.MemoryException e = assertThrows(MemoryBudget.MemoryException.class, () -> new NetworkSimulator(
                network(60_000, p), Waveform.NONE, SimulationSettings.defaults()).run(Progress.NONE));
        assertTrue(e.getMessage().startsWith("network CONFIG1 (60000 neurons: synapses "), e.getMessage());
        assertTrue(e.getMessage().contains("use fewer neurons or a lower p_connect"), e.getMessage());
        // traces: n_rec x (1 + pops) x steps doubles per population, here 100 x 3 x 5e4, and their table
        SimulationMemory traces = SimulationMemory.of(network(200_000, 0.0001), SimulationSettings.of(
                Map.of("tstop_ms", 5000.0, "n_rec", 100)));
        assertTrue(traces.recorder() > traces.synapses(), "traces dominate: " + traces);
        assertTrue(traces.fix().contains("n_rec"), traces.fix());
    }

    @Test
    void recordingMoreNeuronsThanAPopulationHasIsSaid() {
        SimulationResult r = new NetworkSimulator(network(100, 0.1), Waveform.NONE, SimulationSettings.of(Map.of(
                "tstop_ms", 5.0, "transient_ms", 0.0, "n_rec", 50))).run(Progress.NONE);
        assertEquals(List.of("n_rec = 50 is more than population inh has: all its 20 neurons are recorded"),
                r.warnings());
        assertEquals((50 + 20) * 50, r.tracesTable().rowCount());
    }

    /** Spikes are kept up to max_spikes, or while the heap has room; the warning says which stopped them. */
    @Test
    void spikeRecordingStopsAtTheLimitOrWhenTheHeapIsFull() {
        SpikeRecord limited = new SpikeRecord(3, 0);
        for (int k = 0; k < 3; k++) {
            assertTrue(limited.add(k, k, 0));
        }
        assertFalse(limited.add(3, 3, 0));
        assertTrue(limited.limitReached());
        int[] steps = new int[3];
        int[] seen = new int[1];
        limited.forEach((step, neuron, pop) -> steps[seen[0]++] = step);
        assertEquals(List.of(0, 1, 2), List.of(steps[0], steps[1], steps[2]));

        // a reserve the heap cannot give: no chunk can be taken
        SpikeRecord full = new SpikeRecord(1000, 2.0 * Runtime.getRuntime().maxMemory());
        assertFalse(full.add(0, 0, 0));
        assertFalse(full.limitReached());
        assertEquals(0, full.count());

        Network net = network(100, 0.1);
        SimulationSettings settings = SimulationSettings.of(Map.of("tstop_ms", 5.0, "transient_ms", 0.0));
        NeuronGroup[] groups = new NeuronGroup[2];
        for (int p = 0; p < 2; p++) {
            groups[p] = NeuronGroup.of(net.population(p).cell(), net.population(p).size(), settings.dt(),
                    new double[] {5e-3, 5e-3}, new double[] {0, -0.08}, settings.gating(),
                    Integrator.EXPONENTIAL_EULER);
        }
        Recorder recorder = new Recorder(net, settings, groups, 2.0 * Runtime.getRuntime().maxMemory());
        recorder.spike(10, 0, 5);
        recorder.spike(11, 0, 6);
        SimulationResult r = recorder.result();
        assertEquals(0, r.spikeCount());
        assertEquals(2, r.summary(0).spikeCount(), "the statistics count every spike");
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("spike recording stopped at 0 spikes, below max_spikes = 10000000,"
                + " because the Java heap has no room for more (t = 1.0 ms)"), r.warnings().get(0));
    }
}
