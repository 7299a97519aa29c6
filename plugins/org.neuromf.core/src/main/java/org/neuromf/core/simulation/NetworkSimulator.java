package org.neuromf.core.simulation;

import java.util.SplittableRandom;

import org.neuromf.core.network.Connectivity;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.Pathway;
import org.neuromf.core.network.Population;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.util.Progress;
import org.neuromf.core.util.RandomStreams;
import org.neuromf.core.util.RandomStreams.Purpose;

/**
 * Simulates a spiking network. Each step k (t = k dt) runs, in this order:
 * <ol>
 * <li>record: traces of the first n_rec neurons of each population (the state at t);</li>
 * <li>update: every neuron advances from t to t + dt (exponential Euler, conductances decay);
 * spikes are detected (in parallel over fixed slices of each population);</li>
 * <li>deliver: each spike adds Q to its targets' conductance of its population, in increasing
 * neuron order per population, populations in order (no delay);</li>
 * <li>drive: external events add Q_ext to the first channel, at rate K_ext nu_ext(t), drawn from
 * one stream per population;</li>
 * <li>statistics: rates, spike records, ISIs and synchrony counts; spikes carry time t, as in Brian2.</li>
 * </ol>
 * Everything random comes from streams of the seed, and the parallel part touches only its own
 * neurons, so the result depends on the seed and inputs only, not on the number of threads.
 */
public final class NetworkSimulator {

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

    public SimulationResult run(Progress progress) {
        int pops = network.populationCount();
        double dt = settings.dt();
        int steps = settings.steps();
        checkMemory();

        progress.report(0, "building " + network.name());
        NeuronGroup[] groups = new NeuronGroup[pops];
        for (int post = 0; post < pops; post++) {
            double[] tau = new double[pops];
            double[] rev = new double[pops];
            for (int pre = 0; pre < pops; pre++) {
                tau[pre] = network.pathway(pre, post).tau();
                rev[pre] = network.pathway(pre, post).eRev();
            }
            Population p = network.population(post);
            groups[post] = NeuronGroup.of(p.cell(), p.size(), dt, tau, rev, settings.gating());
            groups[post].initialise(RandomStreams.stream(settings.seed(), Purpose.INITIAL_STATE, post));
        }
        Connectivity[][] synapses = new Connectivity[pops][pops];
        for (int pre = 0; pre < pops; pre++) {
            for (int post = 0; post < pops; post++) {
                progress.checkCancelled();
                Pathway pw = network.pathway(pre, post);
                synapses[pre][post] = Connectivity.random(network.population(pre).size(), network.population(post).size(),
                        pw.probability(), pre == post, RandomStreams.stream(settings.seed(), Purpose.CONNECTIVITY, pre * pops + post));
            }
        }
        SplittableRandom[] driveRng = new SplittableRandom[pops];
        for (int p = 0; p < pops; p++) {
            driveRng[p] = RandomStreams.stream(settings.seed(), Purpose.DRIVE, p);
        }

        Recorder recorder = new Recorder(network, settings, groups);
        try (StepPool pool = new StepPool(settings.effectiveThreads())) {
            int parts = pool.parts();
            SpikeBuffer[][] spikes = new SpikeBuffer[pops][parts];
            double[][] vSums = new double[pops][parts];
            int[][] bounds = new int[pops][parts + 1];
            for (int p = 0; p < pops; p++) {
                for (int t = 0; t < parts; t++) {
                    spikes[p][t] = new SpikeBuffer();
                    bounds[p][t + 1] = (int) ((long) groups[p].size * (t + 1) / parts);
                }
            }
            java.util.function.IntConsumer update = part -> {
                for (int p = 0; p < pops; p++) {
                    spikes[p][part].clear();
                    vSums[p][part] = groups[p].step(bounds[p][part], bounds[p][part + 1], spikes[p][part]);
                }
            };
            for (int k = 0; k < steps; k++) {
                if (k % PROGRESS_EVERY == 0) {
                    progress.checkCancelled();
                    progress.report(0.05 + 0.95 * k / steps, "simulating t = " + Math.round(k * dt * 1e3) + " ms");
                }
                double t = k * dt;
                recorder.recordTraces(k);
                pool.run(update);
                for (int pre = 0; pre < pops; pre++) {
                    checkFinite(pre, vSums[pre], t);
                    for (int part = 0; part < parts; part++) {
                        SpikeBuffer buf = spikes[pre][part];
                        for (int s = 0; s < buf.count; s++) {
                            int neuron = buf.neurons[s];
                            for (int post = 0; post < pops; post++) {
                                deliver(synapses[pre][post], neuron, groups[post], pre, network.pathway(pre, post).q());
                            }
                            recorder.spike(k, pre, neuron);
                        }
                    }
                }
                for (int post = 0; post < pops; post++) {
                    Population pop = network.population(post);
                    double nu = driveRate(pop, t);
                    ExternalDrive.add(settings.driveProcess(), groups[post].g, groups[post].channels, 0, groups[post].size,
                            nu * pop.driveSynapses() * dt, pop.driveQ(), driveRng[post]);
                    recorder.drive(k, post, nu);
                }
                recorder.endStep(k);
            }
        }
        progress.report(1, "done");
        return recorder.result();
    }

    private static void deliver(Connectivity c, int neuron, NeuronGroup target, int channel, double q) {
        final int[] targets = c.targets();
        final double[] g = target.g;
        final int channels = target.channels;
        for (int s = c.rowStart()[neuron], end = c.rowStart()[neuron + 1]; s < end; s++) {
            g[targets[s] * channels + channel] += q;
        }
    }

    private void checkFinite(int pop, double[] sums, double t) {
        double total = 0;
        for (double s : sums) {
            total += s;
        }
        if (!Double.isFinite(total)) {
            throw new SimulationException("the integration produced " + (Double.isNaN(total) ? "NaN" : "an infinite value")
                    + " in population " + network.population(pop).name() + " at t = " + Math.round(t * 1e6) / 1e3
                    + " ms; lower dt_ms (now " + settings.dt() * 1e3 + ") or check the cell parameters ("
                    + network.population(pop).cell().name() + ")");
        }
    }

    /** Refuses, before allocating, a network whose state and synapses would not fit in the heap. */
    private void checkMemory() {
        double bytes = 0;
        int pops = network.populationCount();
        for (int pre = 0; pre < pops; pre++) {
            bytes += 8.0 * (6 + pops) * network.population(pre).size();
            for (int post = 0; post < pops; post++) {
                bytes += 4.0 * network.pathway(pre, post).probability() * network.population(pre).size()
                        * network.population(post).size();
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > 0.8 * max) {
            throw new SimulationException(String.format("network %s needs about %.0f MB for its state and synapses, more than"
                    + " the %.0f MB of heap available; use fewer neurons or a lower p_connect, or start Java with a larger -Xmx",
                    network.name(), bytes / 1e6, max / 1e6));
        }
    }
}
