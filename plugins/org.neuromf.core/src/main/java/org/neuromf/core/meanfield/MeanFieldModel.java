package org.neuromf.core.meanfield;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.neuromf.core.cell.AdExCell;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.transfer.FluctuationModel;
import org.neuromf.core.transfer.Fluctuations;
import org.neuromf.core.transfer.MCurrentGate;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.transfer.TransferFunction;

/**
 * The mean-field model of an excitatory and an inhibitory population (MODEL.md 5): the Markovian
 * master equation of El Boustani and Destexhe (2009) to first or second order, with time constant
 * T, and an adaptation current W for every AdEx population that has one (di Volo et al. 2019); with
 * {@link SlowCurrents#STATE_VARIABLES}, also the mean M-current gate p of every HH population
 * that has an M current ({@link MCurrentGate}, docs/mean-field.md section 6).
 * Both populations see fe = nu_e + nu_ext(t) and fi = nu_i, where nu_ext is the network's drive
 * plus the stimulus.
 *
 * <p>The state is packed as nu_e, nu_i, then (second order) c_ee, c_ei, c_ii, then W of the adapting
 * populations, then p of the gated populations. The partial derivatives of the transfer functions
 * are central differences with a step of {@value #H} Hz (the authors used 1e-4 Hz): truncation errs by about H^2 F''''/12, rounding by
 * about 1e-16 F / H^2; at the CONFIG1 fixed point the variances match the reference to 1e-6.
 *
 * <p>Not thread-safe: one model serves one integration at a time.
 */
public final class MeanFieldModel implements FirstOrderDifferentialEquations {

    public static final int NU_E = 0;
    public static final int NU_I = 1;
    public static final int C_EE = 2;
    public static final int C_EI = 3;
    public static final int C_II = 4;

    static final double H = 3e-3;

    private final TransferFunction[] tf;
    private final double[] size;
    private final double t;
    private final int order;
    private final double drive;
    private final Waveform stimulus;
    /** Per population: the adaptation (a, b, tau_w, EL) or null, and its index in the state. */
    private final AdExCell[] adapting;
    private final int[] wIndex;
    private final SlowCurrents slow;
    /** Per population: the M gate's kinetics or null, and its index in the state. */
    private final MCurrentGate[] gates;
    private final int[] pIndex;
    private final int dimension;
    /** Scratch space of computeDerivatives: F and its derivatives for each population. */
    private final double[][] local = new double[2][6];

    /**
     * @param coefficients the transfer-function coefficients of the excitatory and the inhibitory cell
     * @param t the time constant T (s)
     * @param order 1 or 2
     * @param stimulus added to the network's drive (Hz per external synapse), negative values clipped
     */
    public MeanFieldModel(Network network, TransferCoefficients[] coefficients, double t, int order, Waveform stimulus) {
        this(network, coefficients, t, order, stimulus, SlowCurrents.PAPER);
    }

    /**
     * @param slow which slow currents are state variables; with {@link SlowCurrents#STATE_VARIABLES}
     *     the coefficients of a population with an M current must carry its gate's kinetics
     */
    public MeanFieldModel(Network network, TransferCoefficients[] coefficients, double t, int order, Waveform stimulus,
            SlowCurrents slow) {
        if (network.populationCount() != 2) {
            throw new ParameterException("network", "the mean field needs two populations, excitatory then inhibitory;"
                    + " network " + network.name() + " has " + network.populationCount());
        }
        if (!(t > 0) || Double.isInfinite(t)) {
            throw ParameterException.outOfRange("t_ms", t * 1e3, "(0, 1000] ms", "the time constant T of the mean field");
        }
        if (order != 1 && order != 2) {
            throw ParameterException.outOfRange("order", order, "1 or 2", null);
        }
        this.t = t;
        this.order = order;
        this.stimulus = stimulus;
        this.drive = network.population(0).driveRate();
        tf = new TransferFunction[2];
        size = new double[2];
        this.slow = slow;
        adapting = new AdExCell[2];
        wIndex = new int[2];
        gates = new MCurrentGate[2];
        pIndex = new int[2];
        int next = order == 2 ? 5 : 2;
        for (int a = 0; a < 2; a++) {
            Cell cell = network.population(a).cell();
            tf[a] = TransferFunction.of(cell, SynapticInput.onto(network, a), coefficients[a]);
            size[a] = network.population(a).size();
            if (SlowCurrents.carriesAdaptation(cell)) {
                adapting[a] = (AdExCell) cell;
                wIndex[a] = next++;
            } else {
                wIndex[a] = -1;
            }
        }
        for (int a = 0; a < 2; a++) {
            Cell cell = network.population(a).cell();
            pIndex[a] = -1;
            if (slow.carriesGate(cell)) {
                gates[a] = coefficients[a].gate();
                if (gates[a] == null) {
                    throw new ParameterException("slow_currents", "slow_currents = state_variables makes the M current"
                            + " of population " + network.population(a).name() + " (cell " + cell.name() + ") a state"
                            + " variable, but its coefficient table carries no gate kinetics (empty gate_spike_drive,"
                            + " gate_spike_rate): connect a transfer function scanned and fitted here on the cell with its"
                            + " M current held (Transfer Function Scan with slow_currents = state_variables), or use"
                            + " slow_currents = paper");
                }
                pIndex[a] = next++;
            }
        }
        dimension = next;
    }

