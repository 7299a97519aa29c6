package org.neuromf.core.network;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.param.ParameterException;

/**
 * What one neuron of a population receives from the network, as the transfer function sees it:
 * {@code ke} excitatory synapses of conductance {@code qe}, decay {@code te}, reversal {@code ee},
 * and {@code ki} inhibitory ones likewise. SI.
 */
public record SynapticInput(double ke, double qe, double te, double ee, double ki, double qi, double ti, double ei) {

    /**
     * The input onto population {@code post} of a two-population network, population 0 being
     * excitatory: {@code Ke = p(exc -> post) Ne}, {@code Ki = p(inh -> post) Ni}, as in the
     * mean field (without the one missing autapse).
     */
    public static SynapticInput onto(Network network, int post) {
        if (network.populationCount() != 2) {
            throw new ParameterException("network", "network " + network.name() + " has " + network.populationCount()
                    + " populations; the transfer function and mean field need two, excitatory then inhibitory");
        }
        Pathway e = network.pathway(0, post);
        Pathway i = network.pathway(1, post);
        return new SynapticInput(e.probability() * network.population(0).size(), e.q(), e.tau(), e.eRev(),
                i.probability() * network.population(1).size(), i.q(), i.tau(), i.eRev());
    }

    /**
     * The input onto the population of {@code cell} (found by the cell's name), or onto the
     * excitatory population when no population has this cell.
     */
    public static SynapticInput forCell(Network network, Cell cell) {
        return onto(network, populationOf(network, cell));
    }

    /** The population of {@code cell} (found by the cell's name), or the excitatory one (0) when no population has it. */
    public static int populationOf(Network network, Cell cell) {
        for (int post = 0; post < network.populationCount(); post++) {
            if (network.population(post).cell().name().equals(cell.name())) {
                return post;
            }
        }
        return 0;
    }
}
