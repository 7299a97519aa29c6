package org.neuromf.core.simulation;

import java.util.SplittableRandom;

import org.neuromf.core.network.Network;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.util.BernoulliGaps;

/**
 * What the presynaptic trains of a transfer-function measurement are like. The paper's scans
 * (MODEL.md 4a) use {@link #POISSON}: every one of the Ke (Ki) synapses brings an independent
 * Poisson train at fe (fi). Input like a network's own differs in three ways, each chosen here:
 * <ul>
 * <li>the trains of recurrent synapses are renewal trains with the interspike statistics of the
 * presynaptic population ({@code excitatory}, {@code inhibitory});</li>
 * <li>part of fe is the external drive, which stays Poisson: {@code externalRate} (Hz) of fe comes
 * from Ke Poisson trains, the rest, fe - externalRate, from the recurrent trains;</li>
 * <li>the number of recurrent synapses of each repetition is drawn from the network's binomial
 * in-degree, Binomial(N_pre, p), when {@code excitatorySources} (N_e) and {@code inhibitorySources}
 * (N_i) are positive; with 0 every repetition has exactly Ke and Ki.</li>
 * </ul>
 */
public record PresynapticInput(SpikeTrainModel excitatory, SpikeTrainModel inhibitory, double externalRate,
        int excitatorySources, int inhibitorySources) {

    public static final PresynapticInput POISSON = new PresynapticInput(SpikeTrainModel.POISSON, SpikeTrainModel.POISSON,
            0, 0, 0);

    public PresynapticInput {
        if (!(externalRate >= 0 && externalRate < 1e6)) {
            throw ParameterException.outOfRange("external_rate_hz", externalRate, "[0, 1e6) Hz",
                    "the Poisson part of fe");
        }
        if (excitatorySources < 0 || inhibitorySources < 0) {
            throw new IllegalArgumentException("source counts must be non-negative");
        }
    }

    /**
     * Input like that of population {@code post} of a two-population network: the given trains,
     * the network's drive rate onto it as the Poisson part of fe, and binomial in-degrees from the
     * population sizes.
     */
    public static PresynapticInput network(Network network, int post, SpikeTrainModel excitatory,
            SpikeTrainModel inhibitory, boolean binomialInDegree) {
        int ne = binomialInDegree ? network.population(0).size() : 0;
        int ni = binomialInDegree ? network.population(1).size() : 0;
        return new PresynapticInput(excitatory, inhibitory, network.population(post).driveRate(), ne, ni);
    }

    public boolean isPoisson() {
        return excitatory.isPoisson() && inhibitory.isPoisson() && excitatorySources == 0 && inhibitorySources == 0;
    }

    /** The recurrent synapses of one repetition: k itself, or Binomial(sources, k / sources). */
    static double inDegree(double k, int sources, SplittableRandom rng) {
        if (sources == 0 || k <= 0) {
            return k;
        }
        double p = Math.min(1, k / sources);
        if (p == 1) {
            return sources;
        }
        double logFail = BernoulliGaps.logFail(p);
        long count = 0;
        for (long i = -1; ; count++) {
            i += 1 + BernoulliGaps.failures(rng, logFail);
            if (i >= sources) {
                return count;
            }
        }
    }
}
