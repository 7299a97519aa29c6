package org.neuromf.core.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromf.core.simulation.Integrator.EXPONENTIAL_EULER;

import org.junit.jupiter.api.Test;
import org.neuromf.core.simulation.GatingTable;

class HodgkinHuxleyRatesTest {

    private static final double VT = -53.5;

    @Test
    void removableSingularitiesGiveTheirLimits() {
        // am at 13 - V + VT = 0, bm at V - VT - 40 = 0, an at 15 - V + VT = 0 (MODEL.md: 1.28, 1.4, 0.16 /ms)
        assertEquals(1.28, HodgkinHuxleyRates.alphaM(13 + VT, VT), 1e-15);
        assertEquals(1.4, HodgkinHuxleyRates.betaM(VT + 40, VT), 1e-15);
        assertEquals(0.16, HodgkinHuxleyRates.alphaN(15 + VT, VT), 1e-15);
    }

    @Test
    void ratesAreContinuousThroughTheSingularities() {
        java.util.List<java.util.function.DoubleUnaryOperator> rates = java.util.List.of(
                v -> HodgkinHuxleyRates.alphaM(v, VT), v -> HodgkinHuxleyRates.betaM(v, VT), v -> HodgkinHuxleyRates.alphaN(v, VT));
        double[] singular = {13 + VT, VT + 40, 15 + VT};
        for (int i = 0; i < 3; i++) {
            double atSingularity = rates.get(i).applyAsDouble(singular[i]);
            for (double eps : new double[] {1e-12, 1e-9, 1e-6, 1e-3}) {
                for (double v : new double[] {singular[i] - eps, singular[i] + eps}) {
                    double r = rates.get(i).applyAsDouble(v);
                    assertTrue(Double.isFinite(r));
                    // c x/(exp(x/k)-1) has slope -c/2 at x = 0 (at most 0.16 per mV here)
                    assertEquals(atSingularity, r, 0.2 * eps + 1e-14, "V = " + v);
                }
            }
        }
    }

    /** tau_p peaks where its closed form says; m, h and n stay below 10 ms (measured: 0.12, 6.0, 1.7 ms). */
    @Test
    void theMCurrentIsTheSlowestGate() {
        double largest = 0;
        double at = Double.NaN;
        double gates = 0;
        for (double v = -150; v <= 100; v += 0.001) {
            double tauP = HodgkinHuxleyRates.tauP(v);
            if (tauP > largest) {
                largest = tauP;
                at = v;
            }
            gates = Math.max(gates, 1 / (HodgkinHuxleyRates.alphaM(v, VT) + HodgkinHuxleyRates.betaM(v, VT)));
            gates = Math.max(gates, 1 / (HodgkinHuxleyRates.alphaH(v, VT) + HodgkinHuxleyRates.betaH(v, VT)));
            gates = Math.max(gates, 1 / (HodgkinHuxleyRates.alphaN(v, VT) + HodgkinHuxleyRates.betaN(v, VT)));
        }
        assertEquals(HodgkinHuxleyRates.TAU_P_MAX, largest, 1e-9 * largest);
        assertEquals(-35 - 10 * Math.log(3.3), at, 1e-3);
        assertEquals(110.1, largest, 0.05);
        assertTrue(gates < 10, "m, h and n at most " + gates + " ms");
    }

    @Test
    void noNaNOverTheWholeVoltageRange() {
        double[] out = new double[8];
        for (double v = -200; v <= 200; v += 0.001) {
            GatingTable.exactCoefficients(v, VT, 0.1, EXPONENTIAL_EULER, out, 0);
            for (double c : out) {
                assertTrue(Double.isFinite(c) && c >= 0 && c <= 1, "coefficient " + c + " at V = " + v);
            }
        }
    }

    @Test
    void steadyStateIsTheFixedPointOfTheStep() {
        // with x = x_inf, one step leaves x unchanged: A + F x_inf = x_inf
        double v = -60;
        double am = HodgkinHuxleyRates.alphaM(v, VT);
        double bm = HodgkinHuxleyRates.betaM(v, VT);
        double mInf = am / (am + bm);
        double[] out = new double[8];
        GatingTable.exactCoefficients(v, VT, 0.1, EXPONENTIAL_EULER, out, 0);
        assertEquals(mInf, out[0] + out[1] * mInf, 1e-15);
        double pInf = HodgkinHuxleyRates.pInf(v);
        assertEquals(pInf, out[6] + out[7] * pInf, 1e-15);
        assertEquals(Math.exp(-0.1 / HodgkinHuxleyRates.tauP(v)), out[7], 1e-15);
    }
}
