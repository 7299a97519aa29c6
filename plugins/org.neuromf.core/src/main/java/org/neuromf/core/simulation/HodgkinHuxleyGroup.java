package org.neuromf.core.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.neuromf.core.cell.HodgkinHuxleyCell;

/**
 * Hodgkin-Huxley neurons. The membrane equation is linear in V once the gates and conductances are
 * frozen at the start of the step, so V relaxes exactly towards
 * {@code V_inf = sum(g_k E_k) / sum(g_k)} with rate {@code sum(g_k)/C}; the gates relax towards
 * their steady state with coefficients from a {@link GatingTable} (or computed exactly). With the forward-Euler {@link Integrator} the
 * same relaxations use the linear decay factor instead. A spike
 * is an upward crossing of v_spike within the step (Brian2's
 * {@code threshold='V > v_spike', refractory='V > v_spike'}).
 */
final class HodgkinHuxleyGroup extends NeuronGroup {

    private final double[] m;
    private final double[] h;
    private final double[] n;
    private final double[] p;
    private final double gL, gLeL, gNa, eNa, gK, gM, eK, i0, vT, vSpike, dtOverC;
    private final GatingTable table;
    private final boolean tabulated;

    HodgkinHuxleyGroup(HodgkinHuxleyCell cell, int size, double dt, double[] tau, double[] reversal, GatingMode gating,
            Integrator integrator) {
        super(size, dt, tau, reversal, integrator);
        m = new double[size];
        h = new double[size];
        n = new double[size];
        p = new double[size];
        gL = cell.gL;
        gLeL = cell.gL * cell.eL;
        gNa = cell.gNa;
        eNa = cell.eNa;
        gK = cell.gK;
        gM = cell.gM;
        eK = cell.eK;
        i0 = cell.i0;
        vT = cell.vT;
        vSpike = cell.vSpike;
        dtOverC = dt / cell.cm;
        table = GatingTable.of(vT, dt, integrator);
        tabulated = gating == GatingMode.TABULATED;
    }

    /** The M gate of neuron i. */
    double gate(int i) {
        return p[i];
    }

    @Override
    void initialise(SplittableRandom rng) {
        super.initialise(rng);
        Arrays.fill(p, 0.2);
    }

    @Override
    double step(int from, int to, SpikeBuffer spikes) {
        final double[] v = this.v, m = this.m, h = this.h, n = this.n, p = this.p, gSyn = this.gSyn, gSynE = this.gSynE;
        final double[] tab = table.data;
        // the constants as locals: a few percent faster, measured, than reading the fields in the loop
        final double gL = this.gL, gLeL = this.gLeL, gNa = this.gNa, eNa = this.eNa, gK = this.gK, gM = this.gM, eK = this.eK,
                i0 = this.i0, vSpike = this.vSpike, dtOverC = this.dtOverC;
        final Integrator integrator = this.integrator;
        final double vMin = table.vMin, pointsPerVolt = table.pointsPerVolt;
        final int intervals = tabulated ? table.intervals : 0;
        synapticInput(from, to);
        double sum = 0;
        for (int i = from; i < to; i++) {
            final double vi = v[i];
            final double mi = m[i], hi = h[i], ni = n[i], pi = p[i];
            final double n2 = ni * ni;
            final double gNaNow = gNa * mi * mi * mi * hi;
            final double gKNow = gK * n2 * n2 + gM * pi;
            final double gTotal = gL + gNaNow + gKNow + gSyn[i];
            final double vInf = (gLeL + gNaNow * eNa + gKNow * eK + gSynE[i] + i0) / gTotal;
            final double vNew = vInf + (vi - vInf) * integrator.decay(dtOverC * gTotal);

            final double u = (vi - vMin) * pointsPerVolt;
            if (u >= 0 && u < intervals) {
                final int k = (int) u;
                final double f = u - k;
                final int b = k * GatingTable.STRIDE;
                m[i] = tab[b] + f * tab[b + 1] + mi * (tab[b + 2] + f * tab[b + 3]);
                h[i] = tab[b + 4] + f * tab[b + 5] + hi * (tab[b + 6] + f * tab[b + 7]);
                n[i] = tab[b + 8] + f * tab[b + 9] + ni * (tab[b + 10] + f * tab[b + 11]);
                p[i] = tab[b + 12] + f * tab[b + 13] + pi * (tab[b + 14] + f * tab[b + 15]);
            } else {
                final double[] exact = new double[8];
                GatingTable.exactCoefficients(vi * 1e3, vT * 1e3, dt * 1e3, integrator, exact, 0);
                m[i] = exact[0] + mi * exact[1];
                h[i] = exact[2] + hi * exact[3];
                n[i] = exact[4] + ni * exact[5];
                p[i] = exact[6] + pi * exact[7];
            }
            v[i] = vNew;
            sum += vNew;
            if (vNew > vSpike && vi <= vSpike) {
                spikes.add(i, crossing(vi, vNew, vSpike));
            }
        }
        return sum;
    }
}