    @Override
    public int getDimension() {
        return dimension;
    }

    public int order() {
        return order;
    }

    public double timeConstant() {
        return t;
    }

    /** The external rate per synapse at time {@code time} (s): drive plus stimulus, never negative. */
    public double externalRate(double time) {
        return Math.max(0, drive + stimulus.rate(time));
    }

    /** The adaptation current of population a in state y (A); 0 when it has none. */
    public double adaptation(double[] y, int a) {
        return wIndex[a] < 0 ? 0 : y[wIndex[a]];
    }

    /** The mean M-current gate of population a in state y; 0 when it is not a state variable. */
    public double gate(double[] y, int a) {
        return pIndex[a] < 0 ? 0 : y[pIndex[a]];
    }

    /** The mean M current of population a in state y, outward positive (A): gM p (muV - EK); 0 without a gate. */
    public double mCurrent(double[] y, int a, double time) {
        if (pIndex[a] < 0) {
            return 0;
        }
        FluctuationModel model = tf[a].model();
        return model.mConductance() * y[pIndex[a]] * (fluctuations(y, a, time).muV() - model.mReversal());
    }

    /** Which slow currents are state variables. */
    public SlowCurrents slowCurrents() {
        return slow;
    }

    /** The fluctuations (muV, sV, tauV, conductances) of population a in state y at time {@code time}. */
    public Fluctuations fluctuations(double[] y, int a, double time) {
        return tf[a].model().at(y[NU_E] + externalRate(time), y[NU_I], adaptation(y, a), gate(y, a));
    }

    /**
     * A state with rates nu_e, nu_i, no covariance and no adaptation current, and every M gate at
     * its steady state for these rates at the drive of t = 0. A gate left at 0 would start a cell
     * without its M current, whose runaway the fast rates follow before the slow gate catches up.
     */
    public double[] state(double nuE, double nuI) {
        double[] y = new double[dimension];
        y[NU_E] = nuE;
        y[NU_I] = nuI;
        for (int a = 0; a < 2; a++) {
            if (pIndex[a] >= 0) {
                for (int i = 0; i < 50; i++) { // converges in a few steps: p moves muV by a few mV
                    y[pIndex[a]] = gates[a].steadyState(fluctuations(y, a, 0), y[a]);
                }
            }
        }
        return y;
    }

