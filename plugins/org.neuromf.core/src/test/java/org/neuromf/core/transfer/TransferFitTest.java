package org.neuromf.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.neuromf.core.param.ParameterException;

/** Fitting data made by the template with known coefficients gives those coefficients back. */
class TransferFitTest {

    private static final double[] FE = {0.5, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15};
    private static final double[] FI = {0, 2, 4, 8, 12, 16, 20};

    /** The grid points, as {fe[], fi[]}. */
    private static double[][] grid() {
        List<double[]> points = new ArrayList<>();
        for (double fi : FI) {
            for (double fe : FE) {
                points.add(new double[] {fe, fi});
            }
        }
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }

    private static double[] rates(TransferFunction tf, double[][] points) {
        double[] r = new double[points[0].length];
        for (int i = 0; i < r.length; i++) {
            r[i] = tf.rate(points[0][i], points[1][i]);
        }
        return r;
    }

    @Test
    void exactDataGiveTheCoefficientsBack() {
        for (String cell : List.of("HH_RS", "HH_FS")) {
            TransferFunction truth = TransferFunctionTest.published(cell);
            double[][] points = grid();
            TransferFit.Result fit = TransferFit.fit(cell, truth.model(), points[0], points[1], rates(truth, points), false);
            for (int k = 0; k < TransferCoefficients.COUNT; k++) {
                // the published P4 is not used (p4Term false): the fit leaves it at 0
                double expected = k == 4 ? 0 : truth.coefficients().p(k);
                assertEquals(expected, fit.coefficients().p(k), 1e-8, cell + " P" + k);
            }
            assertTrue(fit.rmsError() < 1e-6, cell + " rms " + fit.rmsError());
        }
    }

    /** Samples measured with an adaptation current held (the mean field's W) are fitted where they were measured. */
    @Test
    void samplesAtAHeldAdaptationCurrentAreFittedAtIt() {
        TransferFunction truth = TransferFunctionTest.published("HH_RS");
        double[][] grid = grid();
        int n = grid[0].length;
        double[] fe = Arrays.copyOf(grid[0], n + 5);
        double[] fi = Arrays.copyOf(grid[1], n + 5);
        double[] w = new double[n + 5];
        double[] rate = new double[n + 5];
        for (int i = 0; i < n + 5; i++) {
            if (i >= n) {
                fe[i] = 6 + i - n;
                fi[i] = 8;
                w[i] = 60e-12;
            }
            rate[i] = truth.rate(fe[i], fi[i], w[i], 0);
        }
        TransferFit.Result fit = TransferFit.fit("HH_RS", truth.model(), fe, fi, w, rate, null, false);
        assertTrue(fit.rmsError() < 1e-6, "rms " + fit.rmsError());
        assertEquals(truth.coefficients().p(0), fit.coefficients().p(0), 1e-8);
        TransferFit.Result ignored = TransferFit.fit("HH_RS", truth.model(), fe, fi, rate, false);
        assertTrue(ignored.rmsError() > 1e-3, "placed at W = 0 the held samples do not fit: rms " + ignored.rmsError());
    }

    @Test
    void exactDataWithTheP4TermGiveItBack() {
        TransferFunction published = TransferFunctionTest.published("HH_RS");
        double[] p = published.coefficients().p();
        p[4] = 2e-3;
        TransferFunction truth = new TransferFunction(published.model(), TransferCoefficients.of("HH_RS", p, true));
        double[][] points = grid();
        TransferFit.Result fit = TransferFit.fit("HH_RS", truth.model(), points[0], points[1], rates(truth, points), true);
        assertTrue(fit.coefficients().p4Term());
        for (int k = 0; k < TransferCoefficients.COUNT; k++) {
            assertEquals(p[k], fit.coefficients().p(k), 1e-7, "P" + k);
        }
    }

