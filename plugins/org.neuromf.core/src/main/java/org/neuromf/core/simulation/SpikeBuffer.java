package org.neuromf.core.simulation;

import java.util.Arrays;

/** The neurons (indices within their population) that spiked in one step, in increasing order. */
final class SpikeBuffer {
    int[] neurons = new int[64];
    int count;

    void add(int neuron) {
        if (count == neurons.length) {
            neurons = Arrays.copyOf(neurons, count * 2);
        }
        neurons[count++] = neuron;
    }

    void clear() {
        count = 0;
    }
}
