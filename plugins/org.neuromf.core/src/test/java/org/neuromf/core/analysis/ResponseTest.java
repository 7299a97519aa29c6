package org.neuromf.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The response measures against closed forms: an exponential relaxation, a Gaussian pulse, the mean's error. */
class ResponseTest {

    /**
     * A step from 1 to a plateau of 2 Hz (drive from 200 to 800 ms, 1 ms bins) whose rate jumps to
     * 5 Hz and relaxes to the plateau with tau = 60 ms. The 25-bin moving average (bins k-12 to
     * k+12) peaks at 212 ms, where its window first lies wholly inside the step: 2 + 3 S / 25, with
     * S = sum_{m=0}^{24} e^(-m/tau) = (1 - e^(-25/tau)) / (1 - e^(-1/tau)). The overshoot ratio is
     * (peak - 1) / (plateau - 1), the plateau 2 to 3 e^(-400/60) = 4e-3. The relaxation time is the
     * area from 212 ms over the peak's height: 3 e^(-12/tau) / (1 - e^(-1/tau)) over 3 S / 25, which
     * is tau to within the rectangle rule's +1/2 bin and the window's average against the value at
     * its centre, -0.7 %: 1.5 % of tau.
     */
    @Test
    void anExponentialRelaxationGivesItsTimeConstant() {
        double tau = 60;
        double[] drive = new double[1000];
        double[] rate = new double[1000];
        for (int k = 0; k < rate.length; k++) {
            boolean on = k >= 200 && k < 800;
            drive[k] = on ? 5 : 4;
            rate[k] = on ? 2 + 3 * Math.exp(-(k - 200) / tau) : 1;
        }
        Response.Step s = Response.step(rate, drive, 1);
        double sum = (1 - Math.exp(-25 / tau)) / (1 - Math.exp(-1 / tau));
        double peak = 2 + 3 * sum / 25;
        assertEquals(peak - 1, s.overshootRatio(), 5e-3 * (peak - 1), "overshoot ratio");
        assertEquals(tau, s.relaxationTime(), 0.015 * tau, "relaxation time (ms)");
    }

    /** A monotonic rise to the plateau does not overshoot: ratio 1 within the smoothing's, no relaxation time. */
    @Test
    void aMonotonicRiseHasNoRelaxationTime() {
        double[] drive = new double[1000];
        double[] rate = new double[1000];
        for (int k = 0; k < rate.length; k++) {
            boolean on = k >= 200 && k < 800;
            drive[k] = on ? 5 : 4;
            rate[k] = on ? 2 - Math.exp(-(k - 200) / 40.0) : 1;
        }
        Response.Step s = Response.step(rate, drive, 1);
        assertEquals(1, s.overshootRatio(), 1e-3);
        assertTrue(Double.isNaN(s.relaxationTime()));
    }

    /**
     * A symmetric pulse, baseline 1 Hz plus a Gaussian of height 2 Hz centred at 1000 ms (SD 80 ms),
     * in 5 ms bins from 500 ms: the centre above half the rise is the Gaussian's centre, 1002.5 ms at
     * the bins' midpoints (the 10-bin average is centred half a bin late); the rise is the smoothed
     * height, 2 times the mean of the Gaussian over the 50 ms window (0.976 of its peak, by the
     * average of exp(-t^2 / (2 80^2)) over t in [-25, 20] ms in 5 ms steps).
     */
    @Test
    void aGaussianPulsePeaksAtItsCentre() {
        int n = 300;
        double[] drive = new double[n];
        double[] rate = new double[n];
        for (int k = 0; k < n; k++) {
            double t = 500 + (k + 0.5) * 5;
            drive[k] = 4 + 1.5 * Math.exp(-(t - 1000) * (t - 1000) / (2 * 80.0 * 80.0));
            rate[k] = 1 + 2 * Math.exp(-(t - 1000) * (t - 1000) / (2 * 80.0 * 80.0));
        }
        Response.Pulse p = Response.pulse(rate, drive, 500, 5, 1200);
        assertEquals(1002.5, p.peakTime(), 1.0, "peak time (ms)");
        double window = 0;
        for (int j = -5; j < 5; j++) {
            window += Math.exp(-(j * 5 + 2.5) * (j * 5 + 2.5) / (2 * 80.0 * 80.0)) / 10;
        }
        assertEquals(2 * window, p.peakRise(), 0.01, "peak rise (Hz)");
    }

    /**
     * For the mean of n values the jackknife error is exactly the standard error of the mean, the
     * sample SD over sqrt(n); below 3 seeds there is none. Values 1, 2, 4, 8: mean 3.75, sample
     * variance 9.5833, SE 1.5478.
     */
    @Test
    void theJackknifeErrorOfAMeanIsItsStandardError() {
        List<double[]> seeds = new ArrayList<>();
        for (double x : new double[] {1, 2, 4, 8}) {
            seeds.add(new double[] {x});
        }
        double se = Math.sqrt((Math.pow(1 - 3.75, 2) + Math.pow(2 - 3.75, 2) + Math.pow(4 - 3.75, 2)
                + Math.pow(8 - 3.75, 2)) / 3 / 4);
        assertEquals(se, Response.jackknifeError(seeds, s -> Response.seedMean(s)[0]), 1e-12);
        assertTrue(Double.isNaN(Response.jackknifeError(seeds.subList(0, 2), s -> Response.seedMean(s)[0])));
    }
}
