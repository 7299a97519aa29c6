package org.neuromf.core.simulation;

import java.util.ArrayList;
import java.util.List;

import org.neuromf.core.util.MemoryBudget;

/**
 * The spikes a simulation keeps (step, neuron, population), in chunks that are never copied, so
 * that a spike takes {@value #BYTES_KEPT} bytes while recording. A new chunk is taken only while
 * the heap has room for it, for the spikes table of everything kept by then and for
 * {@code reserve} bytes more (the other result tables); when it has not, recording stops, and a
 * run never fails for want of memory because of its spikes.
 */
final class SpikeRecord {

    /** Bytes a spike takes while recorded: its step and neuron (int) and population (byte). */
    static final int BYTES_KEPT = 4 + 4 + 1;

    private static final int FIRST_CHUNK = 1 << 10;
    private static final int LARGEST_CHUNK = 1 << 20;

    private final long limit;
    private final double reserve;
    private final List<int[]> steps = new ArrayList<>();
    private final List<int[]> neurons = new ArrayList<>();
    private final List<byte[]> populations = new ArrayList<>();
    private int[] step = new int[0];
    private int[] neuron = new int[0];
    private byte[] population = new byte[0];
    private int inChunk;
    private long count;

    /**
     * @param limit the most spikes to keep (max_spikes)
     * @param reserve bytes that must stay free besides the spikes, for the tables still to be made
     */
    SpikeRecord(long limit, double reserve) {
        this.limit = limit;
        this.reserve = reserve;
    }

    /** Bytes per spike in the spikes table: time_ms (double), neuron (int) and a reference to the population's name. */
    static double tableBytes() {
        return 8 + 4 + SimulationMemory.REFERENCE_BYTES;
    }

    /** Keeps a spike; false (and nothing kept) when the limit is reached or the heap has no room for another chunk. */
    boolean add(int k, int neuronIndex, int pop) {
        if (inChunk == step.length && !nextChunk()) {
            return false;
        }
        step[inChunk] = k;
        neuron[inChunk] = neuronIndex;
        population[inChunk] = (byte) pop;
        inChunk++;
        count++;
        return true;
    }

    private boolean nextChunk() {
        int size = (int) Math.min(limit - count, Math.min(LARGEST_CHUNK, Math.max(FIRST_CHUNK, 2L * step.length)));
        if (size <= 0) {
            return false;
        }
        double needed = (double) size * BYTES_KEPT + (count + size) * tableBytes() + reserve;
        if (needed > MemoryBudget.available()) {
            System.gc(); // what is in use may be garbage; asked at most once per chunk, near the limit only
            if (needed > MemoryBudget.available()) {
                return false;
            }
        }
        step = new int[size];
        neuron = new int[size];
        population = new byte[size];
        steps.add(step);
        neurons.add(neuron);
        populations.add(population);
        inChunk = 0;
        return true;
    }

    /** Whether the limit (max_spikes), rather than the heap, stopped the recording. */
    boolean limitReached() {
        return count >= limit;
    }

    long count() {
        return count;
    }

    /** Calls {@code each} for every spike kept, in the order they were added. */
    void forEach(SpikeConsumer each) {
        long left = count;
        for (int c = 0; c < steps.size() && left > 0; c++) {
            int n = (int) Math.min(left, steps.get(c).length);
            int[] s = steps.get(c);
            int[] i = neurons.get(c);
            byte[] p = populations.get(c);
            for (int j = 0; j < n; j++) {
                each.accept(s[j], i[j], p[j]);
            }
            left -= n;
        }
    }

    /** One spike: its step, its neuron's index within the population, the population's index. */
    interface SpikeConsumer {
        void accept(int step, int neuron, int population);
    }
}
