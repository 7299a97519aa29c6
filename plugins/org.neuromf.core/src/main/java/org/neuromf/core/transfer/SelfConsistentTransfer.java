package org.neuromf.core.transfer;

import static org.neuromf.core.param.Unit.MILLISECOND;
import static org.neuromf.core.param.Unit.PERCENT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.HodgkinHuxleyCell;
import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.meanfield.FixedPoint;
import org.neuromf.core.meanfield.MeanField;
import org.neuromf.core.meanfield.MeanFieldException;
import org.neuromf.core.meanfield.MeanFieldModel;
import org.neuromf.core.meanfield.MeanFieldSettings;
import org.neuromf.core.network.InDegree;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;
import org.neuromf.core.simulation.PresynapticInput;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.simulation.SpikeTrainModel;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.util.Progress;

/**
 * Self-consistent transfer functions of a two-population network (docs/mean-field.md): transfer
 * functions measured under input like the network's own, found by iterating
 * <ol>
 * <li>scan both cells under the current presynaptic input, and measure them again, with many more
 * repetitions, at the current fixed point and around it ({@value #FOCUS_STEP} relative steps in
 * fe and fi, with the fixed point's slow currents where the mean field carries them: an AdEx
 * cell's W held, an HH cell's M gate free with its mean moved to the fixed point's; where the
 * mean field will operate); fit, the M gate's kinetics from these points;</li>
 * <li>the mean field's spontaneous fixed point (nu_e, nu_i) with these fits;</li>
 * <li>the interspike intervals of each cell's output at that fixed point become the renewal
 * trains of its population's synapses for the next scan, drawn from their empirical
 * distribution;</li>
 * </ol>
 * from Poisson input (the paper's scans: iteration 0) until the fixed point moves by less than
 * {@code tolerance} between iterations. Nothing comes from a network simulation: a network run is
 * only the check. Repetition r of a point draws from the same random stream in every iteration, so
 * the iterations differ by their input model more than by fresh noise.
 */
public final class SelfConsistentTransfer {

    /** The relative offsets of the focus points from the fixed point, in fe and in fi. */
    static final double FOCUS_STEP = 0.1;

    /** Scan keys the loop sets itself. */
    private static final List<String> LOOP_KEYS = List.of("input_trains", "isi_refractory_exc_ms", "isi_cv_exc",
            "isi_refractory_inh_ms", "isi_cv_inh");

    /**
     * The mean field these transfer functions are meant for: first order by default. Measured under
     * independent trains at the population rates, a transfer function already holds the
     * fluctuations of each neuron's finite set of presynaptic neurons; the second order's
     * finite-size covariance would add them again (docs/mean-field.md section 3).
     */
    public static final ParameterSpec.Whole ORDER = new ParameterSpec.Whole("order", "Order", 1, 1, 2,
            "order of the mean field whose fixed point the loop follows: 1: rates only, since transfer"
                    + " functions measured under the network's own independent trains already hold the fluctuations of"
                    + " finite presynaptic populations, which the second order's covariance would count again; 2: the"
                    + " paper's second order");

    public static final List<ParameterSpec> PARAMETERS = parameters();

