package org.neuromf.core.cell;

/**
 * Rate functions of the Traub-Miles sodium/potassium channels and Pospischil's M current, in the
 * units they are published in: V and VT in mV, rates in 1/ms, times in ms.
 *
 * <p>am, bm and an have the form {@code c x / (exp(x/k) - 1)}, a 0/0 at x = 0 whose limit is
 * {@code c k}. {@link #linoid} evaluates it with {@code expm1}, exact to rounding near the
 * singularity too, so no NaN arises anywhere.
 */
public final class HodgkinHuxleyRates {

    /**
     * The largest {@link #tauP} over V (ms): 400 / min(3.3 e^x + e^-x) = 400 / (2 sqrt(3.3)), about
     * 110 ms, at (V + 35)/20 = -ln(3.3)/2, V = -46.9 mV.
     */
    public static final double TAU_P_MAX = 400 / (2 * Math.sqrt(3.3));

    private HodgkinHuxleyRates() {
    }

    /** {@code x / (exp(x/k) - 1)}, continuous through x = 0 where it equals k. */
    public static double linoid(double x, double k) {
        double u = x / k;
        if (Math.abs(u) < 1e-8) {
            return k * (1 - u / 2);
        }
        return x / Math.expm1(u);
    }

    public static double alphaM(double v, double vT) {
        return 0.32 * linoid(13 - v + vT, 4);
    }

    public static double betaM(double v, double vT) {
        return 0.28 * linoid(v - vT - 40, 5);
    }

    public static double alphaH(double v, double vT) {
        return 0.128 * Math.exp((17 - v + vT) / 18);
    }

    public static double betaH(double v, double vT) {
        return 4 / (1 + Math.exp((40 - v + vT) / 5));
    }

    public static double alphaN(double v, double vT) {
        return 0.032 * linoid(15 - v + vT, 5);
    }

    public static double betaN(double v, double vT) {
        return 0.5 * Math.exp((10 - v + vT) / 40);
    }

    public static double pInf(double v) {
        return 1 / (1 + Math.exp(-(v + 35) / 10));
    }

    /** Time constant of the M-current gate p (ms). */
    public static double tauP(double v) {
        return 400 / (3.3 * Math.exp((v + 35) / 20) + Math.exp(-(v + 35) / 20));
    }
}
