package org.neuromf.core.network;

import java.util.SplittableRandom;

import org.neuromf.core.util.BernoulliGaps;

/**
 * Synapses of one pathway as compressed sparse rows: the targets of presynaptic neuron i are
 * {@code targets[rowStart[i] .. rowStart[i+1])}, in increasing order.
 *
 * <p>A pathway is drawn in two passes over the same random streams, so that it takes no more memory
 * than its final size: {@link #countRows} counts the synapses of each row, {@link #toRowStarts}
 * turns the counts into row starts (and gives the exact total, to check before allocating), and
 * {@link #fillRows} draws the same rows again into an array of exactly that size. Rows can be cut
 * into chunks with streams of their own and drawn on any threads.
 */
public record Connectivity(int[] rowStart, int[] targets) {

    /** The most synapses one pathway holds: the length of the largest Java array. */
    public static final int MAX_SYNAPSES = Integer.MAX_VALUE - 8;

    /**
     * Independent Bernoulli(p) draws over all (pre, post) pairs, the diagonal excluded when
     * {@code noAutapses}, every row from one stream of this seed.
     */
    public static Connectivity random(int nPre, int nPost, double p, boolean noAutapses, long seed) {
        int[] rowStart = new int[nPre + 1];
        countRows(0, nPre, nPost, p, noAutapses, new SplittableRandom(seed), rowStart);
        int[] targets = new int[Math.toIntExact(toRowStarts(rowStart))];
        fillRows(0, nPre, nPost, p, noAutapses, new SplittableRandom(seed), rowStart, targets);
        return new Connectivity(rowStart, targets);
    }

    /**
     * The counting pass over presynaptic rows [firstRow, firstRow + rows): writes the number of
     * synapses of row r into {@code rowStart[r + 1]}.
     */
    public static void countRows(int firstRow, int rows, int nPost, double p, boolean noAutapses, SplittableRandom rng,
            int[] rowStart) {
        draw(firstRow, rows, nPost, p, noAutapses, rng, rowStart, null);
    }

    /**
     * Turns the row counts of the counting pass ({@code rowStart[r + 1]}) into row starts, in place;
     * the total, left unchanged (and refused) when it exceeds {@link #MAX_SYNAPSES}.
     */
    public static long toRowStarts(int[] rowStart) {
        long total = 0;
        for (int r = 1; r < rowStart.length; r++) {
            total += rowStart[r];
        }
        if (total > MAX_SYNAPSES) {
            throw new IllegalArgumentException("a pathway from " + (rowStart.length - 1) + " neurons would have "
                    + total + " synapses, more than one pathway can hold (" + MAX_SYNAPSES
                    + "); use fewer neurons or a lower connection probability");
        }
        for (int r = 1; r < rowStart.length; r++) {
            rowStart[r] += rowStart[r - 1];
        }
        return total;
    }

    /**
     * The filling pass: draws rows [firstRow, firstRow + rows) again, from a stream in the same state
     * as the counting pass had, into {@code targets} from {@code rowStart[firstRow]} on.
     */
    public static void fillRows(int firstRow, int rows, int nPost, double p, boolean noAutapses, SplittableRandom rng,
            int[] rowStart, int[] targets) {
        draw(firstRow, rows, nPost, p, noAutapses, rng, rowStart, targets);
    }

    /**
     * Draws the gaps between connections (geometric), so the cost grows with the number of synapses,
     * not of pairs. Counts when {@code targets} is null, fills otherwise.
     */
    private static void draw(int firstRow, int rows, int nPost, double p, boolean noAutapses, SplittableRandom rng,
            int[] rowStart, int[] targets) {
        if (p <= 0) {
            return;
        }
        double logFail = BernoulliGaps.logFail(p);
        for (int row = firstRow; row < firstRow + rows; row++) {
            int at = targets == null ? 0 : rowStart[row];
            int count = 0;
            long j = -1;
            while (true) {
                j += 1 + (p >= 1 ? 0 : BernoulliGaps.failures(rng, logFail));
                if (j >= nPost) {
                    break;
                }
                if (noAutapses && j == row) {
                    continue;
                }
                if (targets != null) {
                    targets[at + count] = (int) j;
                }
                count++;
            }
            if (targets == null) {
                rowStart[row + 1] = count;
            } else if (at + count != rowStart[row + 1]) {
                throw new IllegalStateException("row " + row + " drew " + count + " synapses, the counting pass "
                        + (rowStart[row + 1] - at) + ": the two passes must use streams in the same state");
            }
        }
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
