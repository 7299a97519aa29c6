package org.neuromf.core.simulation;

import java.util.SplittableRandom;

import org.neuromf.core.cell.AdExCell;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellFamily;
import org.neuromf.core.cell.HodgkinHuxleyCell;
import org.neuromf.core.cell.MorrisLecarCell;

/**
 * The state of one population as arrays (SI), and its update over one step. Each neuron has one
 * synaptic conductance per channel, stored interleaved: {@code g[i * channels + c]}. Channel c
 * decays with {@code decay[c] = exp(-dt/tau_c)} and drives towards {@code reversal[c]}.
 *
 * <p>{@link #step} advances neurons [from, to) by one step of the {@link Integrator} (exponential
 * Euler by default): every variable is updated from the values at the start of the step, the
 * conductances decay exactly, and the neurons whose spike rule fired are added to the buffer with
 * the fraction of the step at which they crossed their threshold. It returns the sum of the new
 * membrane potentials so that the caller can detect a blow-up (NaN or infinity) without another pass.
 */
abstract class NeuronGroup {

    final int size;
    final int channels;
    final double dt;
    final double[] v;
    final double[] g;
    final double[] decay;
    final double[] reversal;
    final Integrator integrator;
    /** Each neuron's synaptic conductance at the start of the step, sum over c of g_c (from {@link #synapticInput}). */
    final double[] gSyn;
    /** The same weighted by the reversal potentials, sum over c of g_c E_c. */
    final double[] gSynE;

    NeuronGroup(int size, double dt, double[] tau, double[] reversal, Integrator integrator) {
        this.size = size;
        this.integrator = integrator;
        this.channels = tau.length;
        this.dt = dt;
        this.v = new double[size];
        this.g = new double[size * channels];
        this.gSyn = new double[size];
        this.gSynE = new double[size];
        this.decay = new double[channels];
        for (int c = 0; c < channels; c++) {
            decay[c] = Math.exp(-dt / tau[c]);
        }
        this.reversal = reversal.clone();
    }

    static NeuronGroup of(Cell cell, int size, double dt, double[] tau, double[] reversal, GatingMode gating,
            Integrator integrator) {
        if (cell instanceof HodgkinHuxleyCell) {
            return new HodgkinHuxleyGroup((HodgkinHuxleyCell) cell, size, dt, tau, reversal, gating, integrator);
        }
        if (cell instanceof AdExCell) {
            return new AdExGroup((AdExCell) cell, size, dt, tau, reversal, integrator);
        }
        return new MorrisLecarGroup((MorrisLecarCell) cell, size, dt, tau, reversal, integrator);
    }

    /**
     * The bytes the state of {@code size} neurons of this family takes: V, {@code channels}
     * conductances and their two sums each, and the family's own arrays (HH: m, h, n, p; AdEx: w and the refractory
     * count; Morris-Lecar: w), as the constructors allocate them (an HH group also shares a
     * {@link GatingTable}).
     */
    static double stateBytes(CellFamily family, int size, int channels) {
        double own = switch (family) {
            case HH -> 4 * 8;
            case ADEX -> 8 + 4;
            case ML -> 8;
        };
        return size * (8.0 * (3 + channels) + own);
    }

    /** Sets the initial state: V uniform in [-90, -60] mV, no conductance, family-specific gates. */
    void initialise(SplittableRandom rng) {
        for (int i = 0; i < size; i++) {
            v[i] = -0.090 + 0.030 * rng.nextDouble();
        }
    }

    abstract double step(int from, int to, SpikeBuffer spikes);

    /**
     * Fills gSyn and gSynE for neurons [from, to) and decays their conductances by one step. Two
     * channels (an E-I network) have a loop of their own, which the compiler unrolls: a channel loop
     * of unknown length inside the HH update made it 20-45 % slower.
     */
    final void synapticInput(int from, int to) {
        final double[] g = this.g, gSyn = this.gSyn, gSynE = this.gSynE, decay = this.decay, reversal = this.reversal;
        if (channels == 2) {
            final double e0 = reversal[0], e1 = reversal[1], d0 = decay[0], d1 = decay[1];
            for (int i = from, k = 2 * from; i < to; i++, k += 2) {
                final double x0 = g[k], x1 = g[k + 1];
                gSyn[i] = x0 + x1;
                gSynE[i] = x0 * e0 + x1 * e1;
                g[k] = x0 * d0;
                g[k + 1] = x1 * d1;
            }
            return;
        }
        for (int i = from; i < to; i++) {
            double sum = 0;
            double weighted = 0;
            for (int c = 0, k = i * channels; c < channels; c++, k++) {
                final double x = g[k];
                sum += x;
                weighted += x * reversal[c];
                g[k] = x * decay[c];
            }
            gSyn[i] = sum;
            gSynE[i] = weighted;
        }
    }

    /**
     * The fraction of the step at which V crossed {@code threshold} upwards, interpolated linearly
     * between its values before and after the step, within [0, 1].
     */
    static double crossing(double before, double after, double threshold) {
        return Math.min(1, Math.max(0, (threshold - before) / (after - before)));
    }
}
