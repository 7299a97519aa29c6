package org.neuromf.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.neuromf.core.util.MemoryBudget;

/**
 * The samples a figure draws when it has more than it can show: an evenly spread, deterministic
 * subset (sample i x (total - 1) / (max - 1) for i = 0 .. max - 1, so the first and the last among
 * them), which the figure names in a note ("10000 of 1000000 samples shown"). Drawing time then
 * stays bounded whatever the size of the data; choosing the subset takes one pass over it.
 */
final class Subset {

    private Subset() {
    }

    /** Whether sample {@code j} of {@code total} is drawn when at most {@code max} are: all of them up to max. */
    static boolean keeps(long j, long total, long max) {
        if (total <= max) {
            return true;
        }
        if (max <= 1) {
            return j == 0;
        }
        long i = Math.floorDiv(j * (max - 1) + total - 2, total - 1); // the first i with i (total - 1) / (max - 1) >= j
        return i * (total - 1) / (max - 1) == j;
    }

    /** How many of {@code total} samples are drawn. */
    static int size(long total, int max) {
        return (int) Math.min(total, max);
    }

    /** The indices drawn, in increasing order. */
    static int[] indices(int total, int max) {
        int n = size(total, max);
        int[] kept = new int[n];
        for (int i = 0; i < n; i++) {
            kept[i] = n == total ? i : n == 1 ? 0 : (int) ((long) i * (total - 1) / (n - 1));
        }
        return kept;
    }

    /** values[indices]. */
    static double[] pick(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    /** "10000 of 1000000 samples shown", or null when all are. */
    static String note(long shown, long total, String what) {
        return shown < total ? shown + " of " + total + " " + what + " shown" : null;
    }

    /** Adds the note as a subtitle of the figure, when there is one. */
    static void addNote(JFreeChart chart, String note) {
        if (note != null) {
            chart.addSubtitle(new TextTitle(note, ChartStyle.subtitleFont()));
        }
    }

    /**
     * Bytes a figure needs besides its arrays and image: room for JFreeChart's own work while it
     * draws (paths, shapes, text) and for the collector, which gives a large array whole heap regions
     * of 1 MB or more. Without it a 1200 x 700 rates figure failed in a 24 MB heap that seemed to
     * have room for its image.
     */
    static final double ALLOWANCE = 8e6;

    /** Refuses, before it starts, a figure of {@code rows} rows whose working arrays (bytes) the heap cannot hold. */
    static void requireMemory(String figure, long rows, double bytes) {
        MemoryBudget.require("the " + figure + " (" + rows + " rows)", bytes + ALLOWANCE,
                "draw a table with fewer rows");
    }
}
