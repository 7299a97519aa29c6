package org.neuromf.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neuromf.core.analysis.Comparison;
import org.neuromf.core.analysis.Response;
import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.operation.MeanFieldOperation;
import org.neuromf.core.operation.NetworkSimulationOperation;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.StimulusWaveformOperation;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Table;
import org.neuromf.core.transfer.SelfConsistentTransfer;
import org.neuromf.core.util.Progress;

/**
 * The mean field with the M current as a state variable against the network (docs/mean-field.md
 * section 6), HH_RS--HH_FS--CONFIG1 at its drive of 4 Hz: the self-consistent transfer functions
 * of the stationary mean field and of the one with the M gate a variable, each mean field at
 * first order, against the network over seeds 1..N (2000 ms, the first 500 ms a transient, rates in
 * 5 ms bins), for the double Gaussian (t0 = 1000 ms), a step of 1 Hz from 1000 to 1600 ms, and
 * no stimulus. It prints the response measures of {@link Response}, the network's with their
 * jackknife standard errors over seeds, and checks the goals: peak time
 * (and, for reference, the time of the maximum) within 15 ms of the network's, peak rise within 20 %, the rate 200 ms after the peak within 15 %,
 * correlation at least 90 % of the noise ceiling, the step's overshoot ratio and relaxation time
 * within 20 %, and spontaneous rates no further from the network's than the stationary mean field's.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.neuromf.benchmarks.SlowCurrentsBenchmark [--seeds 5]</pre>
 */
public final class SlowCurrentsBenchmark {

    private static final String CONFIG = "HH_RS--HH_FS--CONFIG1";
    private static final double TSTOP = 2000;
    private static final double TRANSIENT = 500;
    private static final double T0 = 1000;
    private static final double BIN = 5;

