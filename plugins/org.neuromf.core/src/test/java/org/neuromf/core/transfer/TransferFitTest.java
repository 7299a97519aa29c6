package org.neuromf.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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

    private static double[] standardErrors(TransferFunction truth, double[][] points, double sigma) {
        int[] active = {0, 1, 2, 3, 5, 6, 7, 8, 9, 10};
        int n = points[0].length;
        double[][] j = new double[n][active.length];
        double h = 1e-7;
        for (int c = 0; c < active.length; c++) {
            double[] up = truth.coefficients().p();
            double[] down = truth.coefficients().p();
            up[active[c]] += h;
            down[active[c]] -= h;
            TransferFunction a = new TransferFunction(truth.model(), TransferCoefficients.of("up", up, false));
            TransferFunction b = new TransferFunction(truth.model(), TransferCoefficients.of("down", down, false));
            for (int i = 0; i < n; i++) {
                j[i][c] = (a.rate(points[0][i], points[1][i]) - b.rate(points[0][i], points[1][i])) / (2 * h);
            }
        }
        RealMatrix jm = new Array2DRowRealMatrix(j, false);
        RealMatrix covariance = new LUDecomposition(jm.transpose().multiply(jm)).getSolver().getInverse()
                .scalarMultiply(sigma * sigma);
        double[] se = new double[TransferCoefficients.COUNT];
        for (int c = 0; c < active.length; c++) {
            se[active[c]] = Math.sqrt(covariance.getEntry(c, c));
        }
        return se;
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
