package org.neuromf.core.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

import org.neuromf.core.network.Connectivity;
import org.neuromf.core.network.InDegree;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.Pathway;
import org.neuromf.core.network.Population;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.util.Exp;
import org.neuromf.core.util.MemoryBudget;
import org.neuromf.core.util.Progress;
import org.neuromf.core.util.RandomStreams;
import org.neuromf.core.util.RandomStreams.Purpose;

/**
 * Simulates a spiking network. Step k takes the network from t = k dt to t + dt:
 * <ol>
 * <li>the spikes of step k-1 reach their targets: each adds Q to its targets' conductance of its
 * population (no delay), populations in order, neurons in increasing order;</li>
 * <li>the external events of step k-1 arrive: Q_ext onto the first channel, at rate K_ext nu_ext;</li>
 * <li>the traces of the first n_rec neurons of each population are recorded (the state at t);</li>
 * <li>every neuron advances by one exponential-Euler step and its spike rule is checked;</li>
 * <li>rates, spike records and statistics take the new spikes, which carry time t, as in Brian2.</li>
 * </ol>
 * Under {@link SynapticTiming#EXACT} (the default) an event of items 1 and 2 has its time within step
 * k-1, the spike's interpolated threshold crossing or a uniform time for an external event, and adds
 * what is left of it at t, Q exp(-(t - t_event)/tau) with the tau of its pathway; under
 * {@link SynapticTiming#STEP} it adds Q whole (Brian2's delivery).
 * Items 1-4 run in parallel: the neurons are cut into fixed blocks of {@value #BLOCK} with their
 * own random streams, and each thread works on its own blocks (delivering only the spikes that land
 * there). Every addition to a conductance happens in the same order whatever the number of
 * threads, so a seed gives the same result bit for bit with any number of threads.
 */
public final class NetworkSimulator {

    static final int BLOCK = 1024;
    /**
     * The most synapse bytes drawn in one pass, held twice for a moment (in chunks, then in place): a
     * 10 000-neuron network has 20 MB, and its second draw took 0.1 s. Larger networks draw twice, so
     * that the heap never holds more than their final size.
     */
    static final double DRAWN_ONCE_BYTES = 64e6;
    private static final int PROGRESS_EVERY = 500;

    private final Network network;
    private final Waveform stimulus;
    private final SimulationSettings settings;

    public NetworkSimulator(Network network, Waveform stimulus, SimulationSettings settings) {
        this.network = network;
        this.stimulus = stimulus;
        this.settings = settings;
    }

    /** nu_ext(t) of a population: its drive, the initial kick ramp, and the stimulus (Hz). */
    public double driveRate(Population pop, double t) {
        double rate = pop.driveRate() + stimulus.clippedRate(t);
        double kd = settings.kickDuration();
        if (t < kd) {
            rate += settings.kickValue() * t / kd + (t / kd - 1) * pop.driveRate();
        }
        if (!Double.isFinite(rate)) {
            throw new SimulationException("the external drive of population " + pop.name() + " is " + rate + " Hz at t = "
                    + t * 1e3 + " ms; the stimulus must be a finite rate");
        }
        return Math.max(0, rate);
    }

    /** Neurons [lo, hi) of one population, with the random stream of their external events. */
    private static final class Block {
        final int pop;
        final int lo;
        final int hi;
        final SplittableRandom drive;
        final SpikeBuffer spikes = new SpikeBuffer();
        double vSum;

        Block(int pop, int lo, int hi, SplittableRandom drive) {
            this.pop = pop;
            this.lo = lo;
            this.hi = hi;
            this.drive = drive;
        }
    }

