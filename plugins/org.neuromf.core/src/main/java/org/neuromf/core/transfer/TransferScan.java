package org.neuromf.core.transfer;

import static org.neuromf.core.param.Unit.HERTZ;
import static org.neuromf.core.param.Unit.MILLISECOND;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.network.InDegree;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;
import org.neuromf.core.param.Unit;
import org.neuromf.core.simulation.PresynapticInput;
import org.neuromf.core.simulation.ShotNoiseSimulator;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.simulation.ShotNoiseSimulator.Protocol;
import org.neuromf.core.simulation.SpikeTrainModel;
import org.neuromf.core.util.CancelledException;
import org.neuromf.core.util.MemoryBudget;
import org.neuromf.core.util.Progress;
import org.neuromf.core.util.Tasks;

/**
 * Measures a transfer function by single-neuron simulations (MODEL.md 4a), over a grid or at given
 * points, in parallel over points (rows of the grid) with results that do not depend on the
 * number of threads.
 *
 * <p>The grid: fi takes {@code fi_points} values over [fi_min, fi_max]; for each, fe starts at 0
 * and advances by {@code fe_max / (fe_points - 1)}; when the output rate rises by more than
 * {@code max_jump_hz} over one step, the step is halved and the point measured again, so that every
 * row has {@code fe_points} points, dense where the rate rises (the authors' scheme). A halved step
 * measures again in place of the rejected point, so a row holds {@code fe_points} measurements
 * whatever the halvings: the memory a scan holds is checked before it starts.
 */
public final class TransferScan {

    /** How the points are simulated: the fast default, or the authors' protocol. */
    public enum Method {
        /** Exponential Euler at dt_ms with tabulated gating; spikes by the cell's own rule. */
        FAST,
        /** Forward Euler at 5 us, exact gating, +10 mV crossings at least 0.2 ms apart (slow). */
        AUTHORS
    }

    /** The presynaptic trains: the paper's Poisson shot noise, or renewal trains like a network's own. */
    public enum Trains {
        /** Independent Poisson trains at fe and fi on every synapse (MODEL.md 4a). */
        POISSON,
        /**
         * The network's drive rate onto the cell's population stays Poisson; the rest of fe, and fi,
         * come from renewal trains of dead time isi_refractory and gamma CV isi_cv.
         */
        RENEWAL
    }

    /** A halved fe step smaller than this fraction of the grid step is accepted anyway (a jump in the rate). */
    private static final double SMALLEST_STEP_FRACTION = 1.0 / 1024;

    /** The dead times (ms) and gamma CVs a renewal train may have: shapes 1/CV^2 from 1/16 to 10^4. */
    private static final Range DEAD_TIMES = new Range(0, true, 1000, false);
    private static final Range CVS = Range.closed(0.01, 4);

