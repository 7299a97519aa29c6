package org.neuromf.core.transfer;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;

/**
 * Fits the effective-threshold coefficients to measured rates (MODEL.md 4c): the template is
 * inverted point by point where the rate allows it, the polynomial is fitted to those thresholds
 * by linear least squares, and the result is refined by Levenberg-Marquardt on the squared
 * differences of the rates themselves (the authors' objective; they used Nelder-Mead), with the
 * analytic Jacobian. Given the standard error of every rate, Levenberg-Marquardt then minimises the
 * sum of ((F - fout) / SE)^2 from that unweighted minimum and from the unweighted minimum reached
 * from a flat threshold (the authors' start), and the lower is kept: the cost has local minima,
 * and on 176 fits of real and resampled default HH scans the unweighted fit from the linear start
 * ended above the one from the flat start 3 times (once at 2500 times its cost), and below it 31.
 */
public final class TransferFit {

    /** How the samples are weighted. */
    public enum Weighting {
        /** By 1/SE^2, SE the standard error of the mean rate ({@link TransferSamples#standardErrors}). */
        STANDARD_ERROR,
        /** All alike: the authors' objective. */
        NONE
    }

    public static final List<ParameterSpec> PARAMETERS = List.of(
            new ParameterSpec.Flag("p4_term", "Fit the P4 term", false,
                    "include P4 ln(muG/gL) in the threshold polynomial (the published HH fits leave it out)"),
            ParameterSpec.Choice.of("weighting", "Weighting", Weighting.class, Weighting.STANDARD_ERROR,
                    "how the samples count. standard_error: each weighted by 1/SE^2, SE the standard error of its"
                            + " mean rate from fout_sd_hz and seeds, the variance pooled over the 11 firing samples"
                            + " nearest in rate, at least that of one spike in one repetition; none: all alike, the"
                            + " authors' objective."
                            + " A table without fout_sd_hz and seeds, or with a point of fewer than 2 seeds, is fitted"
                            + " with none and a warning"));

    /** How to fit: the weighting and whether P4 is fitted. */
    public record Options(Weighting weighting, boolean p4Term) {

        public static Options of(ParameterValues values) {
            ParameterValues v = ParameterValues.of(PARAMETERS, values.asMap());
            return new Options(v.choice("weighting", Weighting.class), v.flag("p4_term"));
        }
    }

    private static final int MAX_EVALUATIONS = 20_000;

    /**
     * Coefficients multiply terms of order one, and thresholds are tens of mV: a coefficient beyond
     * 1 V means the samples leave some direction unconstrained (typically because only silent
     * samples feel it), not a fit.
     */
    private static final double LARGEST_COEFFICIENT = 1;

    /**
     * The fit and how it does on every sample: the template's rate, the residual (template minus
     * measured, Hz), the threshold inverted from the measured rate (NaN where the rate cannot be
     * inverted) and the template's threshold (V), and the fluctuations of the sample.
     */
    public record Result(TransferCoefficients coefficients, double[] fitted, double[] residuals,
            double[] measuredThreshold, double[] fittedThreshold, Fluctuations[] fluctuations, double rmsError,
            double meanAbsoluteError, int invertedSamples) {
    }

    private TransferFit() {
    }

    /**
     * Fits the coefficients of {@code cell} to rates (Hz) measured at per-synapse inputs fe, fi (Hz),
     * all finite and non-negative (a sample table is checked row by row by {@link TransferSamples#column}).
     *
     * @param p4Term whether the P4 ln(muG/gL) term is fitted (otherwise P4 = 0)
     */
    public static Result fit(String cell, FluctuationModel model, double[] fe, double[] fi, double[] rate, boolean p4Term) {
        return fit(cell, model, fe, fi, null, rate, null, p4Term);
    }

    /** With no M gate held; see {@link #fit(String, FluctuationModel, double[], double[], double[], double[], double[], double[], boolean)}. */
    public static Result fit(String cell, FluctuationModel model, double[] fe, double[] fi, double[] w, double[] rate,
            double[] standardError, boolean p4Term) {
        return fit(cell, model, fe, fi, w, null, rate, standardError, p4Term);
    }