    @Override
    public void computeDerivatives(double time, double[] y, double[] yDot) {
        double fe = y[NU_E] + externalRate(time);
        double fi = y[NU_I];
        double[][] d = local;
        for (int a = 0; a < 2; a++) {
            if (order == 2) {
                derivatives(tf[a], fe, fi, adaptation(y, a), gate(y, a), d[a]);
            } else {
                d[a][0] = tf[a].rate(fe, fi, adaptation(y, a), gate(y, a));
            }
        }
        double nuE = y[NU_E];
        double nuI = y[NU_I];
        double[] de = d[0];
        double[] di = d[1];
        if (order == 1) {
            yDot[NU_E] = (de[0] - nuE) / t;
            yDot[NU_I] = (di[0] - nuI) / t;
        } else {
            double cee = y[C_EE];
            double cei = y[C_EI];
            double cii = y[C_II];
            yDot[NU_E] = (de[0] - nuE + 0.5 * (cee * de[3] + 2 * cei * de[4] + cii * de[5])) / t;
            yDot[NU_I] = (di[0] - nuI + 0.5 * (cee * di[3] + 2 * cei * di[4] + cii * di[5])) / t;
            // delta_ab F_a (1/T - F_a) / N_a + (F_a - nu_a)(F_b - nu_b)
            //     + sum over lambda of (c_a,lambda dF_b/dlambda + c_b,lambda dF_a/dlambda) - 2 c_ab
            yDot[C_EE] = (de[0] * (1 / t - de[0]) / size[0] + (de[0] - nuE) * (de[0] - nuE)
                    + 2 * (cee * de[1] + cei * de[2]) - 2 * cee) / t;
            yDot[C_EI] = ((de[0] - nuE) * (di[0] - nuI) + cee * di[1] + cei * di[2] + cei * de[1] + cii * de[2]
                    - 2 * cei) / t;
            yDot[C_II] = (di[0] * (1 / t - di[0]) / size[1] + (di[0] - nuI) * (di[0] - nuI)
                    + 2 * (cei * di[1] + cii * di[2]) - 2 * cii) / t;
        }
        for (int a = 0; a < 2; a++) {
            if (wIndex[a] >= 0) {
                double w = y[wIndex[a]];
                yDot[wIndex[a]] = adaptationRate(adapting[a], w, y[a], tf[a].model().at(fe, fi, w, 0).muV());
            }
            if (pIndex[a] >= 0) {
                double p = y[pIndex[a]];
                yDot[pIndex[a]] = gates[a].derivative(tf[a].model().at(fe, fi, adaptation(y, a), p), y[a], p);
            }
        }
    }

    /**
     * dW/dt (A/s) of a population of AdEx cells with mean adaptation current w (A), rate nu (Hz) and
     * mean potential muV (V): the population average of the cell's {@code tau_w dw/dt = a (V - EL) - w}
     * plus b per spike, {@code (a (muV - EL) - w) / tau_w + b nu} (MODEL.md 5), zero at
     * {@code w = a (muV - EL) + b tau_w nu}.
     */
    public static double adaptationRate(AdExCell cell, double w, double nu, double muV) {
        return (cell.a * (muV - cell.eL) - w) / cell.tauW + cell.b * nu;
    }

    /**
     * F and its partial derivatives at (fe, fi) into out: F, dF/dfe, dF/dfi, d2F/dfe2, d2F/dfe dfi, d2F/dfi2,
     * by central differences of step H (one-sided in a rate that is within H of 0, where the
     * transfer function is not defined below).
     */
    static void derivatives(TransferFunction f, double fe, double fi, double w, double p, double[] out) {
        double he = H;
        double hi = H;
        double ce = Math.max(fe, H);
        double ci = Math.max(fi, H);
        double f00 = f.rate(ce, ci, w, p);
        double fp0 = f.rate(ce + he, ci, w, p);
        double fm0 = f.rate(ce - he, ci, w, p);
        double f0p = f.rate(ce, ci + hi, w, p);
        double f0m = f.rate(ce, ci - hi, w, p);
        double fpp = f.rate(ce + he, ci + hi, w, p);
        double fpm = f.rate(ce + he, ci - hi, w, p);
        double fmp = f.rate(ce - he, ci + hi, w, p);
        double fmm = f.rate(ce - he, ci - hi, w, p);
        out[0] = ce == fe && ci == fi ? f00 : f.rate(fe, fi, w, p);
        out[1] = (fp0 - fm0) / (2 * he);
        out[2] = (f0p - f0m) / (2 * hi);
        out[3] = (fp0 - 2 * f00 + fm0) / (he * he);
        out[4] = (fpp - fpm - fmp + fmm) / (4 * he * hi);
        out[5] = (f0p - 2 * f00 + f0m) / (hi * hi);
    }

    /** The transfer function of population a. */
    public TransferFunction transferFunction(int a) {
        return tf[a];
    }

    public double populationSize(int a) {
        return size[a];
    }

    /** Whether population a has an adaptation current in the state. */
    public boolean adapts(int a) {
        return wIndex[a] >= 0;
    }

    /**
     * The typical size of state variable k, for tolerances and Newton steps: 1 Hz for a rate,
     * 1e-2 Hz^2 for a covariance, 10 pA for W, 1e-2 for an M gate.
     */
    public double scale(int k) {
        if (k < 2) {
            return 1;
        }
        return (order == 2 && k < 5) || k == pIndex[0] || k == pIndex[1] ? 1e-2 : 1e-11;
    }

    /** Whether population a has its M-current gate in the state. */
    public boolean gated(int a) {
        return pIndex[a] >= 0;
    }
}
