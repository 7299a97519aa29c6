package org.neuromf.core.transfer;

import org.apache.commons.math3.special.Erf;

/**
 * The complementary error function, fast: for z >= 0, {@code erfc(z) = t exp(-z^2 + g(t))} with
 * {@code t = 2/(2+z)}, where g is smooth on [0, 1] and is evaluated from a Chebyshev expansion
 * whose coefficients are computed once from Commons Math's erfc (and its asymptotic series far in
 * the tail); {@code erfc(-z) = 2 - erfc(z)}. About ten times faster than {@link Erf#erfc}, which
 * sums a continued fraction at every call; the tests bound the relative difference.
 */
final class Erfc {

    private static final int TERMS = 24;
    private static final double[] COEFFICIENTS = coefficients();

    private Erfc() {
    }

    static double erfc(double z) {
        if (z < 0) {
            return 2 - erfc(-z);
        }
        if (z > 27.3) { // erfc(27.3) < 1e-325: below the smallest double
            return 0;
        }
        double t = 2 / (2 + z);
        return t * Math.exp(-z * z + chebyshev(2 * t - 1));
    }

    /** Clenshaw's recurrence for sum' c_k T_k(y). */
    private static double chebyshev(double y) {
        double b1 = 0;
        double b2 = 0;
        double y2 = 2 * y;
        for (int k = TERMS - 1; k >= 1; k--) {
            double b = y2 * b1 - b2 + COEFFICIENTS[k];
            b2 = b1;
            b1 = b;
        }
        return y * b1 - b2 + COEFFICIENTS[0] / 2;
    }

    /** g(t) = ln(erfc(z)) + z^2 - ln(t), z = 2/t - 2. */
    private static double g(double t) {
        double z = 2 / t - 2;
        if (z < 20) {
            return Math.log(Erf.erfc(z)) + z * z - Math.log(t);
        }
        // erfc(z) = exp(-z^2) / (z sqrt(pi)) (1 - 1/(2z^2) + 3/(2z^2)^2 - 15/(2z^2)^3 + ...), error < 1e-14 here
        double x = 1 / (2 * z * z);
        double series = 1 - x * (1 - 3 * x * (1 - 5 * x * (1 - 7 * x * (1 - 9 * x * (1 - 11 * x)))));
        return Math.log(series / (z * Math.sqrt(Math.PI))) - Math.log(t);
    }

    /** Chebyshev coefficients of g on t in [0, 1] from its values at the Chebyshev nodes. */
    private static double[] coefficients() {
        int n = 2 * TERMS;
        double[] values = new double[n];
        for (int j = 0; j < n; j++) {
            double y = Math.cos(Math.PI * (j + 0.5) / n);
            values[j] = g((y + 1) / 2);
        }
        double[] c = new double[TERMS];
        for (int k = 0; k < TERMS; k++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += values[j] * Math.cos(Math.PI * k * (j + 0.5) / n);
            }
            c[k] = 2 * sum / n;
        }
        return c;
    }
}
