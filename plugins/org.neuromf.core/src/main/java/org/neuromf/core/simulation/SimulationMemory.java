package org.neuromf.core.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.neuromf.core.cell.HodgkinHuxleyCell;
import org.neuromf.core.network.InDegree;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.Pathway;
import org.neuromf.core.network.Population;
import org.neuromf.core.util.MemoryBudget;

/**
 * The heap a network simulation needs (bytes), from what it allocates, without its spikes (which
 * are not known in advance: {@link SpikeRecord} keeps them while the heap has room).
 *
 * @param neuronState V, conductances and the family's variables of every neuron, the HH gating
 *        tables, and the spike buffers of the step and their quanta (at most one entry per neuron)
 * @param synapses the row starts and targets of every pathway: the expected count with a margin of
 *        6 SD, or the exact count once drawn or when the in-degree is fixed (whose rows have cursors too
 *        while they are filled); synapses of at most 64 MB are held twice for a moment while they are
 *        drawn, only when the heap has room for that (NetworkSimulator.connect)
 * @param recorder rate and drive bins, the traces of n_rec neurons per population, the per-neuron
 *        statistics behind the summary
 * @param tables the result tables made from them: rates (a time column; the others are shared),
 *        traces, summary
 */
public record SimulationMemory(double neuronState, double synapses, double recorder, double tables) {

    /** Bytes of an object reference: compressed below 32 GB heaps (HotSpot's default), full above. */
    static final int REFERENCE_BYTES = Runtime.getRuntime().maxMemory() < (32L << 30) ? 4 : 8;

    /**
     * The share of the heap kept free besides what a run needs: G1 gives each large array whole
     * regions (1/2048 of the heap or more), a run has some 40 of them, and the collector needs room
     * of its own. Measured with 1e5 neurons: a heap 2 % above the estimate could not place the last
     * pathway (an OutOfMemoryError with 5 % of the heap free), one 4 % above could.
     */
    public static final double COLLECTOR_SHARE = 0.05;

    /**
     * Bytes per neuron of the statistics: last spike, count, ISI count, sum and sum of squares, bin
     * count, sum and sum of squares, and its place among the neurons touched in a bin.
     */
    static final int STATISTICS_BYTES = 4 + 4 + 4 + 8 + 8 + 4 + 8 + 8 + 4;

    /** What a simulation of this network with these settings needs. */
    public static SimulationMemory of(Network network, SimulationSettings settings) {
        int pops = network.populationCount();
        double state = 0;
        double synapses = 0;
        double statistics = 0;
        long recorded = 0;
        Set<Double> gatingTables = new HashSet<>(); // one per VT of the HH cells, shared by their groups
        for (int post = 0; post < pops; post++) {
            Population p = network.population(post);
            // V, g, own arrays; the block's and the pending spike buffers (neuron, fraction) hold at most
            // every neuron once, and so do the quanta of its spikes along each pathway
            state += NeuronGroup.stateBytes(p.cell().family(), p.size(), pops) + (2 * 12.0 + 8.0 * pops) * p.size();
            statistics += (double) STATISTICS_BYTES * p.size();
            recorded += Math.min(settings.nRec(), p.size());
            if (p.cell() instanceof HodgkinHuxleyCell hh) {
                gatingTables.add(hh.vT);
            }
            for (int pre = 0; pre < pops; pre++) {
                int nPre = network.population(pre).size();
                boolean fixed = network.pathway(pre, post).inDegree() == InDegree.FIXED;
                synapses += pathwayBytes(nPre, mostSynapses(network, pre, post)) + (fixed ? 4.0 * nPre : 0);
            }
        }
        state += gatingTables.size() * GatingTable.BYTES;
        long steps = settings.steps();
        long bins = (steps + settings.rateBinSteps() - 1) / settings.rateBinSteps();
        double traceRows = (double) recorded * steps;
        double recorder = 8.0 * (pops + 1) * bins + 8.0 * (1 + pops) * traceRows + statistics;
        double tables = 8.0 * bins + traceRows * (8 + REFERENCE_BYTES + 4 + 8.0 * (1 + pops)) + 1024.0 * pops;
        return new SimulationMemory(state, synapses, recorder, tables);
    }

    /**
     * The synapses a pathway has at most: K N_post with a fixed in-degree; with a binomial one, the
     * expected p N_pre N_post pairs (less the diagonal within a population: no autapses) and 6 SD.
     */
    static double mostSynapses(Network network, int pre, int post) {
        Pathway pw = network.pathway(pre, post);
        int nPre = network.population(pre).size();
        double nPost = network.population(post).size();
        if (pw.inDegree() == InDegree.FIXED) {
            return InDegree.fixedCount(pw.probability(), nPre, pre == post) * nPost;
        }
        double expected = pw.probability() * (nPre * nPost - (pre == post ? nPre : 0));
        return expected + 6 * Math.sqrt(expected);
    }

    /** Row starts and targets of a pathway from nPre neurons with this many synapses. */
    static double pathwayBytes(int nPre, double synapses) {
        return 4.0 * (nPre + 1) + 4.0 * synapses;
    }

    /** What the run needs. */
    public double total() {
        return neuronState + synapses + recorder + tables;
    }

    /** Bytes kept free besides: {@link #COLLECTOR_SHARE} of the heap. */
    static double collectorReserve() {
        return COLLECTOR_SHARE * Runtime.getRuntime().maxMemory();
    }

    /** Refuses, before any work, a run that the heap cannot hold with the collector's reserve. */
    public void require(Network network) {
        MemoryBudget.require(describe(network), total() + collectorReserve(), fix());
    }

    /** "network NAME (N neurons: synapses 2000 MB, neuron state 12 MB, ...; 160 MB kept free ...)", largest first. */
    String describe(Network network) {
        record Part(String name, double bytes) {
        }
        List<Part> parts = new ArrayList<>(List.of(new Part("synapses", synapses),
                new Part("neuron state", neuronState), new Part("recording", recorder),
                new Part("result tables", tables)));
        parts.sort(Comparator.comparingDouble(Part::bytes).reversed());
        StringBuilder s = new StringBuilder("network " + network.name() + " (" + network.neuronCount() + " neurons: ");
        for (Part part : parts) {
            s.append(part == parts.get(0) ? "" : ", ").append(part.name()).append(' ')
                    .append(MemoryBudget.megabytes(part.bytes()));
        }
        return s.append("; ").append(MemoryBudget.megabytes(collectorReserve()))
                .append(" kept free for the garbage collector)").toString();
    }

    /** What to change to need less, for the largest part. */
    String fix() {
        double largest = Math.max(Math.max(synapses, neuronState), Math.max(recorder, tables));
        if (largest == synapses) {
            return "use fewer neurons or a lower p_connect";
        }
        if (largest == neuronState) {
            return "use fewer neurons";
        }
        return "record fewer neurons (n_rec), use a shorter tstop_ms or a wider rate_bin_ms";
    }
}
