package org.neuromf.core.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.Pathway;
import org.neuromf.core.network.Population;

/** Test helpers: one neuron stepped on its own, and one-population networks without synapses. */
final class SingleNeuron {

    private SingleNeuron() {
    }

    /**
     * Spike times (s) of one neuron started at V0 = v0 and stepped for tstop, each time the
     * upward crossing of vSpike interpolated linearly within its step.
     */
    static double[] spikeTimes(Cell cell, double v0, double vSpike, double dt, double tstop, GatingMode gating) {
        NeuronGroup g = NeuronGroup.of(cell, 1, dt, new double[] {5e-3, 5e-3}, new double[] {0, -0.08}, gating);
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
                times.add((k + (vSpike - before) / (g.v[0] - before)) * dt);
            }
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** One population of unconnected cells, each with its own external drive. */
    static Network isolated(Cell cell, int n, double driveRate, double driveSynapses, double driveQ, double tau) {
        return new Network("isolated", List.of(new Population("exc", n, cell, driveRate, driveSynapses, driveQ)),
                List.of(new Pathway("exc", "exc", 0, 0, tau, 0)));
    }
}
