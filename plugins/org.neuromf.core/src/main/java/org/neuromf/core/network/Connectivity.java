package org.neuromf.core.network;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.neuromf.core.util.BernoulliGaps;

/**
 * Synapses of one pathway as compressed sparse rows: the targets of presynaptic neuron i are
 * {@code targets[rowStart[i] .. rowStart[i+1])}, in increasing order.
 *
 * <p>A pathway is drawn in two passes over the same random streams, so that it takes no more memory
 * than its final size: {@link #countRows} counts the synapses of each row, {@link #toRowStarts}
 * turns the counts into row starts (and gives the exact total, to check before allocating), and
 * {@link #fillRows} draws the same rows again into an array of exactly that size. Where holding the
 * synapses twice for a moment costs little, {@link #keepRows} counts and keeps what it drew, and
 * {@link #placeRows} copies it into place instead of drawing again. Rows can be cut into chunks with
 * streams of their own and drawn on any threads.
 *
 * <p>A fixed in-degree is drawn by postsynaptic neuron, in chunks of postsynaptic neurons with
 * streams of their own: {@link #countColumns} adds each synapse to the count of its row,
 * {@link #fillColumns} draws the same synapses again into their rows, and {@link #sortRows} puts each
 * row in increasing order, which makes the result the same whatever order the chunks ran in.
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
     * Exactly {@code k} synapses onto every postsynaptic neuron, from distinct presynaptic neurons
     * drawn uniformly (never itself when {@code noAutapses}), all columns from one stream of this seed.
     */
    public static Connectivity fixedInDegree(int nPre, int nPost, int k, boolean noAutapses, long seed) {
        int[] rowStart = new int[nPre + 1];
        countColumns(0, nPost, nPre, k, noAutapses, new SplittableRandom(seed), rowStart);
        int[] targets = new int[Math.toIntExact(toRowStarts(rowStart))];
        int[] cursor = Arrays.copyOf(rowStart, nPre);
        fillColumns(0, nPost, nPre, k, noAutapses, new SplittableRandom(seed), cursor, targets);
        sortRows(0, nPre, rowStart, cursor, targets);
        return new Connectivity(rowStart, targets);
    }

    /** Atomic access to the counts and cursors of rows that chunks on several threads add to. */
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

    /**
     * The counting pass of a fixed in-degree over postsynaptic neurons [firstPost, firstPost + posts):
     * adds one to {@code rowStart[pre + 1]} for every synapse from {@code pre}, atomically.
     */
    public static void countColumns(int firstPost, int posts, int nPre, int k, boolean noAutapses,
            SplittableRandom rng, int[] rowStart) {
        // the cast makes the access int-typed: a discarded result would be boxed, an Integer per synapse
        drawColumns(firstPost, posts, nPre, k, noAutapses, rng, (pre, post) -> {
            int unused = (int) INTS.getAndAdd(rowStart, pre + 1, 1);
        });
    }

    /**
     * The filling pass of a fixed in-degree, from a stream in the same state as the counting pass
     * had: puts {@code post} at {@code targets[cursor[pre]++]} (atomically) for every synapse, where
     * {@code cursor} starts as a copy of the row starts.
     */
    public static void fillColumns(int firstPost, int posts, int nPre, int k, boolean noAutapses,
            SplittableRandom rng, int[] cursor, int[] targets) {
        drawColumns(firstPost, posts, nPre, k, noAutapses, rng,
                (pre, post) -> targets[(int) INTS.getAndAdd(cursor, pre, 1)] = post);
    }

    /**
     * Sorts rows [firstRow, firstRow + rows) once the filling pass is over, and checks that it put
     * in each row as many synapses as the counting pass counted.
     */
    public static void sortRows(int firstRow, int rows, int[] rowStart, int[] cursor, int[] targets) {
        for (int row = firstRow; row < firstRow + rows; row++) {
            if (cursor[row] != rowStart[row + 1]) {
                throw new IllegalStateException("row " + row + " was filled with " + (cursor[row] - rowStart[row])
                        + " synapses, the counting pass counted " + (rowStart[row + 1] - rowStart[row])
                        + ": the two passes must use streams in the same state");
            }
            Arrays.sort(targets, rowStart[row], rowStart[row + 1]);
        }
    }

    /**
     * Draws k distinct presynaptic neurons for each postsynaptic neuron (Floyd's algorithm: one
     * random number per synapse), handing each synapse to {@code synapse}.
     */
    private static void drawColumns(int firstPost, int posts, int nPre, int k, boolean noAutapses,
            SplittableRandom rng, Synapse synapse) {
        int candidates = nPre - (noAutapses ? 1 : 0);
        if (k <= 0) {
            return;
        }
        if (k > candidates) {
            throw new IllegalArgumentException("a fixed in-degree of " + k + " from " + candidates + " neurons");
        }
        long[] chosen = new long[(candidates + 63) >>> 6];
        int[] drawn = new int[k];
        for (int post = firstPost; post < firstPost + posts; post++) {
            for (int j = candidates - k, n = 0; j < candidates; j++, n++) {
                int c = rng.nextInt(j + 1);
                if ((chosen[c >>> 6] & (1L << c)) != 0) {
                    c = j;
                }
                chosen[c >>> 6] |= 1L << c;
                drawn[n] = c;
            }
            for (int c : drawn) {
                chosen[c >>> 6] &= ~(1L << c);
                synapse.add(noAutapses && c >= post ? c + 1 : c, post);
            }
        }
    }

    private interface Synapse {
        void add(int pre, int post);
    }

    /**
     * The counting pass over presynaptic rows [firstRow, firstRow + rows): writes the number of
     * synapses of row r into {@code rowStart[r + 1]}.
     */
    public static void countRows(int firstRow, int rows, int nPost, double p, boolean noAutapses, SplittableRandom rng,
            int[] rowStart) {
        draw(firstRow, rows, nPost, p, noAutapses, rng, rowStart, null, false);
    }

    /**
     * The counting pass of {@link #countRows} that also keeps the targets it drew, rows in order:
     * what {@link #fillRows} would draw again, for {@link #placeRows}.
     */
    public static int[] keepRows(int firstRow, int rows, int nPost, double p, boolean noAutapses, SplittableRandom rng,
            int[] rowStart) {
        double expected = rows * (double) nPost * p;
        int capacity = (int) Math.min(MAX_SYNAPSES, expected + 6 * Math.sqrt(expected) + 16);
        return keepRows(firstRow, rows, nPost, p, noAutapses, rng, rowStart, capacity);
    }

    /** {@link #keepRows} into an array of this capacity at first. */
    static int[] keepRows(int firstRow, int rows, int nPost, double p, boolean noAutapses, SplittableRandom rng,
            int[] rowStart, int capacity) {
        return draw(firstRow, rows, nPost, p, noAutapses, rng, rowStart, new int[capacity], false);
    }

    /** Copies the targets {@link #keepRows} kept of rows from {@code firstRow} on to their place in {@code targets}. */
    public static void placeRows(int[] kept, int firstRow, int rows, int[] rowStart, int[] targets) {
        System.arraycopy(kept, 0, targets, rowStart[firstRow], rowStart[firstRow + rows] - rowStart[firstRow]);
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
        draw(firstRow, rows, nPost, p, noAutapses, rng, rowStart, targets, true);
    }

    /**
     * Draws the gaps between connections (geometric), so the cost grows with the number of synapses,
     * not of pairs. Counts when {@code targets} is null; fills it at the row starts when
     * {@code inPlace}; otherwise counts and keeps the targets in it, one row after the other, growing
     * it as needed, and returns it.
     */
    private static int[] draw(int firstRow, int rows, int nPost, double p, boolean noAutapses, SplittableRandom rng,
            int[] rowStart, int[] targets, boolean inPlace) {
        if (p <= 0) {
            return targets;
        }
        double logFail = BernoulliGaps.logFail(p);
        int kept = 0;
        for (int row = firstRow; row < firstRow + rows; row++) {
            int at = inPlace ? rowStart[row] : kept;
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
                    if (!inPlace && at + count == targets.length) {
                        targets = Arrays.copyOf(targets, (int) Math.min(MAX_SYNAPSES, targets.length * 3L / 2 + 16));
                    }
                    targets[at + count] = (int) j;
                }
                count++;
            }
            if (!inPlace) {
                rowStart[row + 1] = count;
                kept += count;
            } else if (at + count != rowStart[row + 1]) {
                throw new IllegalStateException("row " + row + " drew " + count + " synapses, the counting pass "
                        + (rowStart[row + 1] - at) + ": the two passes must use streams in the same state");
            }
        }
        return targets;
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
