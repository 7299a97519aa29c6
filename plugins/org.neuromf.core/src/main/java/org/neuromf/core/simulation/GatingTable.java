package org.neuromf.core.simulation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.neuromf.core.cell.HodgkinHuxleyRates;

/**
 * The exponential-Euler coefficients of the four HH gates (see
 * {@link HodgkinHuxleyRates#stepCoefficients}) tabulated every {@value #STEP_MV} mV over
 * [{@value #V_MIN_MV}, {@value #V_MAX_MV}] mV for one VT and dt, and interpolated linearly.
 *
 * <p>Each grid point holds, for m, h, n, p in turn, A, the slope of A to the next point, F and the
 * slope of F: 16 doubles, so one lookup reads one contiguous stretch. Linear interpolation errs by
 * at most h^2/8 max|f''|; over the grid the largest error of any coefficient is measured in the
 * tests (about 2e-8 at dt = 0.1 ms), far below the change of a gate in one step.
 */
public final class GatingTable {

    public static final double V_MIN_MV = -120;
    public static final double V_MAX_MV = 80;
    public static final double STEP_MV = 0.01;
    static final int STRIDE = 16;

    private static final Map<String, GatingTable> CACHE = new ConcurrentHashMap<>();

    /** Lowest tabulated V (V). */
    final double vMin = V_MIN_MV * 1e-3;
    /** Grid points per volt. */
    final double pointsPerVolt = 1e3 / STEP_MV;
    /** Number of intervals: a lookup at u in [0, intervals) interpolates between points floor(u) and floor(u)+1. */
    final int intervals;
    final double[] data;

    private GatingTable(double vTMv, double dtMs) {
        intervals = (int) Math.round((V_MAX_MV - V_MIN_MV) / STEP_MV);
        int points = intervals + 1;
        double[] raw = new double[points * 8];
        for (int k = 0; k < points; k++) {
            HodgkinHuxleyRates.stepCoefficients(V_MIN_MV + k * STEP_MV, vTMv, dtMs, raw, 8 * k);
        }
        data = new double[points * STRIDE];
        for (int k = 0; k < points; k++) {
            for (int c = 0; c < 8; c++) {
                double value = raw[8 * k + c];
                double next = k + 1 < points ? raw[8 * (k + 1) + c] : value;
                data[STRIDE * k + 2 * c] = value;
                data[STRIDE * k + 2 * c + 1] = next - value;
            }
        }
    }

    /** The table for this VT (V) and dt (s), built once and shared. */
    public static GatingTable of(double vT, double dt) {
        double vTMv = vT * 1e3;
        double dtMs = dt * 1e3;
        return CACHE.computeIfAbsent(vTMv + "/" + dtMs, k -> new GatingTable(vTMv, dtMs));
    }

    /**
     * The eight coefficients A_m, F_m, A_h, F_h, A_n, F_n, A_p, F_p at V (V) into {@code out}:
     * interpolated inside the table, computed exactly outside it.
     */
    public void coefficients(double v, double vT, double dt, double[] out) {
        double u = (v - vMin) * pointsPerVolt;
        if (u >= 0 && u < intervals) {
            int k = (int) u;
            double fraction = u - k;
            int base = STRIDE * k;
            for (int c = 0; c < 8; c++) {
                out[c] = data[base + 2 * c] + fraction * data[base + 2 * c + 1];
            }
        } else {
            HodgkinHuxleyRates.stepCoefficients(v * 1e3, vT * 1e3, dt * 1e3, out, 0);
        }
    }
}