    public SimulationResult run(Progress progress) {
        int pops = network.populationCount();
        double dt = settings.dt();
        int steps = settings.steps();
        SimulationMemory memory = SimulationMemory.of(network, settings);
        checkPathwaySizes();
        memory.require(network);

        progress.report(0, "building " + network.name());
        NeuronGroup[] groups = new NeuronGroup[pops];
        List<Block> blocks = new ArrayList<>();
        for (int post = 0; post < pops; post++) {
            double[] tau = new double[pops];
            double[] rev = new double[pops];
            for (int pre = 0; pre < pops; pre++) {
                tau[pre] = network.pathway(pre, post).tau();
                rev[pre] = network.pathway(pre, post).eRev();
            }
            Population p = network.population(post);
            groups[post] = NeuronGroup.of(p.cell(), p.size(), dt, tau, rev, settings.gating(),
                    Integrator.EXPONENTIAL_EULER);
            groups[post].initialise(RandomStreams.stream(settings.seed(), Purpose.INITIAL_STATE, post));
            for (int lo = 0; lo < p.size(); lo += BLOCK) {
                blocks.add(new Block(post, lo, Math.min(p.size(), lo + BLOCK),
                        RandomStreams.stream(settings.seed(), Purpose.DRIVE, blocks.size())));
            }
        }
        Recorder recorder = new Recorder(network, settings, groups,
                memory.tables() + SimulationMemory.collectorReserve());
        SpikeBuffer[] pending = new SpikeBuffer[pops];
        double[][][] quanta = new double[pops][pops][64];
        double[] lambda = new double[pops];
        double[] driveDtOverTau = new double[pops]; // the external events share the first channel
        for (int p = 0; p < pops; p++) {
            pending[p] = new SpikeBuffer();
            driveDtOverTau[p] = dt / network.pathway(0, p).tau();
        }
        double[] vSum = new double[pops];
        int[] step = new int[1];
        try (StepPool pool = new StepPool(Math.min(settings.effectiveThreads(), blocks.size()))) {
            int parts = pool.parts();
            Connectivity[][] synapses = connect(pool, progress, memory);
            IntConsumer job = part -> {
                int first = blocks.size() * part / parts;
                int last = blocks.size() * (part + 1) / parts;
                for (int b = first; b < last; b++) {
                    Block block = blocks.get(b);
                    for (int pre = 0; pre < pops; pre++) {
                        deliver(synapses[pre][block.pop], pending[pre], quanta[pre][block.pop], block,
                                groups[block.pop], pre);
                    }
                    Population pop = network.population(block.pop);
                    NeuronGroup group = groups[block.pop];
                    ExternalDrive.add(settings.driveProcess(), settings.synapticTiming(), group.g[0], block.lo,
                            block.hi, lambda[block.pop], pop.driveQ(), driveDtOverTau[block.pop], block.drive);
                    recorder.recordTraces(step[0], block.pop, block.lo, block.hi);
                    block.spikes.clear();
                    block.vSum = group.step(block.lo, block.hi, block.spikes);
                }
            };
            for (int k = 0; k < steps; k++) {
                if (k % PROGRESS_EVERY == 0) {
                    progress.checkCancelled();
                    progress.report(0.05 + 0.95 * k / steps, "simulating t = " + Math.round(k * dt * 1e3) + " ms");
                }
                step[0] = k;
                pool.run(job);
                double t = k * dt;
                for (int p = 0; p < pops; p++) {
                    pending[p].clear();
                }
                Arrays.fill(vSum, 0);
                for (Block block : blocks) {
                    vSum[block.pop] += block.vSum;
                    for (int s = 0; s < block.spikes.count; s++) {
                        pending[block.pop].add(block.spikes.neurons[s], block.spikes.fractions[s]);
                        recorder.spike(k, block.pop, block.spikes.neurons[s]);
                    }
                }
                for (int pre = 0; pre < pops; pre++) {
                    for (int post = 0; post < pops; post++) {
                        quanta[pre][post] = arrivals(pending[pre], network.pathway(pre, post), quanta[pre][post]);
                    }
                }
                for (int p = 0; p < pops; p++) {
                    checkFinite(p, vSum[p], t);
                    Population pop = network.population(p);
                    double nu = driveRate(pop, t);
                    lambda[p] = nu * pop.driveSynapses() * dt;
                    recorder.drive(k, p, nu);
                }
                recorder.endStep(k);
            }
        }
        progress.report(1, "done");
        return recorder.result();
    }

