package org.neuromf.benchmarks;

import org.neuromf.core.util.Progress;

/**
 * The progress of a network run that measures it: when its first "simulating" report came (the end
 * of the build) and, when asked, the heap in use after a full collection at the first report past
 * 30 % of the steps, while the run holds everything, with the time that collection took.
 */
final class HeapProbe implements Progress {

    private final boolean measure;
    /** System.nanoTime() of the first "simulating" report; 0 before it. */
    long buildEnd;
    /** Heap in use (bytes) after the collection; 0 before it or when not measuring. */
    long heapInUse;
    /** Nanoseconds the collection took, to leave out of the run's time. */
    long collecting;

    HeapProbe(boolean measure) {
        this.measure = measure;
    }

    @Override
    public void report(double fraction, String message) {
        if (buildEnd == 0 && message.startsWith("simulating")) {
            buildEnd = System.nanoTime();
        }
        if (measure && heapInUse == 0 && fraction > 0.3) {
            long start = System.nanoTime();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            heapInUse = rt.totalMemory() - rt.freeMemory();
            collecting = System.nanoTime() - start;
        }
    }

    @Override
    public void checkCancelled() {
    }
}
