package org.neuromf.core.transfer;

import org.apache.commons.math3.special.Erf;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.network.SynapticInput;

/**
 * The semi-analytic transfer function of Zerlaut et al. 2018 as used by Carlu et al. 2020:
 * {@code F = erfc((Veff - muV) / (sqrt(2) sV)) / (2 tauV)} with the effective threshold Veff a
 * polynomial in the fluctuations (MODEL.md 4b). Always finite and non-negative: with no
 * fluctuations (sV = 0) the rate is 0 below threshold and 1/tauV above it.
 */
public final class TransferFunction {

    private static final double SQRT2 = Math.sqrt(2);

    private final FluctuationModel model;
    private final TransferCoefficients coefficients;

    public TransferFunction(FluctuationModel model, TransferCoefficients coefficients) {
        this.model = model;
        this.coefficients = coefficients;
    }

    /** The transfer function of a cell receiving this synaptic input. */
    public static TransferFunction of(Cell cell, SynapticInput input, TransferCoefficients coefficients) {
        return new TransferFunction(FluctuationModel.of(cell, input), coefficients);
    }

    public FluctuationModel model() {
        return model;
    }

    public TransferCoefficients coefficients() {
        return coefficients;
    }

    /** The output rate (Hz) at per-synapse input rates fe, fi (Hz). */
    public double rate(double fe, double fi) {
        return rate(fe, fi, 0, 0);
    }

    /**
     * The output rate (Hz) with an adaptation current w (A) and the M gate at p; see
     * {@link FluctuationModel#at(double, double, double, double)}.
     */
    public double rate(double fe, double fi, double w, double p) {
        Fluctuations f = model.at(fe, fi, w, p);
        return rate(f, coefficients.threshold(f));
    }

    /** The rate (Hz) of a neuron with these fluctuations and effective threshold (V). */
    public static double rate(Fluctuations f, double threshold) {
        double distance = threshold - f.muV();
        double erfc;
        if (f.sV() > 0) {
            erfc = Erfc.erfc(distance / (SQRT2 * f.sV()));
        } else {
            erfc = distance > 0 ? 0 : distance < 0 ? 2 : 1;
        }
        return erfc / (2 * f.tauV());
    }

    /**
     * The effective threshold (V) at which these fluctuations give {@code rate} (Hz), the inverse of
     * {@link #rate(Fluctuations, double)}; NaN unless {@code 0 < rate < 1/(2 tauV)} and sV > 0.
     */
    public static double threshold(Fluctuations f, double rate) {
        double y = 2 * f.tauV() * rate;
        if (!(rate > 0 && y < 1 && f.sV() > 0)) {
            return Double.NaN;
        }
        return f.muV() + SQRT2 * f.sV() * erfcInverse(y);
    }

    /**
     * The inverse of erfc on (0, 1], accurate also for tiny arguments, where erfInv(1 - y) loses
     * every digit: Commons Math's value refined by Newton steps on erfc.
     */
    static double erfcInverse(double y) {
        double u = Erf.erfInv(1 - y);
        if (Double.isInfinite(u)) {
            u = Math.sqrt(-Math.log(y * Math.sqrt(Math.PI) * Math.sqrt(-Math.log(y))));
        }
        for (int i = 0; i < 50; i++) {
            double slope = -2 / Math.sqrt(Math.PI) * Math.exp(-u * u);
            double step = (Erfc.erfc(u) - y) / slope;
            u -= step;
            if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(u))) {
                break;
            }
        }
        return u;
    }
}
