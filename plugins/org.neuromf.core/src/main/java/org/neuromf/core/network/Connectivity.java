package org.neuromf.core.network;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Synapses of one pathway as compressed sparse rows: the targets of presynaptic neuron i are
 * {@code targets[rowStart[i] .. rowStart[i+1])}, in increasing order.
 */
public record Connectivity(int[] rowStart, int[] targets) {

    /**
     * Independent Bernoulli(p) draws over all (pre, post) pairs, the diagonal excluded when
     * {@code noAutapses}. Draws the gaps between connections (geometric), so the cost grows with
     * the number of synapses, not of pairs.
     */
    public static Connectivity random(int nPre, int nPost, double p, boolean noAutapses, SplittableRandom rng) {
        return random(0, nPre, nPost, p, noAutapses, rng);
    }

    /**
     * The rows of presynaptic neurons [firstRow, firstRow + rows) only, drawn as by
     * {@link #random(int, int, double, boolean, SplittableRandom)}; {@link #join} puts such chunks together.
     */
    public static Connectivity random(int firstRow, int rows, int nPost, double p, boolean noAutapses, SplittableRandom rng) {
        int[] rowStart = new int[rows + 1];
        if (p <= 0) {
            return new Connectivity(rowStart, new int[0]);
        }
        double expected = p * rows * (double) nPost;
        if (expected > Integer.MAX_VALUE - 8 - 10 * Math.sqrt(expected)) {
            throw new IllegalArgumentException(rows + " x " + nPost + " neurons with p = " + p + " would have about "
                    + (long) expected + " synapses, more than one pathway can hold (2^31)");
        }
        int[] targets = new int[(int) Math.min(Integer.MAX_VALUE - 8, expected + 6 * Math.sqrt(expected) + 16)];
        double logFail = Math.log1p(-p);
        int count = 0;
        for (int i = 0; i < rows; i++) {
            long j = -1;
            while (true) {
                j += 1 + (p >= 1 ? 0 : (long) Math.floor(Math.log(1 - rng.nextDouble()) / logFail));
                if (j >= nPost) {
                    break;
                }
                if (noAutapses && j == firstRow + i) {
                    continue;
                }
                if (count == targets.length) {
                    targets = Arrays.copyOf(targets, (int) Math.min(Integer.MAX_VALUE - 8, targets.length * 3L / 2 + 16));
                }
                targets[count++] = (int) j;
            }
            rowStart[i + 1] = count;
        }
        return new Connectivity(rowStart, count == targets.length ? targets : Arrays.copyOf(targets, count));
    }

    /** One pathway from chunks of consecutive rows, in order (each drawn with its own stream, on any thread). */
    public static Connectivity join(int nPre, Connectivity[] chunks) {
        long total = 0;
        for (Connectivity c : chunks) {
            total += c.synapseCount();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a pathway from " + nPre + " neurons would have " + total
                    + " synapses, more than one pathway can hold (2^31)");
        }
        int[] rowStart = new int[nPre + 1];
        int[] targets = new int[(int) total];
        int row = 0;
        int offset = 0;
        for (Connectivity c : chunks) {
            int rows = c.presynapticCount();
            for (int i = 1; i <= rows; i++) {
                rowStart[row + i] = offset + c.rowStart[i];
            }
            System.arraycopy(c.targets, 0, targets, offset, c.synapseCount());
            row += rows;
            offset += c.synapseCount();
        }
        if (row != nPre) {
            throw new IllegalArgumentException("chunks hold " + row + " rows, not " + nPre);
        }
        return new Connectivity(rowStart, targets);
    }

    public int presynapticCount() {
        return rowStart.length - 1;
    }

    public int synapseCount() {
        return targets.length;
    }

    /** The number of synapses each postsynaptic neuron receives. */
    public int[] inDegrees(int nPost) {
        int[] in = new int[nPost];
        for (int t : targets) {
            in[t]++;
        }
        return in;
    }
}