    /**
     * As {@link #fit(String, FluctuationModel, double[], double[], double[], boolean)}, sample i
     * measured with an adaptation current w[i] (A) and the M gate at pHeld[i] held fixed (null: all 0)
     * and weighted by 1/SE^2 with {@code standardError} its SE (Hz, all positive; null: unweighted).
     */
    public static Result fit(String cell, FluctuationModel model, double[] fe, double[] fi, double[] w, double[] pHeld,
            double[] rate, double[] standardError, boolean p4Term) {
        int n = rate.length;
        if (fe.length != n || fi.length != n || (w != null && w.length != n) || (pHeld != null && pHeld.length != n)
                || (standardError != null && standardError.length != n)) {
            throw new IllegalArgumentException("fe, fi, w, rate and standardError must have the same length");
        }
        for (int i = 0; standardError != null && i < n; i++) {
            if (!(standardError[i] > 0 && standardError[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("standard error " + standardError[i] + " Hz of sample " + (i + 1)
                        + " of cell " + cell + ": it must be positive and finite");
            }
        }
        int[] active = activeCoefficients(p4Term);
        if (n < active.length) {
            throw new ParameterException("fout_hz", n + " samples cannot determine " + active.length
                    + " coefficients of cell " + cell + "; measure at least " + active.length + " points");
        }
        boolean anyFiring = false;
        for (double r : rate) {
            anyFiring |= r > 0;
        }
        if (!anyFiring) {
            throw new ParameterException("fout_hz", "every fout_hz of cell " + cell + " is 0: the samples say nothing "
                    + "about the threshold. Scan to higher fe_max_hz (or lower fi) so that the neuron fires");
        }
        Fluctuations[] f = new Fluctuations[n];
        double[][] basis = new double[n][TransferCoefficients.COUNT];
        double[] measuredThreshold = new double[n];
        int inverted = 0;
        for (int i = 0; i < n; i++) {
            f[i] = model.at(fe[i], fi[i], w == null ? 0 : w[i], pHeld == null ? 0 : pHeld[i]);
            TransferCoefficients.basis(f[i], p4Term, basis[i]);
            measuredThreshold[i] = TransferFunction.threshold(f[i], rate[i]);
            inverted += Double.isNaN(measuredThreshold[i]) ? 0 : 1;
        }
        if (inverted == 0) {
            throw new ParameterException("fout_hz", "no sample of cell " + cell + " has 0 < fout < 1/(2 tauV), where "
                    + "the template can be inverted: the rates are all 0 or above what the template can reach");
        }
        double[] start = inverted >= active.length ? linearFit(basis, measuredThreshold, active, inverted)
                : constantStart(measuredThreshold, active.length);
        double[] ones = new double[n];
        Arrays.fill(ones, 1); // multiplying by 1 is exact: the unweighted fit as it always was
        double[] best = refine(cell, f, basis, rate, ones, active, start);
        if (standardError != null) {
            double[] weight = new double[n];
            for (int i = 0; i < n; i++) {
                weight[i] = 1 / standardError[i];
            }
            double[] fromLinear = refine(cell, f, basis, rate, weight, active, best);
            double[] flat = refine(cell, f, basis, rate, ones, active, constantStart(measuredThreshold, active.length));
            double[] fromFlat = refine(cell, f, basis, rate, weight, active, flat);
            best = cost(f, basis, rate, weight, active, fromFlat) < cost(f, basis, rate, weight, active, fromLinear)
                    ? fromFlat : fromLinear;
        }

        double[] p = new double[TransferCoefficients.COUNT];
        for (int a = 0; a < active.length; a++) {
            p[active[a]] = best[a] * 1e-3;
            if (Math.abs(p[active[a]]) > LARGEST_COEFFICIENT) {
                throw new IllegalArgumentException("the samples do not determine the " + active.length
                        + " coefficients of cell " + cell + ": the fit ran off to P" + active[a] + " = " + p[active[a]]
                        + " V along a direction the data do not constrain. Measure more points where the neuron fires"
                        + " (more fi rows, more fe points, or a larger fe_max_hz)");
            }
        }
        double[] fitted = new double[n];
        double[] residuals = new double[n];
        double[] fittedThreshold = new double[n];
        double squares = 0, absolute = 0;
        TransferCoefficients provisional = TransferCoefficients.of(cell, p, p4Term);
        for (int i = 0; i < n; i++) {
            fittedThreshold[i] = provisional.threshold(f[i]);
            fitted[i] = TransferFunction.rate(f[i], fittedThreshold[i]);
            residuals[i] = fitted[i] - rate[i];
            squares += residuals[i] * residuals[i];
            absolute += Math.abs(residuals[i]);
        }
        double rms = Math.sqrt(squares / n);
        return new Result(new TransferCoefficients(cell, p, p4Term, rms, n, null), fitted, residuals, measuredThreshold,
                fittedThreshold, f, rms, absolute / n, inverted);
    }

    private static int[] activeCoefficients(boolean p4Term) {
        int[] active = new int[p4Term ? TransferCoefficients.COUNT : TransferCoefficients.COUNT - 1];
        for (int k = 0, a = 0; k < TransferCoefficients.COUNT; k++) {
            if (p4Term || k != 4) {
                active[a++] = k;
            }
        }
        return active;
    }

    /**
     * Least squares of the polynomial on the inverted thresholds, unweighted; coefficients in mV.
     *
     * <p>A weighted fit starts from unweighted minima, not from here. Far from the minimum its cost
     * is dominated by the nearly silent samples, whose SEs (a spike or two) are a tenth of the
     * others' and whose rates lie in the erfc tail, where the template barely moves: on 150
     * resampled default scans of HH_RS (3 scans, 50 replicates each), Levenberg-Marquardt on the
     * weighted cost from this start stalled 3 times at 20 to 100 times the minimum's cost (fixed
     * points at 0.03 and 0.2 Hz instead of about 1.4); weighting these thresholds by the linearised
     * |dF/dVeff| / SE made a start 10^7 times the minimum's cost and 3 stalls in 50.
     */
    private static double[] linearFit(double[][] basis, double[] threshold, int[] active, int rows) {
        RealMatrix a = new Array2DRowRealMatrix(rows, active.length);
        RealVector b = new ArrayRealVector(rows);
        for (int i = 0, r = 0; i < threshold.length; i++) {
            if (!Double.isNaN(threshold[i])) {
                for (int c = 0; c < active.length; c++) {
                    a.setEntry(r, c, basis[i][active[c]]);
                }
                b.setEntry(r++, threshold[i] * 1e3);
            }
        }
        try {
            return new QRDecomposition(a).getSolver().solve(b).toArray();
        } catch (SingularMatrixException e) {
            // the invertible samples do not span the polynomial (e.g. all at one fi): start flat
            return constantStart(threshold, active.length);
        }
    }

    /** P0 at the mean inverted threshold, the rest zero (the authors' start); mV. */
    private static double[] constantStart(double[] threshold, int size) {
        double sum = 0;
        int count = 0;
        for (double t : threshold) {
            if (!Double.isNaN(t)) {
                sum += t;
                count++;
            }
        }
        double[] start = new double[size];
        start[0] = sum / count * 1e3;
        return start;
    }

    /**
     * Levenberg-Marquardt on the rates from {@code start} (mV), residual i multiplied by weight[i];
     * the better of start and result.
     */
    private static double[] refine(String cell, Fluctuations[] f, double[][] basis, double[] rate, double[] weight,
            int[] active, double[] start) {
        int n = rate.length;
        int m = active.length;
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = rate[i] * weight[i];
        }
        LeastSquaresBuilder problem = new LeastSquaresBuilder()
                .start(start)
                .target(target)
                .model(point -> {
                    double[] q = point.toArray();
                    double[] value = new double[n];
                    double[][] jacobian = new double[n][m];
                    for (int i = 0; i < n; i++) {
                        double veff = 0;
                        for (int c = 0; c < m; c++) {
                            veff += q[c] * 1e-3 * basis[i][active[c]];
                        }
                        value[i] = TransferFunction.rate(f[i], veff) * weight[i];
                        double slope = rateSlope(f[i], veff) * 1e-3 * weight[i];
                        for (int c = 0; c < m; c++) {
                            jacobian[i][c] = slope * basis[i][active[c]];
                        }
                    }
                    return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
                })
                .maxEvaluations(MAX_EVALUATIONS)
                .maxIterations(MAX_EVALUATIONS);
        double startCost = cost(f, basis, rate, weight, active, start);
        try {
            Optimum optimum = new LevenbergMarquardtOptimizer()
                    .withCostRelativeTolerance(1e-14)
                    .withParameterRelativeTolerance(1e-12)
                    .optimize(problem.build());
            double[] result = optimum.getPoint().toArray();
            return cost(f, basis, rate, weight, active, result) <= startCost ? result : start;
        } catch (MathIllegalStateException e) {
            throw new IllegalStateException("the transfer-function fit of cell " + cell + " did not converge within "
                    + MAX_EVALUATIONS + " evaluations: " + e.getMessage(), e);
        }
    }

    /** dF/dVeff (Hz/V) at these fluctuations. */
    private static double rateSlope(Fluctuations f, double veff) {
        if (!(f.sV() > 0)) {
            return 0;
        }
        double u = (veff - f.muV()) / (Math.sqrt(2) * f.sV());
        return -Math.exp(-u * u) / (Math.sqrt(Math.PI) * f.tauV() * Math.sqrt(2) * f.sV());
    }

    private static double cost(Fluctuations[] f, double[][] basis, double[] rate, double[] weight, int[] active,
            double[] q) {
        double sum = 0;
        for (int i = 0; i < rate.length; i++) {
            double veff = 0;
            for (int c = 0; c < active.length; c++) {
                veff += q[c] * 1e-3 * basis[i][active[c]];
            }
            double d = (TransferFunction.rate(f[i], veff) - rate[i]) * weight[i];
            sum += d * d;
        }
        return sum;
    }
}