    /**
     * Draws every pathway in chunks of {@value #BLOCK} neurons, presynaptic ones for a binomial
     * in-degree and postsynaptic ones for a fixed in-degree, each chunk with its own stream, on all
     * threads; the result does not depend on their number. A counting pass gives the exact number of
     * synapses, checked against the heap (with the result tables still to come) before a filling pass
     * draws them again from the same streams into arrays of exactly that size. Synapses of at most
     * {@link #DRAWN_ONCE_BYTES} (and 1/32 of the heap), when the heap has room for them twice over,
     * are drawn once: the counting pass keeps the binomial rows it drew, copied into place after.
     * Either way the synapses of a seed are the same.
     */
    Connectivity[][] connect(StepPool pool, Progress progress, SimulationMemory memory) {
        int pops = network.populationCount();
        List<int[]> chunks = new ArrayList<>();
        List<int[]> fixedRows = new ArrayList<>(); // the rows a fixed in-degree fills out of order, to sort
        int[][][] rowStart = new int[pops][pops][];
        long cursors = 0;
        for (int pre = 0; pre < pops; pre++) {
            for (int post = 0; post < pops; post++) {
                int nPre = network.population(pre).size();
                rowStart[pre][post] = new int[nPre + 1];
                boolean fixed = network.pathway(pre, post).inDegree() == InDegree.FIXED;
                for (int first = 0; first < (fixed ? network.population(post).size() : nPre); first += BLOCK) {
                    chunks.add(new int[] {pre, post, first});
                }
                for (int first = 0; fixed && first < nPre; first += BLOCK) {
                    fixedRows.add(new int[] {pre, post, first});
                }
                cursors += fixed ? nPre : 0;
            }
        }
        boolean drawOnce = memory.synapses() <= Math.min(DRAWN_ONCE_BYTES, Runtime.getRuntime().maxMemory() / 32.0)
                && MemoryBudget.available() >= 2 * memory.synapses() + memory.tables() + SimulationMemory.collectorReserve();
        int[][] kept = drawOnce ? new int[chunks.size()][] : null;
        progress.report(0.01, "counting the synapses of " + network.name());
        drawChunks(pool, progress, chunks, rowStart, null, null, kept);
        long count = 0;
        for (int pre = 0; pre < pops; pre++) {
            for (int post = 0; post < pops; post++) {
                count += Connectivity.toRowStarts(rowStart[pre][post]);
            }
        }
        // the row starts are in place: what is still to come are the targets (and the cursors of the
        // fixed in-degrees while they are filled) and the result tables
        String what = "the " + count + " synapses of network " + network.name() + " and its result tables";
        double bytes = 4.0 * (count + cursors) + memory.tables();
        String fix = "use fewer neurons or a lower p_connect";
        MemoryBudget.require(what, bytes + SimulationMemory.collectorReserve(), fix);
        int[][][] targets = new int[pops][pops][];
        int[][][] cursor = new int[pops][pops][];
        try {
            for (int pre = 0; pre < pops; pre++) {
                for (int post = 0; post < pops; post++) {
                    int[] starts = rowStart[pre][post];
                    targets[pre][post] = new int[starts[starts.length - 1]];
                    if (network.pathway(pre, post).inDegree() == InDegree.FIXED) {
                        cursor[pre][post] = Arrays.copyOf(starts, starts.length - 1);
                    }
                }
            }
        } catch (OutOfMemoryError e) {
            // the heap had the room, but not in one piece (G1 places a large array in contiguous regions)
            throw MemoryBudget.refusal(what, bytes, fix);
        }
        progress.report(0.03, "drawing the synapses of " + network.name());
        drawChunks(pool, progress, chunks, rowStart, targets, cursor, kept);
        int parts = pool.parts();
        pool.run(part -> {
            for (int c = part; c < fixedRows.size(); c += parts) {
                int[] rows = fixedRows.get(c);
                int n = Math.min(BLOCK, network.population(rows[0]).size() - rows[2]);
                Connectivity.sortRows(rows[2], n, rowStart[rows[0]][rows[1]], cursor[rows[0]][rows[1]],
                        targets[rows[0]][rows[1]]);
            }
        });
        Connectivity[][] synapses = new Connectivity[pops][pops];
        for (int pre = 0; pre < pops; pre++) {
            for (int post = 0; post < pops; post++) {
                synapses[pre][post] = new Connectivity(rowStart[pre][post], targets[pre][post]);
            }
        }
        return synapses;
    }

