package org.neuromf.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.simulation.ShotNoiseSimulator.Protocol;
import org.neuromf.core.util.Progress;

/**
 * The presynaptic input models of a transfer-function scan against closed forms: the shifted-gamma
 * intervals, their stationary start, the binomial in-degree, and the conductance a superposition of
 * renewal trains makes (its variance from the trains' power spectrum).
 */
class PresynapticInputTest {

    private static final SpikeTrainModel MODEL = new SpikeTrainModel(0.012, 1.6);
    private static final double RATE = 7.7;

    @Test
    void intervalsHaveTheModelsMeanAndCv() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 400_000;
        double s = 0, s2 = 0, first = 0;
        for (int i = 0; i < n; i++) {
            double x = MODEL.interval(rng, RATE);
            s += x;
            s2 += x * x;
            first += MODEL.firstInterval(rng, RATE);
        }
        double mean = s / n;
        double cv = Math.sqrt(s2 / n - mean * mean) / mean;
        assertEquals(1 / RATE, mean, 0.005 / RATE);
        assertEquals((1 - RATE * 0.012) / Math.sqrt(1.6), cv, 0.005);
        assertEquals(MODEL.cv(RATE), cv, 0.005);
        // forward recurrence time of a stationary renewal process: E[X^2] / (2 E[X])
        double secondMoment = (1 + MODEL.cv(RATE) * MODEL.cv(RATE)) / (RATE * RATE);
        assertEquals(secondMoment * RATE / 2, first / n, 0.01 * secondMoment * RATE / 2);
    }

    @Test
    void theShiftedGammaOfMeasuredMomentsIsTheOneThatMadeThem() {
        double shape = 2.5;
        double scale = 0.03;
        double dead = 0.008;
        SpikeTrainModel m = SpikeTrainModel.fromIntervals(dead + shape * scale, Math.sqrt(shape) * scale,
                2 / Math.sqrt(shape));
        assertEquals(dead, m.refractory(), 1e-12);
        assertEquals(shape, m.shape(), 1e-9);
        // less skewed than the gamma of that CV (skewness 2 CV): no dead time, the shape from the CV
        SpikeTrainModel p = SpikeTrainModel.fromIntervals(0.1, 0.09, 1.0);
        assertEquals(0, p.refractory());
        assertEquals(1 / (0.9 * 0.9), p.shape(), 1e-9);
    }

    @Test
    void binomialInDegreesHaveTheNetworksMeanAndVariance() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 20_000;
        double s = 0, s2 = 0;
        for (int i = 0; i < n; i++) {
            double k = PresynapticInput.inDegree(100, 2000, rng);
            s += k;
            s2 += k * k;
        }
        double mean = s / n;
        assertEquals(100, mean, 0.3); // SE 9.7 / sqrt(20000) = 0.07
        assertEquals(2000 * 0.05 * 0.95, s2 / n - mean * mean, 4); // SE about 95 sqrt(2 / 20000) = 1
        assertEquals(100, PresynapticInput.inDegree(100, 0, rng), 0, "no sources given: the fixed in-degree");
    }

    /**
     * Shot noise from K renewal trains: Var(G) = K Q^2 (tau/pi) int_0^(pi/2) S(tan(u)/tau) du with the
     * train's spectrum S(w) = nu Re[(1 + phi(w)) / (1 - phi(w))], phi the characteristic function of
     * the intervals, exp(i w d) (1 - i w theta)^-k for the shifted gamma. For Poisson S = nu and
     * this is Campbell's K nu Q^2 tau / 2. The regular inhibitory trains of a network lower it.
     */
    @Test
    void renewalShotNoiseHasTheVarianceOfItsSpectrum() {
        SynapticInput input = SynapticInput.onto(org.neuromf.core.network.NetworkBuilder.fromConfig(
                "HH_RS--HH_FS--CONFIG1"), 0);
        Protocol p = Protocol.fast(1e-4, 20, 0.5);
        PresynapticInput renewal = new PresynapticInput(SpikeTrainModel.POISSON, MODEL, 0, 0, 0);
        Measurement r = ShotNoiseSimulator.measure(CellPresets.get("LIF"), input, renewal, 4, RATE, 0, 20, 1, p,
                Progress.NONE);
        Measurement poisson = ShotNoiseSimulator.measure(CellPresets.get("LIF"), input, PresynapticInput.POISSON, 4,
                RATE, 0, 20, 1, p, Progress.NONE);
        double tau = input.ti();
        double campbell = input.ki() * RATE * input.qi() * input.qi() * tau / 2;
        double expected = input.ki() * input.qi() * input.qi() * tau / Math.PI * spectrumIntegral(tau);
        assertTrue(expected < 0.95 * campbell, "these trains are regular enough to matter: " + expected / campbell);
        // the sample variance over 20 x 19.5 s has a relative SE of about 1 %
        assertEquals(expected, r.sGi() * r.sGi(), 0.03 * expected);
        assertEquals(campbell, poisson.sGi() * poisson.sGi(), 0.03 * campbell);
        assertEquals(input.ki() * RATE * input.qi() * tau, r.muGi(), 0.01 * r.muGi(), "the mean is Campbell's");
    }

    /** int_0^(pi/2) S(tan(u)/tau) du by the midpoint rule. */
    private static double spectrumIntegral(double tau) {
        int n = 200_000;
        double theta = (1 / RATE - MODEL.refractory()) / MODEL.shape();
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double u = (j + 0.5) * (Math.PI / 2) / n;
            double w = Math.tan(u) / tau;
            // phi = exp(i w d) (1 - i w theta)^-k, in polar form
            double modulus = Math.pow(1 + w * w * theta * theta, -MODEL.shape() / 2);
            double phase = w * MODEL.refractory() + MODEL.shape() * Math.atan(w * theta);
            double re = modulus * Math.cos(phase);
            double im = modulus * Math.sin(phase);
            // Re[(1 + phi) / (1 - phi)] = (1 - |phi|^2) / |1 - phi|^2
            double s = RATE * (1 - modulus * modulus) / ((1 - re) * (1 - re) + im * im);
            sum += s;
        }
        return sum * (Math.PI / 2) / n;
    }
}
