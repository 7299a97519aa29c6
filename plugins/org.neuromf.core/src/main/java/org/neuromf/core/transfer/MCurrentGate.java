package org.neuromf.core.transfer;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.neuromf.core.cell.HodgkinHuxleyRates;

/**
 * How the mean M-current gate p of a population of HH cells moves (docs/mean-field.md section 6).
 * Each gate follows {@code dp/dt = (p_inf(V) - p) / tau_p(V)}, linear in p, so the population's
 * mean moves at {@code dp/dt = A - B p} with {@code A = <p_inf(V)/tau_p(V)>} and
 * {@code B = <p/tau_p(V)>/<p>}, which is {@code <1/tau_p(V)>} but for the gate's correlation with V
 * around spikes. Between spikes V is taken as Gaussian with the template's mean and SD (MODEL.md
 * 4b), where that correlation is left out; each spike, with the after-hyperpolarisation that
 * follows it, adds {@code spikeDrive} to the time integral of p_inf/tau_p and {@code spikeRate} to
 * that of B:
 * <pre>
 *     A = &lt;p_inf/tau_p&gt;_N(muV, sV) + nu spikeDrive,    B = &lt;1/tau_p&gt;_N(muV, sV) + nu spikeRate
 * </pre>
 * The two per-spike values are measured from single-neuron simulations of the cell alone
 * ({@link #measure}); nothing comes from a network.
 *
 * @param spikeDrive the integral of p_inf/tau_p a spike adds beyond the Gaussian's (dimensionless)
 * @param spikeRate the integral of B a spike adds beyond the Gaussian's (dimensionless)
 */
public record MCurrentGate(double spikeDrive, double spikeRate) {

    /** Gauss-Hermite nodes for the Gaussian averages: 24 are exact to 1e-10 for sV up to 10 mV. */
    private static final GaussIntegrator HERMITE = new GaussIntegratorFactory().hermite(24);
    private static final double[] NODES = new double[HERMITE.getNumberOfPoints()];
    private static final double[] WEIGHTS = new double[NODES.length];

    static {
        for (int i = 0; i < NODES.length; i++) {
            NODES[i] = Math.sqrt(2) * HERMITE.getPoint(i);
            WEIGHTS[i] = HERMITE.getWeight(i) / Math.sqrt(Math.PI);
        }
    }

    /** The averages of p_inf/tau_p and of 1/tau_p (1/s) over V ~ N(muV, sV^2) (V). */
    public static double[] gaussian(double muV, double sV) {
        double drive = 0;
        double rate = 0;
        for (int i = 0; i < NODES.length; i++) {
            double v = (muV + sV * NODES[i]) * 1e3;
            double k = 1e3 / HodgkinHuxleyRates.tauP(v);
            rate += WEIGHTS[i] * k;
            drive += WEIGHTS[i] * k * HodgkinHuxleyRates.pInf(v);
        }
        return new double[] {drive, rate};
    }

    /** dp/dt (1/s) of the mean gate p of a population firing at nu (Hz) with these fluctuations. */
    public double derivative(Fluctuations f, double nu, double p) {
        double[] g = gaussian(f.muV(), f.sV());
        return g[0] + nu * spikeDrive - (g[1] + nu * spikeRate) * p;
    }

    /** The gate's steady state at these fluctuations and rate: A / B. */
    public double steadyState(Fluctuations f, double nu) {
        double[] g = gaussian(f.muV(), f.sV());
        return (g[0] + nu * spikeDrive) / (g[1] + nu * spikeRate);
    }

    /**
     * The per-spike values from single-neuron measurements: at every sample that fired (rate > 0),
     * the measured A and B ({@code drive}, {@code rate}, 1/s; {@link
     * org.neuromf.core.simulation.ShotNoiseSimulator.Measurement}) less the Gaussian's at the
     * template's muV and sV, divided by the sample's rate; the mean of these excesses per spike
     * over the samples, each weighted equally, so that the many slowly firing points where the mean
     * field operates count as much as the few fast ones.
     *
     * @return the gate, or null when no sample fired or a sample has no gate averages (not an HH cell)
     */
    public static MCurrentGate measure(FluctuationModel model, double[] fe, double[] fi, double[] w, double[] p,
            double[] fout, double[] drive, double[] rate) {
        double sumDrive = 0;
        double sumRate = 0;
        double weights = 0;
        for (int i = 0; i < fout.length; i++) {
            if (!(Double.isFinite(drive[i]) && Double.isFinite(rate[i]))) {
                return null;
            }
            if (!(fout[i] > 0)) {
                continue;
            }
            Fluctuations f = model.at(fe[i], fi[i], w == null ? 0 : w[i], p == null ? 0 : p[i]);
            double[] g = gaussian(f.muV(), f.sV());
            // minimise sum over samples of ((excess_i - nu_i s) / nu_i)^2: the excess per spike, equally weighted
            sumDrive += (drive[i] - g[0]) / fout[i];
            sumRate += (rate[i] - g[1]) / fout[i];
            weights++;
        }
        return weights == 0 ? null : new MCurrentGate(sumDrive / weights, sumRate / weights);
    }
}
