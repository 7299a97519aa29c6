package org.neuromf.core.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.network.InDegree;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.Pathway;
import org.neuromf.core.network.Population;

/** Test helpers: one neuron stepped on its own, and one-population networks without synapses. */
final class SingleNeuron {

    private SingleNeuron() {
    }

    /**
     * Spike times (s) of one neuron started at V0 = v0 and stepped for tstop: the upward crossing
     * of vSpike interpolated linearly within its step, or the end of the step for cells that reset.
     */
    static double[] spikeTimes(Cell cell, double v0, double vSpike, double dt, double tstop, GatingMode gating) {
        NeuronGroup g = NeuronGroup.of(cell, 1, dt, new double[] {5e-3, 5e-3}, new double[] {0, -0.08}, gating,
                Integrator.EXPONENTIAL_EULER);
        g.initialise(new SplittableRandom(1));
        g.v[0] = v0;
        SpikeBuffer spikes = new SpikeBuffer();
        List<Double> times = new ArrayList<>();
        long steps = Math.round(tstop / dt);
        for (long k = 0; k < steps; k++) {
            double before = g.v[0];
            spikes.clear();
            g.step(0, 1, spikes);
            if (spikes.count > 0) {
                boolean reset = g.v[0] <= before;
                times.add((k + (reset ? 1 : (vSpike - before) / (g.v[0] - before))) * dt);
            }
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Rates (Hz) of n independent neurons under CONFIG1-like shot noise (Ke = 400 synapses at fe,
     * Qe = 1 nS; Ki = 100 at fi, Qi = 5 nS; both 5 ms; Ee = 0, Ei = -80 mV), counted after 300 ms
     * as upward crossings of each of the given thresholds (V).
     */
    static double[] shotNoiseRates(Cell cell, double fe, double fi, int n, double tstop, long seed, double... thresholds) {
        double dt = 1e-4;
        NeuronGroup g = NeuronGroup.of(cell, n, dt, new double[] {5e-3, 5e-3}, new double[] {0, -0.08}, GatingMode.TABULATED,
                Integrator.EXPONENTIAL_EULER);
        SplittableRandom rng = new SplittableRandom(seed);
        g.initialise(rng);
        SpikeBuffer spikes = new SpikeBuffer();
        double[] before = new double[n];
        long[] counts = new long[thresholds.length];
        long steps = Math.round(tstop / dt);
        long transientSteps = Math.round(0.3 / dt);
        for (long k = 0; k < steps; k++) {
            System.arraycopy(g.v, 0, before, 0, n);
            spikes.clear();
            g.step(0, n, spikes);
            for (int i = 0; k >= transientSteps && i < n; i++) {
                for (int t = 0; t < thresholds.length; t++) {
                    counts[t] += before[i] <= thresholds[t] && g.v[i] > thresholds[t] ? 1 : 0;
                }
            }
            ExternalDrive.add(DriveProcess.POISSON, SynapticTiming.EXACT, g.g[0], 0, n, 400 * fe * dt, 1e-9, dt / 5e-3,
                    rng);
            ExternalDrive.add(DriveProcess.POISSON, SynapticTiming.EXACT, g.g[1], 0, n, 100 * fi * dt, 5e-9, dt / 5e-3,
                    rng);
        }
        double[] rates = new double[thresholds.length];
        for (int t = 0; t < rates.length; t++) {
            rates[t] = counts[t] / (n * (steps - transientSteps) * dt);
        }
        return rates;
    }

    /** One population of unconnected cells, each with its own external drive. */
    static Network isolated(Cell cell, int n, double driveRate, double driveSynapses, double driveQ, double tau) {
        return new Network("isolated", List.of(new Population("exc", n, cell, driveRate, driveSynapses, driveQ)),
                List.of(new Pathway("exc", "exc", 0, InDegree.BINOMIAL, 0, tau, 0)));
    }
}