    public static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.Real.of("fe_max", "Largest fe", HERTZ, 30, Range.aboveUpTo(0, 1e4),
                    "excitatory input rate per synapse at which a grid row would end without step halving"),
            new ParameterSpec.Whole("fe_points", "fe points per row", 10, 2, 1000,
                    "points measured in every row of the grid, fe = 0 included"),
            ParameterSpec.Real.of("fi_min", "Smallest fi", HERTZ, 0, Range.closed(0, 1e4),
                    "inhibitory input rate per synapse of the first row"),
            ParameterSpec.Real.of("fi_max", "Largest fi", HERTZ, 20, Range.closed(0, 1e4),
                    "inhibitory input rate per synapse of the last row"),
            new ParameterSpec.Whole("fi_points", "fi rows", 8, 1, 1000, "rows of the grid, evenly spaced in fi"),
            ParameterSpec.Real.of("max_jump", "Largest rate jump", HERTZ, 3, Range.aboveUpTo(0, 1e4),
                    "when the output rises by more than this between two fe values, the fe step is halved"),
            new ParameterSpec.Whole("seeds", "Seeds per point", 4, 1, 1000,
                    "independent simulations per point; the table gives their mean and SD"),
            new ParameterSpec.Whole("seed", "Seed", 1, 0, Long.MAX_VALUE,
                    "the same seed gives the same samples, bit for bit, whatever the number of threads"),
            new ParameterSpec.Whole("target_spikes", "Target spikes per point", 0, 0, 100_000_000,
                    "repetitions are added to a point until together they count this many spikes (at most max_seeds);"
                            + " a count of n spikes gives the rate to about 1/sqrt(n). 0: always seeds repetitions."
                            + " A point silent over its first seeds repetitions is not extended"),
            new ParameterSpec.Whole("max_seeds", "Most seeds per point", 200, 1, 10_000,
                    "the most repetitions a point gets when target_spikes asks for more"),
            ParameterSpec.Choice.of("input_trains", "Input trains", Trains.class, Trains.POISSON,
                    "poisson: every synapse brings a Poisson train (the paper's scans); renewal: the network's drive"
                            + " rate stays Poisson and the rest of fe, and fi, come from renewal trains of the given"
                            + " dead time and CV, like the spikes of a network's own neurons"),
            ParameterSpec.Real.of("isi_refractory_exc", "Excitatory dead time", MILLISECOND, 0, DEAD_TIMES,
                    "renewal trains: dead time of the excitatory presynaptic intervals (at most half the mean interval)"),
            ParameterSpec.Real.of("isi_cv_exc", "Excitatory CV", Unit.NONE, 1, CVS,
                    "renewal trains: CV of the gamma part of the excitatory intervals; the CV of the whole interval"
                            + " is (1 - rate x dead time) times this"),
            ParameterSpec.Real.of("isi_refractory_inh", "Inhibitory dead time", MILLISECOND, 0, DEAD_TIMES,
                    "renewal trains: dead time of the inhibitory presynaptic intervals"),
            ParameterSpec.Real.of("isi_cv_inh", "Inhibitory CV", Unit.NONE, 1, CVS,
                    "renewal trains: CV of the gamma part of the inhibitory intervals"),
            ParameterSpec.Choice.of("in_degree", "In-degree", InDegree.class, InDegree.FIXED,
                    "fixed: every repetition has Ke and Ki synapses, as the mean field assumes; binomial: drawn per"
                            + " repetition from Binomial(N_pre, p), as in the network, so the rate is averaged over"
                            + " the network's in-degrees"),
            ParameterSpec.Choice.of("method", "Method", Method.class, Method.FAST,
                    "fast: exponential Euler at dt_ms; authors: forward Euler at 5 us, +10 mV crossings (slow)"),
            ParameterSpec.Real.of("dt", "Time step", MILLISECOND, 0.025, Range.aboveUpTo(0, 1),
                    "time step of the fast method"),
            ParameterSpec.Real.of("tstop", "Duration per point", MILLISECOND, 10000, Range.aboveUpTo(0, 1e9),
                    "simulated time of every seed of every point"),
            ParameterSpec.Real.of("transient", "Transient", MILLISECOND, 1000, Range.closed(0, 1e9),
                    "time before spikes and potentials are counted"),
            new ParameterSpec.Whole("threads", "Threads", 0, 0, 1024,
                    "points measured at once; 0 uses every core. Results do not depend on it"));

    /** The keys that shape the grid; a scan of a points table does not use them. */
    public static final List<String> GRID_KEYS = List.of("fe_max_hz", "fe_points", "fi_min_hz", "fi_max_hz", "fi_points",
            "max_jump_hz");

    /** The scan settings, checked. Rates in Hz, times in s. */
    public record Settings(double feMax, int fePoints, double fiMin, double fiMax, int fiPoints, double maxJump,
            int seeds, long seed, int targetSpikes, int maxSeeds, Trains trains, SpikeTrainModel excitatoryTrain,
            SpikeTrainModel inhibitoryTrain, InDegree inDegree, Protocol protocol, int threads) {

        public static Settings of(ParameterValues values) {
            ParameterValues v = ParameterValues.of(PARAMETERS, values.asMap());
            if (v.real("fi_max_hz") < v.real("fi_min_hz")) {
                throw ParameterException.outOfRange("fi_max_hz", v.real("fi_max_hz"),
                        "[fi_min_hz = " + v.real("fi_min_hz") + ", 1e4] Hz", null);
            }
            double tstop = v.si("tstop_ms");
            double transientTime = v.si("transient_ms");
            Protocol protocol = v.choice("method", Method.class) == Method.AUTHORS
                    ? Protocol.authors(tstop, transientTime)
                    : Protocol.fast(v.si("dt_ms"), tstop, transientTime);
            if (v.integer("target_spikes") > 0 && v.integer("max_seeds") < v.integer("seeds")) {
                throw ParameterException.outOfRange("max_seeds", v.integer("max_seeds"), "[seeds = "
                        + v.integer("seeds") + ", 10000]", null);
            }
            return new Settings(v.real("fe_max_hz"), v.integer("fe_points"), v.real("fi_min_hz"), v.real("fi_max_hz"),
                    v.integer("fi_points"), v.real("max_jump_hz"), v.integer("seeds"), v.whole("seed"),
                    v.integer("target_spikes"), v.integer("max_seeds"), v.choice("input_trains", Trains.class),
                    train(v.si("isi_refractory_exc_ms"), v.real("isi_cv_exc")),
                    train(v.si("isi_refractory_inh_ms"), v.real("isi_cv_inh")), v.choice("in_degree", InDegree.class),
                    protocol, v.integer("threads"));
        }

        private static SpikeTrainModel train(double refractory, double cv) {
            return new SpikeTrainModel.ShiftedGamma(refractory, 1 / (cv * cv));
        }

        /** The presynaptic input these settings give onto population {@code post} of the network. */
        public PresynapticInput presynaptic(Network network, int post) {
            boolean renewal = trains == Trains.RENEWAL;
            return PresynapticInput.network(network, post, renewal ? excitatoryTrain : SpikeTrainModel.POISSON,
                    renewal ? inhibitoryTrain : SpikeTrainModel.POISSON, inDegree == InDegree.BINOMIAL);
        }

        /** The most repetitions a point can get. */
        int mostSeeds() {
            return targetSpikes > 0 ? maxSeeds : seeds;
        }

        private String seedsText() {
            return (targetSpikes > 0 ? "up to " : "") + mostSeeds();
        }

        public static Settings of(Map<String, ?> values) {
            return of(ParameterValues.of(PARAMETERS, values));
        }

        /** The fi of row {@code row}. */
        double fi(int row) {
            return fiPoints == 1 ? fiMin : fiMin + (fiMax - fiMin) * row / (fiPoints - 1);
        }

        int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    private TransferScan() {
    }

    /**
     * Bytes per point of the samples table as {@link TransferSamples#toTable} builds it: a row of 7
     * boxed values (an Object[7] and 7 boxes, about 160 bytes) held until the columns (52 bytes) are made.
     */
    static final double TABLE_BYTES_PER_POINT = 240;

    /**
     * The heap a scan of {@code points} points holds: their measurements and table rows, and the
     * neurons of the {@code atOnce} points measured together.
     */
    static double bytes(Cell cell, SynapticInput input, PresynapticInput presynaptic, long points, int atOnce,
            Settings s) {
        return points * (Measurement.bytes(s.mostSeeds()) + TABLE_BYTES_PER_POINT)
                + Math.min(points, atOnce) * ShotNoiseSimulator.workingBytes(cell, input, presynaptic, s.mostSeeds());
    }

    /** The grid scan; measurements ordered by fi, then fe. */
    public static List<Measurement> grid(Cell cell, SynapticInput input, PresynapticInput presynaptic, Settings s,
            Progress progress) {
        int total = s.fiPoints() * s.fePoints();
        MemoryBudget.require("the transfer-function scan of " + cell.name() + " (fi_points x fe_points = " + total
                + " points of " + s.seedsText() + " seeds each)", bytes(cell, input, presynaptic, total,
                        Math.min(s.fiPoints(), s.effectiveThreads()), s), "use fewer fi_points, fe_points or seeds");
        AtomicInteger done = new AtomicInteger();
        List<Task> rows = new ArrayList<>();
        for (int row = 0; row < s.fiPoints(); row++) {
            double fi = s.fi(row);
            rows.add(checked -> row(cell, input, presynaptic, fi, s, () -> report(checked, done.incrementAndGet(), total, cell), checked));
        }
        return runAll(rows, s.effectiveThreads(), progress);
    }

    /** Measurements at the given (fe, fi) points (Hz), in their order. */
    public static List<Measurement> points(Cell cell, SynapticInput input, PresynapticInput presynaptic, double[] fe,
            double[] fi, Settings s, Progress progress) {
        return points(cell, input, presynaptic, fe, fi, 0, 0, s, progress);
    }

    /**
     * The points measured on a cell whose slow currents are held fixed, as the mean field's state
     * variables enter the transfer function: {@code cell} is the cell as simulated, already holding
     * them ({@link org.neuromf.core.cell.SlowCurrents#held}); the measurements carry the held
     * adaptation current w (A) and M gate p, so that the fit places them there.
     */
    public static List<Measurement> points(Cell cell, SynapticInput input, PresynapticInput presynaptic, double[] fe,
            double[] fi, double w, double p, Settings s, Progress progress) {
        if (fe.length == 0) {
            throw new ParameterException("fe_hz", "the point list is empty: give at least one (fe_hz, fi_hz) row");
        }
        if (fi.length != fe.length) {
            throw new IllegalArgumentException(fe.length + " fe values but " + fi.length + " fi values");
        }
        MemoryBudget.require("the transfer-function scan of " + cell.name() + " (" + fe.length + " points of "
                + s.seedsText() + " seeds each)", bytes(cell, input, presynaptic, fe.length, s.effectiveThreads(), s),
                "use fewer points or seeds");
        AtomicInteger done = new AtomicInteger();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < fe.length; i++) {
            double e = fe[i];
            double f = fi[i];
            tasks.add(checked -> {
                Measurement m = extended(cell, input, presynaptic,
                        ShotNoiseSimulator.measure(cell, input, presynaptic, e, f, 0, s.seeds(), s.seed(), s.protocol(),
                                checked), s, checked);
                report(checked, done.incrementAndGet(), fe.length, cell);
                return List.of(m.heldAt(w, p));
            });
        }
        return runAll(tasks, s.effectiveThreads(), progress);
    }

    /** One row of the grid at fi, with the step-halving rule. */
    private static List<Measurement> row(Cell cell, SynapticInput input, PresynapticInput presynaptic, double fi,
            Settings s, Runnable onPoint, Progress progress) {
        double step = s.feMax() / (s.fePoints() - 1);
        List<Measurement> row = new ArrayList<>();
        Measurement previous = extended(cell, input, presynaptic, ShotNoiseSimulator.measure(cell, input, presynaptic, 0,
                fi, 0, s.seeds(), s.seed(), s.protocol(), progress), s, progress);
        row.add(previous);
        onPoint.run();
        double fe = step;
        while (row.size() < s.fePoints()) {
            Measurement m = ShotNoiseSimulator.measure(cell, input, presynaptic, fe, fi, 0, s.seeds(), s.seed(),
                    s.protocol(), progress);
            double gap = fe - previous.fe();
            if (m.meanRate() - previous.meanRate() > s.maxJump() && gap > step * SMALLEST_STEP_FRACTION) {
                fe = previous.fe() + gap / 2;
                continue;
            }
            m = extended(cell, input, presynaptic, m, s, progress);
            row.add(m);
            onPoint.run();
            previous = m;
            fe = m.fe() + step;
        }
        return row;
    }

    /**
     * The measurement with repetitions added until they count target_spikes spikes (at most
     * max_seeds): the number still missing is estimated from the rate so far, so one or two
     * extensions usually suffice. A point that has not spiked is left as it is.
     */
    private static Measurement extended(Cell cell, SynapticInput input, PresynapticInput presynaptic, Measurement m,
            Settings s, Progress progress) {
        double counted = s.protocol().tstop() - s.protocol().transientTime();
        while (s.targetSpikes() > 0 && m.rates().length < s.maxSeeds()) {
            double perRepetition = m.meanRate() * counted;
            if (perRepetition == 0 || perRepetition * m.rates().length >= s.targetSpikes()) {
                break;
            }
            int wanted = (int) Math.min(s.maxSeeds(), Math.ceil(s.targetSpikes() / perRepetition));
            int more = Math.max(1, wanted - m.rates().length);
            m = m.merge(ShotNoiseSimulator.measure(cell, input, presynaptic, m.fe(), m.fi(), m.rates().length, more,
                    s.seed(), s.protocol(), progress));
        }
        return m;
    }

    private static void report(Progress progress, int done, int total, Cell cell) {
        progress.report((double) done / total, "transfer function of " + cell.name() + ": " + done + " of " + total + " points");
    }

    /** Work that measures some points, checking {@code progress} for cancellation. */
    private interface Task {
        List<Measurement> call(Progress progress);
    }

    /**
     * Runs the tasks on a pool and returns their results in task order. The first failure (or a
     * cancel) stops the other tasks at their next cancellation check and is rethrown.
     */
    private static List<Measurement> runAll(List<Task> tasks, int threads, Progress progress) {
        AtomicBoolean stop = new AtomicBoolean();
        Progress stoppable = new Progress() {
            @Override
            public void report(double fraction, String message) {
                progress.report(fraction, message);
            }

            @Override
            public void checkCancelled() {
                if (stop.get()) {
                    throw new CancelledException();
                }
                progress.checkCancelled();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), r -> {
            Thread t = new Thread(r, "neuromf-tf-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<List<Measurement>> done = new ExecutorCompletionService<>(pool);
            List<Future<List<Measurement>>> futures = new ArrayList<>();
            for (Task t : tasks) {
                futures.add(done.submit(() -> t.call(stoppable)));
            }
            for (int i = 0; i < tasks.size(); i++) {
                done.take().get();
            }
            List<Measurement> all = new ArrayList<>();
            for (Future<List<Measurement>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } catch (ExecutionException e) {
            stop.set(true);
            throw Tasks.unchecked(e);
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdown();
        }
    }
}
