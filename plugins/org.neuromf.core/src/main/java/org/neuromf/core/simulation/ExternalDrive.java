package org.neuromf.core.simulation;

import java.util.SplittableRandom;

import org.neuromf.core.util.PoissonSampler;

/**
 * External events for one step: every neuron i in [from, to) independently receives events with
 * mean {@code lambda} (rate x dt), each adding {@code q} to its conductance
 * {@code g[i * stride + channel]}.
 * <ul>
 * <li>Poisson: the population total is Poisson(N lambda) and each event goes to a uniformly chosen
 * neuron, which is exactly independent Poisson(lambda) counts per neuron, at one draw per event
 * rather than one per neuron.</li>
 * <li>Bernoulli (the authors' scripts): each neuron has one event with probability min(1, lambda);
 * the gaps between neurons with an event are drawn as geometric variates.</li>
 * </ul>
 */
final class ExternalDrive {

    private ExternalDrive() {
    }

    static void add(DriveProcess process, double[] g, int stride, int channel, int from, int to, double lambda, double q,
            SplittableRandom rng) {
        if (lambda <= 0 || q == 0 || to <= from) {
            return;
        }
        int n = to - from;
        if (process == DriveProcess.POISSON) {
            long events = PoissonSampler.sample(rng, lambda * n);
            for (long e = 0; e < events; e++) {
                g[(from + rng.nextInt(n)) * stride + channel] += q;
            }
        } else if (lambda >= 1) {
            for (int i = from; i < to; i++) {
                g[i * stride + channel] += q;
            }
        } else {
            double logFail = Math.log1p(-lambda);
            long i = from - 1L;
            while (true) {
                i += 1 + (long) Math.floor(Math.log(1 - rng.nextDouble()) / logFail);
                if (i >= to) {
                    break;
                }
                g[(int) i * stride + channel] += q;
            }
        }
    }
}
