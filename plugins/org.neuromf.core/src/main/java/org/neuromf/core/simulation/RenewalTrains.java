package org.neuromf.core.simulation;

import java.util.SplittableRandom;

/**
 * The superposition of {@code count} independent, stationary renewal trains of one model and rate:
 * a binary min-heap of their next spike times. The trains are exchangeable, so only the times are
 * kept: the earliest is taken and replaced by itself plus a new interval.
 */
final class RenewalTrains {

    private final double[] heap;
    private final SpikeTrainModel model;
    private final double rate;

    RenewalTrains(int count, SpikeTrainModel model, double rate, SplittableRandom rng) {
        this.model = model;
        this.rate = rate;
        this.heap = new double[rate > 0 ? count : 0];
        for (int i = 0; i < heap.length; i++) {
            heap[i] = model.firstInterval(rng, rate);
        }
        for (int i = heap.length / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    /** The time of the next spike of all trains (s); infinite without trains. */
    double next() {
        return heap.length > 0 ? heap[0] : Double.POSITIVE_INFINITY;
    }

    /** Moves past the next spike: its train draws its following one. */
    void advance(SplittableRandom rng) {
        heap[0] += model.interval(rng, rate);
        siftDown(0);
    }

    private void siftDown(int i) {
        double x = heap[i];
        int n = heap.length;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= x) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = x;
    }

    /** The bytes {@code count} trains hold. */
    static double bytes(long count) {
        return 16 + 8.0 * count + 32;
    }
}