    private SlowCurrentsBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> opt = Options.parse(args, Map.of("--seeds", "5"));
        int seeds = Integer.parseInt(opt.get("--seeds"));
        Table network = NetworkTable.toTable(NetworkBuilder.fromConfig(CONFIG));
        Operation stim = new StimulusWaveformOperation();
        Table pulse = stim.run(List.of(), stim.defaults().with(Map.of("tstop_ms", TSTOP, "t0_ms", T0)), Progress.NONE)
                .table(0);
        Table step = stim.run(List.of(), stim.defaults().with(Map.of("tstop_ms", TSTOP, "stimulus", "step", "amp_hz", 1.0,
                "onset_ms", T0, "offset_ms", T0 + 600)), Progress.NONE).table(0);
        System.out.printf("NeuroMF slow-current mean field against the network, %s, %d seeds, Java %s%n", CONFIG, seeds,
                System.getProperty("java.version"));
        long start = System.nanoTime();
        SlowCurrents[] modes = SlowCurrents.values();
        Table[][] coefficients = new Table[modes.length][];
        for (int m = 0; m < modes.length; m++) {
            SelfConsistentTransfer.Result r = SelfConsistentTransfer.run(NetworkTable.fromTable(network),
                    ParameterValues.of(SelfConsistentTransfer.PARAMETERS, Map.of("slow_currents", name(modes[m]))),
                    Progress.NONE);
            coefficients[m] = new Table[] {r.last().coefficients()[0].toTable(), r.last().coefficients()[1].toTable()};
            System.out.printf(Locale.ROOT, "self-consistent loop, slow_currents = %s: %d rescans, converged %b, %.0f s%n",
                    name(modes[m]), r.iterations().size() - 1, r.converged(), (System.nanoTime() - start) / 1e9);
        }
        // [mode][stimulus] mean-field series; stimulus 0: none, 1: pulse, 2: step
        Table[] stimuli = {null, pulse, step};
        List<List<double[]>> runs = new ArrayList<>();
        double[][] drive = new double[3][];
        List<double[]> spontaneousInh = new ArrayList<>();
        Operation sim = new NetworkSimulationOperation();
        for (int c = 0; c < 3; c++) {
            runs.add(new ArrayList<>());
            for (int s = 1; s <= seeds; s++) {
                Table rates = sim.run(Arrays.asList(network, stimuli[c]), sim.defaults().with(Map.of("tstop_ms", TSTOP,
                        "transient_ms", TRANSIENT, "seed", s, "n_rec", 0)), Progress.NONE).table(0);
                runs.get(c).add(Comparison.binnedRates(rates, "exc", TRANSIENT, BIN));
                if (c == 0) {
                    spontaneousInh.add(Comparison.binnedRates(rates, "inh", TRANSIENT, BIN));
                }
                drive[c] = Comparison.binned(rates, "drive_hz", TRANSIENT, TSTOP, BIN);
            }
        }
        System.out.printf(Locale.ROOT, "network runs done, %.0f s%n", (System.nanoTime() - start) / 1e9);
        double[][] values = new double[modes.length + 1][];
        double[] errors = networkErrors(runs, spontaneousInh, drive);
        Operation mf = new MeanFieldOperation();
        for (int m = 0; m <= modes.length; m++) {
            double[][] r = new double[3][];
            double inh = m == 0 ? mean(Response.seedMean(spontaneousInh)) : mean(Comparison.binned(mf.run(Arrays.asList(
                    network, coefficients[m - 1][0], coefficients[m - 1][1], null), mf.defaults().with(Map.of("tstop_ms",
                            TSTOP, "order", 1, "slow_currents", name(modes[m - 1]))), Progress.NONE).table(0), "nu_i_hz",
                    TRANSIENT, TSTOP, BIN));
            for (int c = 0; c < 3; c++) {
                r[c] = m == 0 ? Response.seedMean(runs.get(c)) : Comparison.binned(mf.run(Arrays.asList(network,
                        coefficients[m - 1][0], coefficients[m - 1][1], stimuli[c]), mf.defaults().with(Map.of("tstop_ms",
                                TSTOP, "order", 1, "slow_currents", name(modes[m - 1]))), Progress.NONE).table(0), "nu_e_hz",
                        TRANSIENT, TSTOP, BIN);
            }
            Response.Pulse p = Response.pulse(r[1], drive[1], TRANSIENT, BIN, T0 + 200);
            Response.Step st = Response.step(r[2], drive[2], BIN);
            double spontaneous = mean(r[0]);
            values[m] = new double[] {p.peakTime(), p.maximumTime(), p.peakRise(), p.valueAt(), m == 0 ? Response.noiseCeiling(runs.get(1))
                    : Response.correlation(runs.get(1), r[1]), st.overshootRatio(), st.relaxationTime(), spontaneous, inh};
        }
        String[] quantities = {"peak time: centre above half the rise (ms)", "time of the maximum (ms)", "peak rise (Hz)", "rate 200 ms after the peak (Hz)",
            "correlation (network: noise ceiling)", "step overshoot ratio", "step relaxation time (ms)",
            "spontaneous nu_e (Hz)", "spontaneous nu_i (Hz)"};
        System.out.println("quantity | network ± SE | stationary | slow variables | goal met (slow variables)");
        double[] net = values[0];
        double[] slow = values[2];
        boolean[] met = {Math.abs(slow[0] - net[0]) <= 15, Math.abs(slow[1] - net[1]) <= 15, within(slow[2], net[2], 0.2),
            within(slow[3], net[3], 0.15), slow[4] >= 0.9 * net[4], within(slow[5], net[5], 0.2),
            within(slow[6], net[6], 0.2), Math.abs(slow[7] - net[7]) <= Math.abs(values[1][7] - net[7]),
            Math.abs(slow[8] - net[8]) <= Math.abs(values[1][8] - net[8])};
        for (int q = 0; q < quantities.length; q++) {
            System.out.printf(Locale.ROOT, "%s | %.4g ± %.2g | %.4g | %.4g | %b%n", quantities[q], net[q], errors[q],
                    values[1][q], slow[q], met[q]);
        }
        System.out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** The jackknife standard errors over seeds of the network's values, in the order of the printed quantities. */
    private static double[] networkErrors(List<List<double[]>> runs, List<double[]> spontaneousInh, double[][] drive) {
        List<double[]> pulse = runs.get(1);
        List<double[]> step = runs.get(2);
        return new double[] {
            Response.jackknifeError(pulse, l -> pulse(l, drive[1]).peakTime()),
            Response.jackknifeError(pulse, l -> pulse(l, drive[1]).maximumTime()),
            Response.jackknifeError(pulse, l -> pulse(l, drive[1]).peakRise()),
            Response.jackknifeError(pulse, l -> pulse(l, drive[1]).valueAt()),
            Response.jackknifeError(pulse, Response::noiseCeiling),
            Response.jackknifeError(step, l -> Response.step(Response.seedMean(l), drive[2], BIN).overshootRatio()),
            Response.jackknifeError(step, l -> Response.step(Response.seedMean(l), drive[2], BIN).relaxationTime()),
            Response.jackknifeError(runs.get(0), l -> mean(Response.seedMean(l))),
            Response.jackknifeError(spontaneousInh, l -> mean(Response.seedMean(l)))};
    }

    private static Response.Pulse pulse(List<double[]> seeds, double[] drive) {
        return Response.pulse(Response.seedMean(seeds), drive, TRANSIENT, BIN, T0 + 200);
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }

    private static boolean within(double value, double reference, double fraction) {
        return Math.abs(value - reference) <= fraction * Math.abs(reference);
    }

    private static String name(SlowCurrents mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