    private static List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (ParameterSpec s : TransferScan.PARAMETERS) {
            if (!LOOP_KEYS.contains(s.key())) {
                specs.add(switch (s.key()) {
                    case "dt_ms" -> ParameterSpec.Real.of("dt", "Time step", MILLISECOND, 0.1,
                            Range.aboveUpTo(0, 1), "time step of the single-neuron simulations: the network's own"
                                    + " (Network Simulation's default), so that both integrate alike");
                    case "target_spikes" -> new ParameterSpec.Whole("target_spikes", "Target spikes per point", 200, 0,
                            100_000_000, "grid points get repetitions until they count this many spikes (at most"
                                    + " max_seeds); 0: always seeds repetitions");
                    case "max_seeds" -> new ParameterSpec.Whole("max_seeds", "Most seeds per point", 50, 1, 10_000,
                            "the most repetitions a grid point gets");
                    case "in_degree" -> ParameterSpec.Choice.of("in_degree", "In-degree", InDegree.class,
                            InDegree.FIXED, "fixed: exactly Ke and Ki, the identical neurons of the mean"
                                    + " field; binomial: each repetition draws its synapses from the network's"
                                    + " Binomial(N_pre, p), which averages the rate over the in-degrees but needs many"
                                    + " more repetitions for the same precision");
                    default -> s;
                });
            }
        }
        specs.add(new ParameterSpec.Whole("focus_spikes", "Spikes at the fixed point", 3000, 1, 100_000_000,
                "the points at and around the fixed point (fe and fi 10 % either side) get repetitions until they count"
                        + " this many spikes (at most 20 times max_seeds): the fit is most precise where the mean field"
                        + " operates, and the output's interspike statistics are measured there"));
        specs.add(new ParameterSpec.Whole("max_iterations", "Most iterations", 8, 1, 100,
                "rescans after the first (Poisson) one, at most"));
        specs.add(ParameterSpec.Real.of("tolerance", "Tolerance", PERCENT, 1, Range.aboveUpTo(0, 100),
                "the loop stops when neither rate of the fixed point moves by more than this between iterations"));
        specs.add(new ParameterSpec.Flag("p4_term", "Fit the P4 term", false, "fit P4 ln(muG/gL) as well"));
        specs.add(ORDER);
        specs.add(MeanFieldSettings.T);
        specs.add(MeanFieldSettings.SLOW_CURRENTS);
        return List.copyOf(specs);
    }

    /** One pass of the loop: the input it scanned with and the fixed point its fits give. */
    public record Iteration(int index, PresynapticInput[] inputs, TransferCoefficients[] coefficients,
            List<List<Measurement>> samples, FixedPoint fixedPoint, Measurement[] atFixedPoint) {

        public double nuE() {
            return fixedPoint.state()[MeanFieldModel.NU_E];
        }

        public double nuI() {
            return fixedPoint.state()[MeanFieldModel.NU_I];
        }
    }

    /** Every iteration, the first being the paper's Poisson scans; whether the last moved less than the tolerance. */
    public record Result(List<Iteration> iterations, boolean converged) {

        public Iteration last() {
            return iterations.get(iterations.size() - 1);
        }
    }

    private SelfConsistentTransfer() {
    }

    public static Result run(Network network, ParameterValues parameters, Progress progress) {
        ParameterValues v = ParameterValues.of(PARAMETERS, parameters.asMap());
        Map<String, Object> scanValues = new LinkedHashMap<>();
        for (ParameterSpec s : TransferScan.PARAMETERS) {
            if (!LOOP_KEYS.contains(s.key())) {
                scanValues.put(s.key(), v.get(s.key()));
            }
        }
        TransferScan.Settings scan = TransferScan.Settings.of(scanValues);
        int focusSpikes = v.integer("focus_spikes");
        TransferScan.Settings focus = TransferScan.Settings.of(ParameterValues.of(TransferScan.PARAMETERS, scanValues)
                .with(Map.of("target_spikes", focusSpikes, "max_seeds", Math.min(10_000, 20 * scan.maxSeeds()))));
        int maxIterations = v.integer("max_iterations");
        double tolerance = v.si("tolerance_percent");
        boolean p4 = v.flag("p4_term");
        SlowCurrents slow = v.choice("slow_currents", SlowCurrents.class);
        SpikeTrainModel[] trains = {SpikeTrainModel.POISSON, SpikeTrainModel.POISSON};
        List<Iteration> iterations = new ArrayList<>();
        FixedPoint previous = null;
        for (int it = 0; it <= maxIterations; it++) {
            Progress part = progress.sub((double) it / (maxIterations + 1), 1.0 / (maxIterations + 1));
            PresynapticInput[] inputs = new PresynapticInput[2];
            for (int a = 0; a < 2; a++) {
                inputs[a] = it == 0 ? PresynapticInput.POISSON
                        : PresynapticInput.network(network, a, trains[0], trains[1],
                                scan.inDegree() == InDegree.BINOMIAL);
            }
            Iteration iteration = iterate(network, it, inputs, scan, focus, p4, slow, v,
                    previous == null ? null : previous.state(),
                    iterations.isEmpty() ? null : iterations.get(iterations.size() - 1).atFixedPoint(), part);
            iterations.add(iteration);
            for (int a = 0; a < 2; a++) {
                Measurement m = iteration.atFixedPoint()[a];
                trains[a] = m.intervals().train();
            }
            boolean moved = previous == null || moved(previous, iteration.fixedPoint(), tolerance);
            previous = iteration.fixedPoint();
            if (it > 0 && !moved) {
                return new Result(List.copyOf(iterations), true);
            }
        }
        return new Result(List.copyOf(iterations), false);
    }

    private static boolean moved(FixedPoint a, FixedPoint b, double tolerance) {
        for (int k : new int[] {MeanFieldModel.NU_E, MeanFieldModel.NU_I}) {
            if (!(Math.abs(b.state()[k] - a.state()[k]) <= tolerance * Math.abs(a.state()[k]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Scans, fits and finds the fixed point under these inputs, starting from {@code start} (the
     * previous iteration's fixed point, where the whole cells were measured as {@code atStart};
     * both null: from rest); then measures the output where the mean field operates.
     */
    private static Iteration iterate(Network network, int index, PresynapticInput[] inputs, TransferScan.Settings scan,
            TransferScan.Settings focus, boolean p4, SlowCurrents slow, ParameterValues v, double[] start,
            Measurement[] atStart, Progress progress) {
        Cell[] cells = new Cell[2];
        SynapticInput[] synapses = new SynapticInput[2];
        List<List<Measurement>> samples = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            cells[a] = slow.scanned(network.population(a).cell());
            synapses[a] = SynapticInput.onto(network, a);
            progress.report(0.4 * a, "iteration " + index + ": scanning " + cells[a].name());
            samples.add(new ArrayList<>(TransferScan.grid(cells[a], synapses[a], inputs[a], scan,
                    progress.sub(0.4 * a, 0.4))));
        }
        TransferCoefficients[] coefficients = fit(network, cells, synapses, samples, null, p4);
        MeanFieldModel model = model(network, coefficients, v, slow);
        FixedPoint fixedPoint = fixedPoint(network, model, start, index);
        // the focus points sharpen the fit where the mean field evaluates it, with the fixed point's slow
        // currents. They are centred on the previous iteration's fixed point, which the previous focus
        // points placed: the grid's fit alone can miss a low-rate fixed point by a factor 2 (HH at a drive of 2 Hz)
        double[] centre = start != null ? start : fixedPoint.state();
        double fe = inputRateE(network, centre);
        double fi = centre[MeanFieldModel.NU_I];
        double[] focusFe = {fe, fe * (1 - FOCUS_STEP), fe * (1 + FOCUS_STEP), fe, fe};
        double[] focusFi = {fi, fi, fi, fi * (1 - FOCUS_STEP), fi * (1 + FOCUS_STEP)};
        List<List<Measurement>> focused = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            progress.report(0.8 + 0.1 * a, "iteration " + index + ": measuring " + cells[a].name() + " at the fixed point");
            Cell whole = network.population(a).cell();
            double w = model.adaptation(centre, a);
            double p = model.gate(centre, a);
            Progress part = progress.sub(0.8 + 0.1 * a, 0.1);
            List<Measurement> measured;
            if (slow.carriesGate(whole)) {
                // the gate stays free, fluctuating with the cell's own spikes as in the network, its mean moved
                // from the free gate's at the centre (measured there last iteration; first: not moved) to the fixed point's
                double shift = atStart == null ? 0 : p - atStart[a].gateMean();
                measured = TransferScan.points(SlowCurrents.gateShifted((HodgkinHuxleyCell) whole, shift), synapses[a],
                        inputs[a], focusFe, focusFi, focus, part).stream().map(m -> m.heldAt(w, m.gateMean() + shift))
                        .toList();
            } else {
                measured = TransferScan.points(slow.held(whole, w, p), synapses[a], inputs[a], focusFe, focusFi, w, p,
                        focus, part);
            }
            samples.get(a).addAll(measured);
            focused.add(measured);
        }
        coefficients = fit(network, cells, synapses, samples, focused, p4);
        fixedPoint = fixedPoint(network, model(network, coefficients, v, slow), centre, index);
        Measurement[] atFixedPoint = new Measurement[2];
        double feStar = inputRateE(network, fixedPoint.state());
        double fiStar = fixedPoint.state()[MeanFieldModel.NU_I];
        for (int a = 0; a < 2; a++) {
            // the output the presynaptic neurons send is that of the whole cell, adaptation included
            Cell whole = network.population(a).cell();
            atFixedPoint[a] = TransferScan.points(whole, synapses[a], inputs[a], new double[] {feStar},
                    new double[] {fiStar}, focus, progress.sub(1, 0)).get(0); // cancellable; progress stays at the end
        }
        return new Iteration(index, inputs, coefficients, samples, fixedPoint, atFixedPoint);
    }

    /** The excitatory input rate per synapse at a fixed point: nu_e plus the network's drive (Hz). */
    private static double inputRateE(Network network, double[] state) {
        return state[MeanFieldModel.NU_E] + network.population(0).driveRate();
    }

    /**
     * Both cells' fits, every sample weighted by its standard error ({@link TransferSamples#standardErrors}),
     * with their M gates' kinetics (HH cells) from {@code gateSamples} where they fired (null: from
     * all samples): the focus points, so that the gate's steady state is the measured one where the
     * mean field operates. The template is the network's cell's, whose M current a gate p turns
     * into the conductance gM p.
     */
    private static TransferCoefficients[] fit(Network network, Cell[] scanned, SynapticInput[] synapses,
            List<List<Measurement>> samples, List<List<Measurement>> gateSamples, boolean p4) {
        TransferCoefficients[] c = new TransferCoefficients[2];
        for (int a = 0; a < 2; a++) {
            Columns s = Columns.of(samples.get(a));
            FluctuationModel template = FluctuationModel.of(network.population(a).cell(), synapses[a]);
            MCurrentGate gate = gateSamples == null ? null : Columns.of(gateSamples.get(a)).gate(template);
            c[a] = TransferFit.fit(scanned[a].name(), template, s.fe, s.fi, s.w, s.p, s.rate,
                    TransferSamples.standardErrors(s.rate, s.sd, s.seeds), p4).coefficients()
                    .withGate(gate != null ? gate : s.gate(template));
        }
        return c;
    }

    /** The columns of a list of measurements that a fit reads. */
    private record Columns(double[] fe, double[] fi, double[] w, double[] p, double[] drive, double[] gateRate,
            double[] rate, double[] sd, int[] seeds) {

        static Columns of(List<Measurement> s) {
            int n = s.size();
            Columns c = new Columns(new double[n], new double[n], new double[n], new double[n], new double[n],
                    new double[n], new double[n], new double[n], new int[n]);
            for (int i = 0; i < n; i++) {
                Measurement m = s.get(i);
                c.fe[i] = m.fe();
                c.fi[i] = m.fi();
                c.w[i] = m.w();
                c.p[i] = m.p();
                c.drive[i] = m.gateDrive();
                c.gateRate[i] = m.gateRate();
                c.rate[i] = m.meanRate();
                c.sd[i] = m.rateSd();
                c.seeds[i] = m.rates().length;
            }
            return c;
        }

        MCurrentGate gate(FluctuationModel template) {
            return MCurrentGate.measure(template, fe, fi, w, p, rate, drive, gateRate);
        }
    }

    private static MeanFieldModel model(Network network, TransferCoefficients[] coefficients, ParameterValues v,
            SlowCurrents slow) {
        return new MeanFieldModel(network, coefficients, v.si("t_ms"), v.integer("order"), Waveform.NONE, slow);
    }

    /**
     * The fixed point, searched from {@code start} (null: from rest). A rescan moves it by a few
     * per cent, so Newton's method from the last one finds it where relaxing from rest, with an
     * adaptation W that builds up over seconds, may run into another state first.
     */
    private static FixedPoint fixedPoint(Network network, MeanFieldModel model, double[] start, int iteration) {
        try {
            return MeanField.fixedPoint(model, 0, start);
        } catch (MeanFieldException e) {
            throw new MeanFieldException("iteration " + iteration + " of the self-consistent loop of " + network.name()
                    + ": " + e.getMessage() + ". The fits may be too noisy: raise target_spikes, focus_spikes or"
                    + " max_seeds");
        }
    }
}
