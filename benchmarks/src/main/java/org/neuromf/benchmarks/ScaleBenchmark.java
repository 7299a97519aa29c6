package org.neuromf.benchmarks;

import java.util.Map;

import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.simulation.NetworkSimulator;
import org.neuromf.core.simulation.SimulationMemory;
import org.neuromf.core.simulation.SimulationResult;
import org.neuromf.core.simulation.SimulationSettings;
import org.neuromf.core.stimulus.Waveform;

/**
 * Large networks: HH_RS--HH_FS with CONFIG1's synapses and drive but N neurons and a fixed in-degree
 * of K excitatory and K/4 inhibitory synapses per neuron (p = K / Ne, CONFIG1's K = 400 by default,
 * so every neuron receives what it receives in CONFIG1 and the mean field is the same at any N).
 * For each N: the memory estimate against the heap the run holds (measured after a full collection
 * while it steps, less the heap in use before it), and on each thread count the wall time, the time
 * spent building (connectivity, state), and the neuron-steps per second of the stepping alone, against
 * the same network without synapses and drive (the bare HH update floor). A short run of 10 000
 * neurons first leaves JIT compilation out of the timings.
 *
 * <pre>java -Xmx12g -cp benchmarks/target/benchmarks.jar org.neuromf.benchmarks.ScaleBenchmark
 *        [--neurons 100000,1000000] [--k 400] [--tstop MS] [--threads 1,2] [--seed S]</pre>
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> opt = Options.parse(args, Map.of("--neurons", "100000,1000000", "--k", "400", "--tstop",
                "200", "--threads", "1," + Runtime.getRuntime().availableProcessors(), "--seed", "1"));
        double tstop = Double.parseDouble(opt.get("--tstop"));
        int k = Integer.parseInt(opt.get("--k"));
        long seed = Long.parseLong(opt.get("--seed"));
        System.out.printf("NeuroMF scale benchmark: HH_RS--HH_FS, CONFIG1 synapses, fixed in-degree Ke = %d, Ki = %d;"
                + " %.0f ms simulated, dt 0.1 ms, %d cores, max heap %.1f GB, Java %s%n", k, k / 4, tstop,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9,
                System.getProperty("java.version"));
        run(network(10_000, k, false), settings(50, seed, 1), false); // JIT compilation, before any timing
        for (String n : opt.get("--neurons").split(",")) {
            int neurons = Integer.parseInt(n.trim());
            Network net = network(neurons, k, false);
            Network bare = network(neurons, k, true);
            SimulationSettings one = settings(tstop, seed, 1);
            SimulationMemory estimate = SimulationMemory.of(net, one);
            System.out.printf("%n%d neurons, %.3g synapses: estimate %.0f MB (neuron state %.0f, synapses %.0f,"
                    + " recording %.0f, result tables %.0f)%n", neurons, synapses(net, k),
                    estimate.total() / 1e6, estimate.neuronState() / 1e6, estimate.synapses() / 1e6,
                    estimate.recorder() / 1e6, estimate.tables() / 1e6);
            boolean measured = false;
            for (String t : opt.get("--threads").split(",")) {
                int threads = Integer.parseInt(t.trim());
                Timed full = run(net, settings(tstop, seed, threads), !measured);
                Timed floor = run(bare, settings(tstop, seed, threads), false);
                if (!measured) {
                    double held = estimate.neuronState() + estimate.synapses() + estimate.recorder();
                    System.out.printf("  heap held while stepping: %.0f MB measured, %.0f MB estimated (state,"
                            + " synapses, recording; the result tables come after): ratio %.3f%n", full.heldBytes / 1e6,
                            held / 1e6, full.heldBytes / held);
                    measured = true;
                }
                System.out.printf("  %d thread(s): %.1f s wall, of which %.1f s building; stepping %.1f M neuron-steps/s,"
                        + " bare-update floor %.1f M (%.0f %% of it); nu_e %.3f Hz, nu_i %.3f Hz%n", threads,
                        full.seconds, full.buildSeconds, full.stepRate(net, one) / 1e6, floor.stepRate(bare, one) / 1e6,
                        100 * full.stepRate(net, one) / floor.stepRate(bare, one), full.result.summary(0).meanRate(),
                        full.result.summary(1).meanRate());
                System.out.printf("RESULT neurons=%d threads=%d seconds=%.3f build_seconds=%.3f"
                        + " step_neuron_steps_per_s=%.4g floor_neuron_steps_per_s=%.4g%n", neurons, threads,
                        full.seconds, full.buildSeconds, full.stepRate(net, one), floor.stepRate(bare, one));
            }
        }
    }

    /** N neurons, p = K / Ne on every pathway and for the drive; without synapses and drive when bare. */
    static Network network(int neurons, int k, boolean bare) {
        ParameterValues v = NetworkBuilder.preset("CONFIG1");
        int ne = neurons - (int) Math.round(0.2 * neurons);
        v = v.with(Map.of("neurons", neurons, "p_connect", (double) k / ne, "in_degree", "fixed"));
        if (bare) {
            v = v.with(Map.of("p_connect", 0.0, "drive_rate_hz", 0.0));
        }
        return NetworkBuilder.build(CellPresets.get("HH_RS"), CellPresets.get("HH_FS"), v);
    }

    private static double synapses(Network net, int k) {
        return (double) net.neuronCount() * (k + k / 4);
    }

    private static SimulationSettings settings(double tstopMs, long seed, int threads) {
        return SimulationSettings.of(Map.of("tstop_ms", tstopMs, "seed", seed, "threads", threads, "record_spikes", false,
                "transient_ms", tstopMs / 2));
    }

    private record Timed(double seconds, double buildSeconds, double heldBytes, SimulationResult result) {
        /** Neuron-steps per second of the stepping alone. */
        double stepRate(Network net, SimulationSettings s) {
            return net.neuronCount() * (double) s.steps() / (seconds - buildSeconds);
        }
    }

    /**
     * One run, timed; the build ends at the first "simulating" report. When {@code measure}, the heap
     * held is measured by a full collection at the first report after 30 % of the steps (its time is
     * left out), less the heap in use after a collection before the run.
     */
    private static Timed run(Network net, SimulationSettings s, boolean measure) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        HeapProbe probe = new HeapProbe(measure);
        long t0 = System.nanoTime();
        SimulationResult r = new NetworkSimulator(net, Waveform.NONE, s).run(probe);
        double seconds = (System.nanoTime() - t0 - probe.collecting) / 1e9;
        return new Timed(seconds, (probe.buildEnd - t0) / 1e9, measure ? probe.heapInUse - before : 0, r);
    }
}
