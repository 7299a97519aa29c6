package org.neuromf.core.simulation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.neuromf.core.cell.HodgkinHuxleyRates;

/**
 * The step coefficients of the four HH gates (see {@link #exactCoefficients}) tabulated every
 * {@value #STEP_MV} mV over [{@value #V_MIN_MV}, {@value #V_MAX_MV}] mV for one VT, dt and
 * integrator, and interpolated linearly.
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

    /** The bytes building one table takes: its data and the raw coefficients it is made from. */
    static final double BYTES = 8.0 * (STRIDE + 8) * (Math.round((V_MAX_MV - V_MIN_MV) / STEP_MV) + 1);

    private static final Map<String, GatingTable> CACHE = new ConcurrentHashMap<>();

    /** Lowest tabulated V (V). */
    final double vMin = V_MIN_MV * 1e-3;
    /** Grid points per volt. */
    final double pointsPerVolt = 1e3 / STEP_MV;
    /** Number of intervals: a lookup at u in [0, intervals) interpolates between points floor(u) and floor(u)+1. */
    final int intervals;
    final double[] data;

    private final Integrator integrator;

    private GatingTable(double vTMv, double dtMs, Integrator integrator) {
        this.integrator = integrator;
        intervals = (int) Math.round((V_MAX_MV - V_MIN_MV) / STEP_MV);
        int points = intervals + 1;
        double[] raw = new double[points * 8];
        for (int k = 0; k < points; k++) {
            exactCoefficients(V_MIN_MV + k * STEP_MV, vTMv, dtMs, integrator, raw, 8 * k);
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

    /** The table for this VT (V), dt (s) and integrator, built once and shared. */
    public static GatingTable of(double vT, double dt, Integrator integrator) {
        double vTMv = vT * 1e3;
        double dtMs = dt * 1e3;
        return CACHE.computeIfAbsent(vTMv + "/" + dtMs + "/" + integrator,
                k -> new GatingTable(vTMv, dtMs, integrator));
    }

    /**
     * The coefficients of the four gates over one step {@code dtMs} with the rates frozen at V
     * (mV): the new value of gate x is {@code A + F x}, with {@code F = decay(dt/tau_x)} and
     * {@code A = x_inf (1 - F)}. Writes A_m, F_m, A_h, F_h, A_n, F_n, A_p, F_p into
     * {@code out[offset..offset+7]}.
     */
    public static void exactCoefficients(double v, double vT, double dtMs, Integrator integrator, double[] out,
            int offset) {
        gate(HodgkinHuxleyRates.alphaM(v, vT), HodgkinHuxleyRates.betaM(v, vT), dtMs, integrator, out, offset);
        gate(HodgkinHuxleyRates.alphaH(v, vT), HodgkinHuxleyRates.betaH(v, vT), dtMs, integrator, out, offset + 2);
        gate(HodgkinHuxleyRates.alphaN(v, vT), HodgkinHuxleyRates.betaN(v, vT), dtMs, integrator, out, offset + 4);
        double z = dtMs / HodgkinHuxleyRates.tauP(v);
        out[offset + 6] = HodgkinHuxleyRates.pInf(v) * integrator.gain(z);
        out[offset + 7] = integrator.decay(z);
    }

    private static void gate(double alpha, double beta, double dtMs, Integrator integrator, double[] out, int offset) {
        double rate = alpha + beta;
        double z = dtMs * rate;
        out[offset] = alpha / rate * integrator.gain(z);
        out[offset + 1] = integrator.decay(z);
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
            exactCoefficients(v * 1e3, vT * 1e3, dt * 1e3, integrator, out, 0);
        }
    }
}
