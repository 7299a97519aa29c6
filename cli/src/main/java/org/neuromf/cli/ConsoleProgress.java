package org.neuromf.cli;

import java.io.PrintStream;

import org.neuromf.core.util.Progress;

/** Progress on the console: a line whenever another tenth is done or a few seconds have passed. */
final class ConsoleProgress implements Progress {

    private final PrintStream err;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private int lastTenth = -1;

    ConsoleProgress(PrintStream err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public synchronized void report(double fraction, String message) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        int tenth = (int) Math.floor(fraction * 10);
        if (tenth > lastTenth || now - lastPrint > 5_000_000_000L) {
            lastTenth = tenth;
            lastPrint = now;
            err.printf("[%3.0f%%] %s (%.1f s)%n", 100 * fraction, message, (now - start) / 1e9);
        }
    }

    /** Progress that prints nothing. */
    static ConsoleProgress quiet() {
        return new ConsoleProgress(System.err, true);
    }

    @Override
    public void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new org.neuromf.core.util.CancelledException();
        }
    }
}
