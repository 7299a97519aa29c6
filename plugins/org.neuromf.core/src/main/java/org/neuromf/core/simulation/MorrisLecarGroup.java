package org.neuromf.core.simulation;

import java.util.SplittableRandom;

import org.neuromf.core.cell.MorrisLecarCell;

/**
 * Morris-Lecar neurons: with m_inf(V) and w frozen at the start of the step the membrane equation
 * is linear in V and relaxes exactly; w relaxes exactly towards w_inf(V) with tau_w(V). A spike
 * is an upward crossing of v_spike within the step. w starts at w_inf of the initial V, so the
 * run does not open with a spurious burst.
 */
final class MorrisLecarGroup extends NeuronGroup {

    private final MorrisLecarCell cell;
    private final double[] w;
    private final double gLeL, dtOverC;

    MorrisLecarGroup(MorrisLecarCell cell, int size, double dt, double[] tau, double[] reversal, Integrator integrator) {
        super(size, dt, tau, reversal, integrator);
        this.cell = cell;
        w = new double[size];
        gLeL = cell.gL * cell.eL;
        dtOverC = dt / cell.cm;
    }

    @Override
    void initialise(SplittableRandom rng) {
        super.initialise(rng);
        for (int i = 0; i < size; i++) {
            w[i] = cell.wInf(v[i]);
        }
    }

    @Override
    double step(int from, int to, SpikeBuffer spikes) {
        final double[] v = this.v, w = this.w, gSyn = this.gSyn, gSynE = this.gSynE;
        final MorrisLecarCell c0 = cell;
        synapticInput(from, to);
        double sum = 0;
        for (int i = from; i < to; i++) {
            final double vi = v[i];
            final double wi = w[i];
            double gCaNow = c0.gCa * c0.mInf(vi);
            double gKNow = c0.gK * wi;
            double gTotal = c0.gL + gCaNow + gKNow + gSyn[i];
            double vInf = (gLeL + gCaNow * c0.eCa + gKNow * c0.eK + gSynE[i] + c0.i0) / gTotal;
            double vNew = vInf + (vi - vInf) * integrator.decay(dtOverC * gTotal);
            double wInf = c0.wInf(vi);
            w[i] = wInf + (wi - wInf) * integrator.decay(dt / c0.tauW(vi));
            v[i] = vNew;
            sum += vNew;
            if (vNew > c0.vSpike && vi <= c0.vSpike) {
                spikes.add(i, crossing(vi, vNew, c0.vSpike));
            }
        }
        return sum;
    }
}
