package org.neuromf.core.simulation;

import org.neuromf.core.cell.AdExCell;
import org.neuromf.core.util.Exp;

/**
 * AdEx neurons. With the exponential term and w frozen at the start of the step the membrane
 * equation is linear in V and relaxes exactly, like the HH one; w relaxes exactly towards
 * a (V - EL). After a spike V is held at Vreset for round(t_refrac/dt) steps (Brian2's
 * {@code (unless refractory)}), while w and the conductances evolve.
 */
final class AdExGroup extends NeuronGroup {

    final double[] w;
    private final int[] refractory;
    private final double gL, gLeL, eL, vThre, deltaV, gLdeltaV, a, b, vReset, vSpike, i0, dtOverC, wDecay;
    private final int refractorySteps;

    AdExGroup(AdExCell cell, int size, double dt, double[] tau, double[] reversal, Integrator integrator) {
        super(size, dt, tau, reversal, integrator);
        w = new double[size];
        refractory = new int[size];
        gL = cell.gL;
        gLeL = cell.gL * cell.eL;
        eL = cell.eL;
        vThre = cell.vThre;
        deltaV = cell.deltaV;
        gLdeltaV = cell.gL * cell.deltaV;
        a = cell.a;
        b = cell.b;
        vReset = cell.vReset;
        vSpike = cell.spikeThreshold();
        i0 = cell.i0;
        dtOverC = dt / cell.cm;
        wDecay = integrator.decay(dt / cell.tauW);
        refractorySteps = (int) Math.round(cell.tRefrac / dt);
    }

    @Override
    double step(int from, int to, SpikeBuffer spikes) {
        final double[] v = this.v, w = this.w, gSyn = this.gSyn, gSynE = this.gSynE;
        final int[] refractory = this.refractory;
        synapticInput(from, to);
        double sum = 0;
        for (int i = from; i < to; i++) {
            final double vi = v[i];
            final double wi = w[i];
            double vNew;
            if (refractory[i] > 0) {
                refractory[i]--;
                vNew = vi;
            } else {
                double spikeCurrent = deltaV > 0 ? gLdeltaV * Exp.exp((vi - vThre) / deltaV) : 0;
                double gTotal = gL + gSyn[i];
                double vInf = (gLeL + spikeCurrent - wi + gSynE[i] + i0) / gTotal;
                vNew = vInf + (vi - vInf) * integrator.decay(dtOverC * gTotal);
            }
            double wInf = a * (vi - eL);
            double wNew = wInf + (wi - wInf) * wDecay;
            if (vNew > vSpike) {
                spikes.add(i, crossing(vi, vNew, vSpike));
                vNew = vReset;
                wNew += b;
                refractory[i] = refractorySteps;
            }
            v[i] = vNew;
            w[i] = wNew;
            sum += vNew;
        }
        return sum;
    }
}
