package org.neuromf.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ExpTest {

    private static final MathContext MC = new MathContext(40);

    /** e^x exactly: (e^(x/1024))^1024, the series converging fast for |x/1024| < 1. */
    private static BigDecimal exact(double x) {
        return Exp.exact(new BigDecimal(x).divide(BigDecimal.valueOf(1024), MC), MC).pow(1024, MC);
    }

    private static double ulpError(double x) {
        double value = Exp.exp(x);
        return new BigDecimal(value).subtract(exact(x)).abs().divide(new BigDecimal(Math.ulp(value)), MC).doubleValue();
    }

    @Test
    void withinOneUlpOfTheExactValue() {
        SplittableRandom rng = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 4000; i++) {
            // the simulators' range (decays exp(-z), z up to a few tens) and the whole fast range
            double x = i % 2 == 0 ? -30 * rng.nextDouble() : 1400 * rng.nextDouble() - 700;
            worst = Math.max(worst, ulpError(x));
        }
        // the table and the polynomial err by about 0.5 ulp each at most; the final sum rounds once more
        assertTrue(worst < 1, "worst error " + worst + " ulp");
    }

    @Test
    void withinOneUlpAtZeroAndAtTheEdgesOfTheTableAndTheRange() {
        assertEquals(1.0, Exp.exp(0.0));
        assertEquals(2.0, Exp.exp(Math.log(2)), Math.ulp(2.0));
        for (double x : new double[] {699.9, -699.9, 1e-300, -1e-12, Math.log(2) / 512, -Math.log(2) / 512}) {
            assertTrue(ulpError(x) < 1, "x = " + x);
        }
    }

    @Test
    void outsideTheFastRangeItIsMathExp() {
        for (double x : new double[] {700, -700, 709.7, -745, -800, 800, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            assertEquals(Math.exp(x), Exp.exp(x), "x = " + x);
        }
    }

    @Test
    void agreesWithStrictMathToOneUlp() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double x = -50 * rng.nextDouble();
            double a = Exp.exp(x);
            double b = StrictMath.exp(x);
            assertTrue(Math.abs(a - b) <= Math.ulp(b), "x = " + x + ": " + a + " against " + b);
        }
    }
}
