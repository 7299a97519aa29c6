package org.neuromf.core.simulation;

import java.util.SplittableRandom;

import org.neuromf.core.util.BernoulliGaps;
import org.neuromf.core.util.Exp;
import org.neuromf.core.util.PoissonSampler;
import org.neuromf.core.util.RandomStreams;

/**
 * External events for one step: every neuron i in [from, to) independently receives events with
 * mean {@code lambda} (rate x dt), each adding {@code q} to its conductance {@code g[i]} by the
 * end of the step.
 * <ul>
 * <li>Poisson: the population total is Poisson(N lambda) and each event goes to a uniformly chosen
 * neuron, which is exactly independent Poisson(lambda) counts per neuron, at one draw per event
 * rather than one per neuron.</li>
 * <li>Bernoulli (the authors' scripts): each neuron has one event with probability min(1, lambda);
 * the gaps between neurons with an event are drawn as geometric variates.</li>
 * </ul>
 * Under {@link SynapticTiming#EXACT} each event also gets a uniform time within the step and adds q
 * decayed by the rest of the step, {@code q exp(-u dt/tau)} with u uniform in [0, 1) and
 * {@code dtOverTau} = dt/tau; under {@link SynapticTiming#STEP} it adds q whole.
 */
final class ExternalDrive {

    private ExternalDrive() {
    }

    static void add(DriveProcess process, SynapticTiming timing, double[] g, int from, int to,
            double lambda, double q, double dtOverTau, SplittableRandom rng) {
        if (lambda <= 0 || q == 0 || to <= from) {
            return;
        }
        boolean exact = timing == SynapticTiming.EXACT;
        int n = to - from;
        if (process == DriveProcess.POISSON) {
            long events = PoissonSampler.sample(rng, lambda * n);
            for (long e = 0; e < events; e++) {
                g[from + rng.nextInt(n)] += arrival(exact, q, dtOverTau, rng);
            }
        } else if (lambda >= 1) {
            for (int i = from; i < to; i++) {
                g[i] += arrival(exact, q, dtOverTau, rng);
            }
        } else {
            double logFail = BernoulliGaps.logFail(lambda);
            long i = from - 1L;
            while (true) {
                i += 1 + BernoulliGaps.failures(rng, logFail);
                if (i >= to) {
                    break;
                }
                g[(int) i] += arrival(exact, q, dtOverTau, rng);
            }
        }
    }

    private static double arrival(boolean exact, double q, double dtOverTau, SplittableRandom rng) {
        return exact ? q * Exp.exp(-RandomStreams.uniform(rng) * dtOverTau) : q;
    }
}
