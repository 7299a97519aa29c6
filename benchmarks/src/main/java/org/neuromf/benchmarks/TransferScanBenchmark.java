package org.neuromf.benchmarks;

import java.util.List;
import java.util.Map;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.simulation.PresynapticInput;
import org.neuromf.core.simulation.ShotNoiseSimulator;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.simulation.ShotNoiseSimulator.Protocol;
import org.neuromf.core.transfer.TransferScan;
import org.neuromf.core.util.Progress;

/**
 * Speed and accuracy of transfer-function scans. Times the default scan of HH_RS in CONFIG1 (a
 * 10 x 8 grid, 4 seeds, 10 s per seed, exponential Euler at 25 us) at each thread count, then
 * compares the fast default with the authors' protocol (forward Euler at 5 us, +10 mV crossings)
 * on the same inputs at a few points, with the time per point of each.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.neuromf.benchmarks.TransferScanBenchmark
 *        [--threads 1,2] [--cell HH_RS] [--accuracy-seeds 8] [--accuracy-tstop-ms 6000]</pre>
 */
public final class TransferScanBenchmark {

    private TransferScanBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> opt = Options.parse(args, Map.of("--threads", "1," + Runtime.getRuntime().availableProcessors(),
                "--cell", "HH_RS", "--accuracy-seeds", "8", "--accuracy-tstop-ms", "6000"));
        Cell cell = CellPresets.get(opt.get("--cell"));
        SynapticInput input = SynapticInput.forCell(NetworkBuilder.build(cell, cell, NetworkBuilder.preset("CONFIG1")), cell);
        System.out.printf("NeuroMF transfer-function benchmark: %s in CONFIG1, %d cores, Java %s%n", cell.name(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("default scan: 10 fe x 8 fi points, 4 seeds x 10 s each, exponential Euler at 25 us");
        for (String t : opt.get("--threads").split(",")) {
            TransferScan.Settings s = TransferScan.Settings.of(Map.of("threads", Integer.parseInt(t)));
            long start = System.nanoTime();
            List<Measurement> grid = TransferScan.grid(cell, input, PresynapticInput.POISSON, s, Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            double simulated = grid.size() * 4 * 10.0;
            System.out.printf("  %s thread(s): %d points in %.2f s: %.1f points/s, %.0f simulated neuron-seconds per second"
                    + " (retried points of the step rule not counted)%n", t, grid.size(), seconds, grid.size() / seconds,
                    simulated / seconds);
        }

        int seeds = Integer.parseInt(opt.get("--accuracy-seeds"));
        double tstop = Double.parseDouble(opt.get("--accuracy-tstop-ms")) * 1e-3;
        System.out.printf("fast default vs the authors' protocol, %d seeds x %.1f s (1 s transient), same inputs, fi = 8 Hz%n",
                seeds, tstop);
        System.out.println("  cell   fe_hz  fast_hz (SD)    authors_hz (SD)  diff_hz  fast_s  authors_s");
        double fastTime = 0;
        double authorsTime = 0;
        for (String name : List.of("HH_RS", "HH_FS")) {
            Cell c = CellPresets.get(name);
            for (double fe : new double[] {4, 5, 6, 7}) {
                long t0 = System.nanoTime();
                Measurement fast = ShotNoiseSimulator.measure(c, input, fe, 8, seeds, 1, Protocol.fast(2.5e-5, tstop, 1),
                        Progress.NONE);
                long t1 = System.nanoTime();
                Measurement authors = ShotNoiseSimulator.measure(c, input, fe, 8, seeds, 1, Protocol.authors(tstop, 1),
                        Progress.NONE);
                long t2 = System.nanoTime();
                fastTime += (t1 - t0) / 1e9;
                authorsTime += (t2 - t1) / 1e9;
                System.out.printf("  %-6s %5.1f  %6.2f (%4.2f)   %6.2f (%4.2f)     %+5.2f   %5.2f   %6.2f%n", name, fe,
                        fast.meanRate(), fast.rateSd(), authors.meanRate(), authors.rateSd(),
                        fast.meanRate() - authors.meanRate(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
        }
        System.out.printf("  the authors' protocol took %.0f times as long as the fast default on one thread%n",
                authorsTime / fastTime);
    }
}
