package org.neuromf.core.network;

import java.util.ArrayList;
import java.util.List;

import org.neuromf.core.param.ParameterException;

/**
 * Populations and the pathways between every ordered pair of them. Population 0 must be the
 * excitatory one: the external drive shares its conductance (time constant and reversal).
 */
public final class Network {

    private final String name;
    private final List<Population> populations;
    private final Pathway[][] pathways;

    /**
     * @param pathways one per ordered pair, in any order; every (pre, post) pair of the
     *                 populations must appear exactly once
     */
    public Network(String name, List<Population> populations, List<Pathway> pathways) {
        this.name = name;
        this.populations = List.copyOf(populations);
        int n = populations.size();
        if (n < 1) {
            throw new ParameterException("population", "a network needs at least one population");
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (populations.get(i).name().equals(populations.get(j).name())) {
                    throw new ParameterException("population", "population name '" + populations.get(i).name() + "' is used twice");
                }
            }
        }
        this.pathways = new Pathway[n][n];
        for (Pathway p : pathways) {
            int pre = indexOf(p.pre());
            int post = indexOf(p.post());
            if (this.pathways[pre][post] != null) {
                throw new ParameterException("pathway", "pathway " + p.pre() + " -> " + p.post() + " is given twice");
            }
            this.pathways[pre][post] = p;
        }
        for (int pre = 0; pre < n; pre++) {
            for (int post = 0; post < n; post++) {
                if (this.pathways[pre][post] == null) {
                    throw new ParameterException("pathway", "pathway " + populations.get(pre).name() + " -> "
                            + populations.get(post).name() + " is missing (use p = 0 for no connections)");
                }
            }
        }
    }

    public String name() {
        return name;
    }

    public List<Population> populations() {
        return populations;
    }

    public Population population(int index) {
        return populations.get(index);
    }

    public int populationCount() {
        return populations.size();
    }

    /** The slowest time constant of its cells' own dynamics (s), see {@link org.neuromf.core.cell.Cell#slowestTimeConstant}. */
    public double slowestTimeConstant() {
        double slowest = 0;
        for (Population p : populations) {
            slowest = Math.max(slowest, p.cell().slowestTimeConstant());
        }
        return slowest;
    }

    /** The same network with every population driven at {@code driveRate} (Hz per external synapse). */
    public Network withDrive(double driveRate) {
        List<Population> pops = new ArrayList<>();
        for (Population p : populations) {
            pops.add(new Population(p.name(), p.size(), p.cell(), driveRate, p.driveSynapses(), p.driveQ()));
        }
        return new Network(name, pops, pathways());
    }

    public Pathway pathway(int pre, int post) {
        return pathways[pre][post];
    }

    /** All pathways, presynaptic population first. */
    public List<Pathway> pathways() {
        List<Pathway> all = new ArrayList<>();
        for (Pathway[] row : pathways) {
            all.addAll(List.of(row));
        }
        return all;
    }

    public int neuronCount() {
        int total = 0;
        for (Population p : populations) {
            total += p.size();
        }
        return total;
    }

    /** The index of a population by name; the message lists the names there are. */
    public int indexOf(String populationName) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < populations.size(); i++) {
            if (populations.get(i).name().equals(populationName)) {
                return i;
            }
            names.add(populations.get(i).name());
        }
        throw new ParameterException("population", "no population '" + populationName + "' in network " + name
                + "; populations: " + String.join(", ", names));
    }

    @Override
    public String toString() {
        return "Network " + name + " " + populations;
    }
}