    /**
     * One pass over the chunks {pre, post, first neuron}: counts when {@code targets} is null, fills
     * otherwise (a fixed in-degree at its rows' cursors). With {@code kept}, the counting pass keeps
     * the targets of binomial chunks there and the filling pass copies them into place.
     */
    private void drawChunks(StepPool pool, Progress progress, List<int[]> chunks, int[][][] rowStart,
            int[][][] targets, int[][][] cursor, int[][] kept) {
        int pops = network.populationCount();
        int parts = pool.parts();
        pool.run(part -> {
            for (int c = part; c < chunks.size(); c += parts) {
                progress.checkCancelled();
                int[] chunk = chunks.get(c);
                int pre = chunk[0];
                int post = chunk[1];
                Pathway pathway = network.pathway(pre, post);
                int nPre = network.population(pre).size();
                int nPost = network.population(post).size();
                long stream = ((long) (pre * pops + post) << 32) + chunk[2];
                SplittableRandom rng = RandomStreams.stream(settings.seed(), Purpose.CONNECTIVITY, stream);
                if (pathway.inDegree() == InDegree.FIXED) {
                    int posts = Math.min(BLOCK, nPost - chunk[2]);
                    int k = InDegree.fixedCount(pathway.probability(), nPre, pre == post);
                    if (targets == null) {
                        Connectivity.countColumns(chunk[2], posts, nPre, k, pre == post, rng, rowStart[pre][post]);
                    } else {
                        Connectivity.fillColumns(chunk[2], posts, nPre, k, pre == post, rng, cursor[pre][post],
                                targets[pre][post]);
                    }
                } else {
                    int rows = Math.min(BLOCK, nPre - chunk[2]);
                    double p = pathway.probability();
                    if (targets == null && kept != null) {
                        kept[c] = Connectivity.keepRows(chunk[2], rows, nPost, p, pre == post, rng, rowStart[pre][post]);
                    } else if (targets == null) {
                        Connectivity.countRows(chunk[2], rows, nPost, p, pre == post, rng, rowStart[pre][post]);
                    } else if (kept != null) {
                        Connectivity.placeRows(kept[c], chunk[2], rows, rowStart[pre][post], targets[pre][post]);
                        kept[c] = null;
                    } else {
                        Connectivity.fillRows(chunk[2], rows, nPost, p, pre == post, rng, rowStart[pre][post],
                                targets[pre][post]);
                    }
                }
            }
        });
    }

    /**
     * What each spike adds to its targets' conductance along a pathway by the end of its step, when
     * it is delivered: Q decayed from the spike's threshold crossing, or Q whole under step timing.
     * Returns {@code into}, or a larger array when it is too short.
     */
    private double[] arrivals(SpikeBuffer spikes, Pathway pathway, double[] into) {
        double[] quanta = into.length >= spikes.count ? into : new double[Math.max(spikes.count, 2 * into.length)];
        double q = pathway.q();
        double dtOverTau = settings.dt() / pathway.tau();
        boolean exact = settings.synapticTiming() == SynapticTiming.EXACT;
        for (int s = 0; s < spikes.count; s++) {
            quanta[s] = exact ? q * Exp.exp(-(1 - spikes.fractions[s]) * dtOverTau) : q;
        }
        return quanta;
    }

    /**
     * Delivers the spikes of one presynaptic population to the neurons of a block, spike s adding
     * {@code quanta[s]}: each target row is sorted, so the block's stretch of it is found by bisection.
     */
    private static void deliver(Connectivity c, SpikeBuffer spikes, double[] quanta, Block block, NeuronGroup target,
            int channel) {
        final int[] targets = c.targets();
        final int[] rowStart = c.rowStart();
        final double[] g = target.g[channel];
        for (int s = 0; s < spikes.count; s++) {
            int neuron = spikes.neurons[s];
            double q = quanta[s];
            int end = rowStart[neuron + 1];
            int i = firstAtLeast(targets, rowStart[neuron], end, block.lo);
            for (; i < end && targets[i] < block.hi; i++) {
                g[targets[i]] += q;
            }
        }
    }

    /** The first index in [from, to) of the sorted array whose value is at least {@code value}. */
    private static int firstAtLeast(int[] sorted, int from, int to, int value) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void checkFinite(int pop, double sum, double t) {
        if (!Double.isFinite(sum)) {
            throw new SimulationException("the integration produced " + (Double.isNaN(sum) ? "NaN" : "an infinite value")
                    + " in population " + network.population(pop).name() + " at t = " + Math.round(t * 1e6) / 1e3
                    + " ms; lower dt_ms (now " + settings.dt() * 1e3 + ") or check the cell parameters ("
                    + network.population(pop).cell().name() + ")");
        }
    }

    /** Refuses, before any work, a pathway that would have more synapses than one array can hold. */
    private void checkPathwaySizes() {
        for (int pre = 0; pre < network.populationCount(); pre++) {
            for (int post = 0; post < network.populationCount(); post++) {
                double most = SimulationMemory.mostSynapses(network, pre, post);
                if (most > Connectivity.MAX_SYNAPSES) {
                    Population from = network.population(pre);
                    throw new ParameterException("p_from_" + from.name(), "pathway " + from.name() + " -> "
                            + network.population(post).name() + " could have " + (long) most + " synapses ("
                            + from.size() + " x " + network.population(post).size() + " neurons, p = "
                            + network.pathway(pre, post).probability() + "), more than one pathway can hold ("
                            + Connectivity.MAX_SYNAPSES + "): use fewer neurons or a lower p_connect");
                }
            }
        }
    }
}