    /**
     * With Gaussian noise of SD sigma on every rate, the least-squares estimate has covariance
     * sigma^2 (J^T J)^-1 (J = dF/dP at the truth, by central differences here): every coefficient
     * must lie within 5 of its standard errors, and the RMS residual near sigma.
     */
    @Test
    void noisyDataFitWithinTheirStandardErrors() {
        double sigma = 0.1; // Hz: about the seed-to-seed error of a 4-seed, 9 s scan point
        TransferFunction truth = TransferFunctionTest.published("HH_FS");
        double[][] points = grid();
        double[] rates = rates(truth, points);
        SplittableRandom rng = new SplittableRandom(42);
        double[] noisy = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            noisy[i] = Math.max(0, rates[i] + sigma * gaussian(rng));
        }
        TransferFit.Result fit = TransferFit.fit("HH_FS", truth.model(), points[0], points[1], noisy, false);
        double[] standardErrors = standardErrors(truth, points, sigma);
        for (int k = 0; k < TransferCoefficients.COUNT; k++) {
            if (k == 4) {
                assertEquals(0, fit.coefficients().p(k), 0, "P4 is not fitted");
                continue;
            }
            double error = fit.coefficients().p(k) - truth.coefficients().p(k);
            assertTrue(Math.abs(error) < 5 * standardErrors[k], "P" + k + " off by " + error + " V, standard error "
                    + standardErrors[k]);
        }
        // clipping negative rates at 0 shrinks the noise where F ~ 0, so the residual is at most sigma
        assertTrue(fit.rmsError() < sigma * 1.1 && fit.rmsError() > sigma * 0.5, "rms " + fit.rmsError());
    }

    private static final int[] ACTIVE = {0, 1, 2, 3, 5, 6, 7, 8, 9, 10};

    private static double[] standardErrors(TransferFunction truth, double[][] points, double sigma) {
        RealMatrix jm = jacobian(truth, points);
        RealMatrix covariance = new LUDecomposition(jm.transpose().multiply(jm)).getSolver().getInverse()
                .scalarMultiply(sigma * sigma);
        double[] se = new double[TransferCoefficients.COUNT];
        for (int c = 0; c < ACTIVE.length; c++) {
            se[ACTIVE[c]] = Math.sqrt(covariance.getEntry(c, c));
        }
        return se;
    }

    /** dF/dP (Hz/V) at the points {fe[], fi[]}, for the coefficients fitted without P4, by central differences. */
    private static RealMatrix jacobian(TransferFunction truth, double[][] points) {
        int n = points[0].length;
        double[][] j = new double[n][ACTIVE.length];
        double h = 1e-7;
        for (int c = 0; c < ACTIVE.length; c++) {
            double[] up = truth.coefficients().p();
            double[] down = truth.coefficients().p();
            up[ACTIVE[c]] += h;
            down[ACTIVE[c]] -= h;
            TransferFunction a = new TransferFunction(truth.model(), TransferCoefficients.of("up", up, false));
            TransferFunction b = new TransferFunction(truth.model(), TransferCoefficients.of("down", down, false));
            for (int i = 0; i < n; i++) {
                j[i][c] = (a.rate(points[0][i], points[1][i]) - b.rate(points[0][i], points[1][i])) / (2 * h);
            }
        }
        return new Array2DRowRealMatrix(j, false);
    }

    /**
     * Equal standard errors weight every sample alike: the weighted fit is the unweighted one (it
     * starts from it, and a constant factor does not move the minimum).
     */
    @Test
    void equalStandardErrorsGiveTheUnweightedFit() {
        TransferFunction truth = TransferFunctionTest.published("HH_RS");
        double[][] points = grid();
        double[] rates = rates(truth, points);
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < rates.length; i++) {
            rates[i] = Math.max(0, rates[i] + 0.2 * gaussian(rng));
        }
        double[] se = new double[rates.length];
        Arrays.fill(se, 0.2);
        TransferFit.Result unweighted = TransferFit.fit("HH_RS", truth.model(), points[0], points[1], rates, false);
        TransferFit.Result weighted = TransferFit.fit("HH_RS", truth.model(), points[0], points[1], null, rates, se, false);
        for (int k = 0; k < TransferCoefficients.COUNT; k++) {
            assertEquals(unweighted.coefficients().p(k), weighted.coefficients().p(k), 1e-9, "P" + k);
        }
    }

    /**
     * Heteroscedastic noise of known SE, as a scan's counts give it (SE^2 = F / (seeds T), seeds = 4,
     * T = 9 s, at least one spike's 1/(seeds T)): weighting by 1/SE^2 estimates the rate at the
     * CONFIG1 operating point (fe = nu_e + 4 Hz, fi = nu_i) with a smaller error. By the delta method
     * the SD of that rate is sqrt(g' (J'J)^-1 J' S J (J'J)^-1 g) unweighted and sqrt(g' (J' S^-1 J)^-1 g)
     * weighted (J = dF/dP at the samples, g at the operating point, S = diag(SE^2)); over 20 draws
     * the RMS errors must be within 40 % of those predictions and the weighted one smaller.
     */
    @Test
    void weightingByStandardErrorsEstimatesTheOperatingPointBetter() {
        double countedTime = 9;
        int seeds = 4;
        double[][] operatingPoint = {{1.2307 + 4}, {7.7312}};
        double[][] points = grid();
        for (String cell : List.of("HH_RS", "HH_FS")) {
            TransferFunction truth = TransferFunctionTest.published(cell);
            double[] rates = rates(truth, points);
            double[] se = new double[rates.length];
            for (int i = 0; i < se.length; i++) {
                se[i] = Math.sqrt(Math.max(rates[i], 1 / (seeds * countedTime)) / (seeds * countedTime));
            }
            double target = truth.rate(operatingPoint[0][0], operatingPoint[1][0]);
            int draws = 20;
            double unweightedSquares = 0;
            double weightedSquares = 0;
            SplittableRandom rng = new SplittableRandom(11);
            for (int d = 0; d < draws; d++) {
                double[] noisy = new double[rates.length];
                for (int i = 0; i < rates.length; i++) {
                    noisy[i] = Math.max(0, rates[i] + se[i] * gaussian(rng));
                }
                TransferFit.Result u = TransferFit.fit(cell, truth.model(), points[0], points[1], noisy, false);
                TransferFit.Result w = TransferFit.fit(cell, truth.model(), points[0], points[1], null, noisy, se, false);
                double eu = new TransferFunction(truth.model(), u.coefficients()).rate(operatingPoint[0][0],
                        operatingPoint[1][0]) - target;
                double ew = new TransferFunction(truth.model(), w.coefficients()).rate(operatingPoint[0][0],
                        operatingPoint[1][0]) - target;
                unweightedSquares += eu * eu;
                weightedSquares += ew * ew;
            }
            double unweightedRms = Math.sqrt(unweightedSquares / draws);
            double weightedRms = Math.sqrt(weightedSquares / draws);
            RealMatrix j = jacobian(truth, points);
            RealMatrix g = jacobian(truth, operatingPoint);
            RealMatrix s = new Array2DRowRealMatrix(se.length, se.length);
            RealMatrix sInverse = new Array2DRowRealMatrix(se.length, se.length);
            for (int i = 0; i < se.length; i++) {
                s.setEntry(i, i, se[i] * se[i]);
                sInverse.setEntry(i, i, 1 / (se[i] * se[i]));
            }
            RealMatrix jtjInverse = new LUDecomposition(j.transpose().multiply(j)).getSolver().getInverse();
            RealMatrix sandwich = jtjInverse.multiply(j.transpose()).multiply(s).multiply(j).multiply(jtjInverse);
            double unweightedSd = Math.sqrt(g.multiply(sandwich).multiply(g.transpose()).getEntry(0, 0));
            RealMatrix gls = new LUDecomposition(j.transpose().multiply(sInverse).multiply(j)).getSolver().getInverse();
            double weightedSd = Math.sqrt(g.multiply(gls).multiply(g.transpose()).getEntry(0, 0));
            System.out.printf("%s at the operating point (F = %.3f Hz): RMS error unweighted %.4f Hz (predicted %.4f),"
                    + " weighted %.4f Hz (predicted %.4f)%n", cell, target, unweightedRms, unweightedSd, weightedRms,
                    weightedSd);
            assertEquals(unweightedSd, unweightedRms, 0.4 * unweightedSd, cell + " unweighted");
            assertEquals(weightedSd, weightedRms, 0.4 * weightedSd, cell + " weighted");
            assertTrue(weightedRms < unweightedRms, cell + ": weighted " + weightedRms + " vs " + unweightedRms);
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void refusesDataThatCannotBeFitted() {
        FluctuationModel model = TransferFunctionTest.published("HH_RS").model();
        double[][] points = grid();
        double[] zeros = new double[points[0].length];
        ParameterException e = assertThrows(ParameterException.class,
                () -> TransferFit.fit("HH_RS", model, points[0], points[1], zeros, false));
        assertTrue(e.getMessage().contains("every fout_hz of cell HH_RS is 0"), e.getMessage());

        e = assertThrows(ParameterException.class,
                () -> TransferFit.fit("HH_RS", model, new double[0], new double[0], new double[0], false));
        assertTrue(e.getMessage().contains("0 samples cannot determine 10 coefficients"), e.getMessage());

        e = assertThrows(ParameterException.class, () -> TransferFit.fit("HH_RS", model, new double[] {1, 2, 3},
                new double[] {1, 1, 1}, new double[] {0, 1, 2}, false));
        assertTrue(e.getMessage().contains("3 samples cannot determine 10 coefficients"), e.getMessage());
        // negative, infinite or missing rates are refused with their row when the sample table is read
        // (TransferSamples.column, InputTableTest)
    }
}
