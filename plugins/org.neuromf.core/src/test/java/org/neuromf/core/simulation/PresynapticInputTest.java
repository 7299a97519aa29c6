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

    private static final SpikeTrainModel.ShiftedGamma MODEL = new SpikeTrainModel.ShiftedGamma(0.012, 1.6);
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
    void empiricalIntervalsAreDrawnFromTheirSampleAtAnyRate() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] sample = new double[3000];
        double s1 = 0, s2 = 0;
        for (int i = 0; i < sample.length; i++) {
            sample[i] = 50 * MODEL.interval(rng, RATE); // any unit: only the shape counts
            s1 += sample[i];
            s2 += sample[i] * sample[i];
        }
        double mean = s1 / sample.length;
        double cv = Math.sqrt(s2 / sample.length - mean * mean) / mean;
        SpikeTrainModel.Empirical m = SpikeTrainModel.Empirical.of(sample);
        assertEquals(cv, m.cv(RATE), 1e-9);
        int n = 400_000;
        double s = 0, first = 0;
        for (int i = 0; i < n; i++) {
            s += m.interval(rng, RATE);
            first += m.firstInterval(rng, RATE);
        }
        assertEquals(1 / RATE, s / n, 0.005 / RATE);
        double secondMoment = (1 + cv * cv) / (RATE * RATE);
        assertEquals(secondMoment * RATE / 2, first / n, 0.01 * secondMoment * RATE / 2);
    }

    /** The output's unit sample: every interval over its repetition's mean, so its CV^2 is the interval-weighted CV^2. */
    @Test
    void theOutputsUnitSampleIsEachRepetitionsIntervalsOverTheirMean() {
        SynapticInput input = SynapticInput.onto(org.neuromf.core.network.NetworkBuilder.fromConfig(
                "HH_RS--HH_FS--CONFIG1"), 1);
        Measurement m = ShotNoiseSimulator.measure(CellPresets.get("HH_FS"), input, PresynapticInput.POISSON, 6, 8, 0, 8,
                3, Protocol.fast(1e-4, 10, 1), Progress.NONE);
        double[] u = m.intervals().unitSample();
        assertEquals(m.intervals().count(), u.length, "all intervals kept: 8 repetitions of about 70");
        double s = 0, s2 = 0;
        for (double x : u) {
            s += x;
            s2 += (x - 1) * (x - 1);
        }
        assertEquals(1, s / u.length, 1e-12);
        assertEquals(m.intervals().cv(), Math.sqrt(s2 / u.length), 1e-9);
        assertEquals(m.intervals().cv(), m.intervals().train().cv(1), 1e-9);
        // with more intervals than the sample holds, each repetition gives its first ones
        Measurement many = ShotNoiseSimulator.measure(CellPresets.get("HH_FS"), input, PresynapticInput.POISSON, 6, 8, 0,
                80, 3, Protocol.fast(1e-4, 10, 1), Progress.NONE);
        assertEquals(ShotNoiseSimulator.Intervals.SAMPLE_LIMIT, many.intervals().unitSample().length);
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

    /** The same with trains drawn from an empirical sample of those intervals: phi is the sample's mean of exp(i w x). */
    @Test
    void empiricalShotNoiseHasTheVarianceOfItsSamplesSpectrum() {
        SynapticInput input = SynapticInput.onto(org.neuromf.core.network.NetworkBuilder.fromConfig(
                "HH_RS--HH_FS--CONFIG1"), 0);
        SplittableRandom rng = new SplittableRandom(6);
        double[] sample = new double[2000];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = MODEL.interval(rng, RATE);
        }
        SpikeTrainModel.Empirical model = SpikeTrainModel.Empirical.of(sample);
        double mean = java.util.Arrays.stream(sample).average().orElseThrow();
        Measurement r = ShotNoiseSimulator.measure(CellPresets.get("LIF"), input,
                new PresynapticInput(SpikeTrainModel.POISSON, model, 0, 0, 0), 4, RATE, 0, 20, 1,
                Protocol.fast(1e-4, 20, 0.5), Progress.NONE);
        double tau = input.ti();
        double expected = input.ki() * input.qi() * input.qi() * tau / Math.PI * spectrumIntegral(tau, w -> {
            double re = 0, im = 0;
            for (double x : sample) {
                double t = x / mean / RATE;
                re += Math.cos(w * t);
                im += Math.sin(w * t);
            }
            return new double[] {re / sample.length, im / sample.length};
        });
        assertEquals(expected, r.sGi() * r.sGi(), 0.03 * expected);
    }

    /** int_0^(pi/2) S(tan(u)/tau) du by the midpoint rule, for the shifted gamma {@link #MODEL}. */
    private static double spectrumIntegral(double tau) {
        double theta = (1 / RATE - MODEL.refractory()) / MODEL.shape();
        return spectrumIntegral(tau, w -> {
            // phi = exp(i w d) (1 - i w theta)^-k, in polar form
            double modulus = Math.pow(1 + w * w * theta * theta, -MODEL.shape() / 2);
            double phase = w * MODEL.refractory() + MODEL.shape() * Math.atan(w * theta);
            return new double[] {modulus * Math.cos(phase), modulus * Math.sin(phase)};
        });
    }

    /** The same for the intervals' characteristic function phi(w) = {re, im}. */
    private static double spectrumIntegral(double tau, java.util.function.DoubleFunction<double[]> phi) {
        int n = 20_000;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double u = (j + 0.5) * (Math.PI / 2) / n;
            double[] p = phi.apply(Math.tan(u) / tau);
            double re = p[0], im = p[1];
            // Re[(1 + phi) / (1 - phi)] = (1 - |phi|^2) / |1 - phi|^2
            sum += RATE * (1 - re * re - im * im) / ((1 - re) * (1 - re) + im * im);
        }
        return sum * (Math.PI / 2) / n;
    }
}
