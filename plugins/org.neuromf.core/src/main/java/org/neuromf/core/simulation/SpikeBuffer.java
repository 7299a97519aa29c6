package org.neuromf.core.simulation;

import java.util.Arrays;

/**
 * The neurons (indices within their population) that spiked in one step, in increasing order, each
 * with the fraction of the step (0 to 1) at which it crossed its threshold.
 */
final class SpikeBuffer {
    int[] neurons = new int[64];
    double[] fractions = new double[64];
    int count;

    void add(int neuron, double fraction) {
        if (count == neurons.length) {
            neurons = Arrays.copyOf(neurons, count * 2);
            fractions = Arrays.copyOf(fractions, count * 2);
        }
        neurons[count] = neuron;
        fractions[count++] = fraction;
    }

    void clear() {
        count = 0;
    }
}
