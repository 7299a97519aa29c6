package org.neuromf.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.simulation.NetworkSimulator;
import org.neuromf.core.simulation.SimulationResult;
import org.neuromf.core.simulation.SimulationSettings;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.util.Progress;
import org.neuromf.core.util.SeedStatistics;

/**
 * Speed of the network engine on HH_RS--HH_FS--CONFIG1 (10 000 neurons, p = 0.05, dt = 0.1 ms):
 * wall time and neuron-steps per second of whole runs (connectivity included), single-threaded and
 * with more threads, against the floor set by the bare HH state update (same network with no
 * synapses and no drive), with tabulated and with exact gating, and the heap the network occupies.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar [--tstop MS] [--repeats N] [--threads 1,2] [--seed S]
 *        [--config EXC--INH--NET] [--only all|full|accuracy] [--synaptic-timing exact|step]</pre>
 * {@code --only full} times the full network at each thread count (what compare-brian2.sh uses, with
 * {@code --synaptic-timing step}, Brian2's delivery); {@code --only accuracy} compares rates with
 * tabulated and exact gating over --repeats seeds.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> opt = Options.parse(args, Map.of("--tstop", "1000", "--repeats", "3", "--threads",
                "1," + Runtime.getRuntime().availableProcessors(), "--seed", "1", "--config", "HH_RS--HH_FS--CONFIG1",
                "--only", "all", "--synaptic-timing", "exact"));
        double tstop = Double.parseDouble(opt.get("--tstop"));
        int repeats = Integer.parseInt(opt.get("--repeats"));
        long seed = Long.parseLong(opt.get("--seed"));
        String only = opt.get("--only");
        String timing = opt.get("--synaptic-timing");
        Network network = NetworkBuilder.fromConfig(opt.get("--config"));
        String[] parts = opt.get("--config").split("--");
        Network bare = NetworkBuilder.build(CellPresets.get(parts[0]), CellPresets.get(parts[1]),
                NetworkBuilder.preset(parts[2]).with(Map.of("p_connect", 0.0, "drive_rate_hz", 0.0)));

        System.out.printf("NeuroMF network benchmark: %s, %d neurons, %.0f ms simulated, dt 0.1 ms, %d cores, Java %s%n",
                opt.get("--config"), network.neuronCount(), tstop, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println("each line: median wall time of the runs (min-max), connectivity included, neuron-steps per second");
        String[] threads = opt.get("--threads").split(",");
        run(network, tstop, seed, Integer.parseInt(threads[0]), "tabulated", timing, 1,
                "cold: first run in this JVM (JIT compilation included), " + threads[0] + " thread(s)");
        if (only.equals("full")) {
            for (String t : threads) {
                run(network, tstop, seed, Integer.parseInt(t), "tabulated", timing, repeats,
                        "full network, tabulated gating, " + t + " thread(s)");
            }
            return;
        }
        if (only.equals("accuracy")) {
            accuracy(network, tstop, repeats, timing);
            return;
        }
        Row build = run(network, 0.1, seed, 1, "tabulated", timing, repeats,
                "building the network alone (connectivity, state), 1 step");
        System.out.printf("  the time loop alone is the full run minus %.2f s of building%n", build.seconds);
        Row floor = run(bare, tstop, seed, 1, "tabulated", timing, repeats,
                "floor: bare HH state update (no synapses, no drive), 1 thread");
        run(bare, tstop, seed, 1, "exact", timing, Math.max(1, repeats / 2),
                "floor with exact gating (Math.exp every step), 1 thread");
        for (String t : threads) {
            Row full = run(network, tstop, seed, Integer.parseInt(t), "tabulated", timing, repeats,
                    "full network, tabulated gating, " + t + " thread(s)");
            if (t.equals("1")) {
                System.out.printf("  the single-threaded full network runs at %.0f %% of the bare-update floor%n",
                        100 * full.rate / floor.rate);
            }
        }
        run(network, tstop, seed, 1, "exact", timing, Math.max(1, repeats / 2), "full network, exact gating, 1 thread");
        memory(network, seed);
    }

    /** The accuracy cost of the gating table: rates over several seeds, tabulated and exact. */
    private static void accuracy(Network net, double tstopMs, int seeds, String timing) {
        for (String gating : new String[] {"tabulated", "exact"}) {
            double[][] rates = new double[2][seeds];
            for (int s = 0; s < seeds; s++) {
                SimulationResult r = new NetworkSimulator(net, Waveform.NONE, SimulationSettings.of(Map.of("tstop_ms", tstopMs,
                        "seed", s + 1, "gating", gating, "synaptic_timing", timing, "record_spikes", false)))
                        .run(Progress.NONE);
                rates[0][s] = r.summary(0).meanRate();
                rates[1][s] = r.summary(1).meanRate();
            }
            System.out.printf("%-9s gating, %d seeds of %.0f ms: nu_e %.3f +- %.3f Hz, nu_i %.3f +- %.3f Hz%n", gating, seeds,
                    tstopMs, SeedStatistics.mean(rates[0]), SeedStatistics.sd(rates[0]), SeedStatistics.mean(rates[1]), SeedStatistics.sd(rates[1]));
        }
    }

    private record Row(double seconds, double rate) {
    }

    /** Times whole runs (build and steps) and prints a line, also as RESULT key=value for scripts. */
    private static Row run(Network net, double tstopMs, long seed, int threads, String gating, String timing, int repeats,
            String label) {
        SimulationSettings s = SimulationSettings.of(Map.of("tstop_ms", tstopMs, "seed", seed, "threads", threads,
                "gating", gating, "synaptic_timing", timing, "record_spikes", false, "transient_ms",
                Math.min(200, tstopMs / 2), "sync_bin_ms", 0.1));
        List<Double> times = new ArrayList<>();
        SimulationResult last = null;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            last = new NetworkSimulator(net, Waveform.NONE, s).run(Progress.NONE);
            times.add((System.nanoTime() - t0) / 1e9);
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted[sorted.length / 2];
        double rate = net.neuronCount() * (double) s.steps() / median;
        System.out.printf("%-72s %7.2f s (%.2f-%.2f)  %6.1f M neuron-steps/s   nu_e %.3f Hz, nu_i %.3f Hz%n", label,
                median, sorted[0], sorted[sorted.length - 1], rate / 1e6, last.summary(0).meanRate(),
                last.summary(net.populationCount() - 1).meanRate());
        System.out.printf("RESULT label=\"%s\" threads=%d gating=%s synaptic_timing=%s seconds=%.4f"
                + " neuron_steps_per_s=%.4g%n", label, threads, gating, timing, median, rate);
        return new Row(median, rate);
    }

    /** Heap in use after a full collection, while the network is being simulated. */
    private static void memory(Network net, long seed) {
        HeapProbe probe = new HeapProbe(true);
        new NetworkSimulator(net, Waveform.NONE, SimulationSettings.of(Map.of("tstop_ms", 100.0, "seed", seed,
                "transient_ms", 50.0, "threads", 1))).run(probe);
        System.out.printf("heap in use during the run (state, synapses, recording): %.1f MB (max heap %.0f MB)%n",
                probe.heapInUse / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }
}
