package org.neuromf.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.meanfield.FixedPoint;
import org.neuromf.core.meanfield.MeanField;
import org.neuromf.core.meanfield.MeanFieldModel;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.util.Progress;

/**
 * Speed of the mean field of HH_RS--HH_FS--CONFIG1 with the published transfer functions: 2 s of
 * the second-order model with the double-Gaussian stimulus sampled every 0.1 ms (fixed point
 * included) with each integrator, and a sweep of 200 fixed points with their stability. Medians of
 * the repeats after warm-up runs.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.neuromf.benchmarks.MeanFieldBenchmark [--repeats 15]</pre>
 */
public final class MeanFieldBenchmark {

    private static final TransferCoefficients[] PUBLISHED = {TransferCoefficients.preset("HH_RS"),
        TransferCoefficients.preset("HH_FS")};

    private MeanFieldBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = Integer.parseInt(Options.parse(args, Map.of("--repeats", "15")).get("--repeats"));
        System.out.printf("NeuroMF mean-field benchmark: HH_RS--HH_FS--CONFIG1, published fits, Java %s%n",
                System.getProperty("java.version"));
        MeanFieldModel model = new MeanFieldModel(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"), PUBLISHED, 5e-3, 2,
                Waveform.doubleGaussian(1.0, 0.1, 0.15, 1.5));
        for (MeanField.Method method : MeanField.Method.values()) {
            double[] ms = time(repeats, () -> {
                FixedPoint start = MeanField.fixedPoint(model, 0, null);
                MeanField.integrate(model, start.state(), 2.0, 1e-4, method, Progress.NONE);
            });
            System.out.printf("  second order, 2 s sampled every 0.1 ms, %-8s median %6.1f ms (min %.1f, max %.1f)%n",
                    method.name().toLowerCase(), ms[0], ms[1], ms[2]);
        }
        double[] drives = new double[200];
        for (int i = 0; i < drives.length; i++) {
            drives[i] = 10.0 * i / (drives.length - 1);
        }
        double[] ms = time(Math.max(3, repeats / 3), () -> MeanField.sweep(d -> new MeanFieldModel(NetworkBuilder.build(
                CellPresets.get("HH_RS"), CellPresets.get("HH_FS"), NetworkBuilder.preset("CONFIG1")
                        .with(Map.of("drive_rate_hz", d))), PUBLISHED, 5e-3, 2, Waveform.NONE), drives, Progress.NONE));
        List<FixedPoint> sweep = MeanField.sweep(d -> new MeanFieldModel(NetworkBuilder.build(CellPresets.get("HH_RS"),
                CellPresets.get("HH_FS"), NetworkBuilder.preset("CONFIG1").with(Map.of("drive_rate_hz", d))), PUBLISHED,
                5e-3, 2, Waveform.NONE), drives, Progress.NONE);
        long converged = sweep.stream().filter(p -> !Double.isNaN(p.state()[0])).count();
        System.out.printf("  sweep of 200 second-order fixed points (0-10 Hz) with stability: median %.0f ms (min %.0f,"
                + " max %.0f); %d converged%n", ms[0], ms[1], ms[2], converged);
    }

    /** Median, min and max wall time (ms) of {@code repeats} runs after {@code repeats} warm-up runs. */
    private static double[] time(int repeats, Runnable run) {
        for (int i = 0; i < repeats; i++) {
            run.run();
        }
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            run.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return new double[] {t[repeats / 2], t[0], t[repeats - 1]};
    }
}
