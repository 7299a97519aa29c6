package org.neuromf.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ExpTest {

    private static final MathContext MC = new MathContext(40);
    private static final BigDecimal LN2 = new BigDecimal("0.693147180559945309417232121458176568075500134360255254");

    /** e^y by its Taylor series in decimal arithmetic (|y| below about 1), to the precision of MC. */
    private static BigDecimal exact(BigDecimal y) {
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int i = 1; term.signum() != 0 && term.abs().compareTo(sum.ulp()) >= 0; i++) {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(i), MC);
            sum = sum.add(term, MC);
        }
        return sum;
    }

    /** e^x exactly: (e^(x/1024))^1024, the series converging fast for |x/1024| < 1. */
    private static BigDecimal exact(double x) {
        return exact(new BigDecimal(x).divide(BigDecimal.valueOf(1024), MC)).pow(1024, MC);
    }

    @Test
    void theTableHoldsTwoToTheJOver256AsComputedInDecimal() {
        BigDecimal ln2OverSize = LN2.divide(BigDecimal.valueOf(Exp.SIZE), MC);
        assertEquals(Double.longBitsToDouble(Double.doubleToRawLongBits(ln2OverSize.doubleValue()) & 0xFFFF_FFFF_F000_0000L),
                Exp.LN2_OVER_SIZE_HI);
        assertEquals(ln2OverSize.subtract(new BigDecimal(Exp.LN2_OVER_SIZE_HI)).doubleValue(), Exp.LN2_OVER_SIZE_LO);
        // 2^(j/256) as powers of 2^(1/256): 255 products at 40 digits lose far less than the 32 digits kept
        BigDecimal step = exact(ln2OverSize);
        BigDecimal power = BigDecimal.ONE;
        for (int j = 0; j < Exp.SIZE; j++, power = power.multiply(step, MC)) {
            double rounded = power.doubleValue();
            assertEquals(Double.doubleToRawLongBits(rounded), Exp.POWER_BITS[j], "2^(" + j + "/256)");
            double remainder = power.subtract(new BigDecimal(rounded)).divide(new BigDecimal(rounded), MC).doubleValue();
            assertEquals(Double.doubleToRawLongBits(remainder), Double.doubleToRawLongBits(Exp.POWER_REMAINDER[j]),
                    "remainder of 2^(" + j + "/256)");
        }
        assertEquals(Exp.SIZE, Exp.POWER_BITS.length);
        assertEquals(Exp.SIZE, Exp.POWER_REMAINDER.length);
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
