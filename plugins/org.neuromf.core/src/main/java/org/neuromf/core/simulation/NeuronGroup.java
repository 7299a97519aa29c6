package org.neuromf.core.simulation;

import java.util.SplittableRandom;

import org.neuromf.core.cell.AdExCell;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellFamily;
import org.neuromf.core.cell.HodgkinHuxleyCell;
import org.neuromf.core.cell.MorrisLecarCell;

/**
 * The state of one population as arrays (SI), and its update over one step. Each neuron has one
 * synaptic conductance per channel, {@code g[c][i]}: an array per channel, so that the loop over
 * them compiles to vector instructions (three times as fast as over conductances stored
 * interleaved, measured). Channel c decays with {@code decay[c] = exp(-dt/tau_c)} and drives
 * towards {@code reversal[c]}.
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
    final double[][] g;
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
        this.g = new double[channels][size];
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
     * Fills gSyn and gSynE for neurons [from, to) and decays their conductances by one step, in
     * loops of their own that compile to vector instructions (inside the HH update, a channel loop of
     * unknown length made it 20-45 % slower). Two channels (an E-I network) take one pass.
     */
    final void synapticInput(int from, int to) {
        final double[] gSyn = this.gSyn, gSynE = this.gSynE;
        if (channels == 2) {
            final double[] g0 = g[0], g1 = g[1];
            final double e0 = reversal[0], e1 = reversal[1], d0 = decay[0], d1 = decay[1];
            for (int i = from; i < to; i++) {
                final double x0 = g0[i], x1 = g1[i];
                gSyn[i] = x0 + x1;
                gSynE[i] = x0 * e0 + x1 * e1;
                g0[i] = x0 * d0;
                g1[i] = x1 * d1;
            }
            return;
        }
        // channel by channel; each sum starts from 0 and adds the channels in order
        for (int c = 0; c < channels; c++) {
            final double[] gc = g[c];
            final double e = reversal[c], d = decay[c];
            for (int i = from; i < to; i++) {
                final double x = gc[i];
                gSyn[i] = (c == 0 ? 0 : gSyn[i]) + x;
                gSynE[i] = (c == 0 ? 0 : gSynE[i]) + x * e;
                gc[i] = x * d;
            }
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
