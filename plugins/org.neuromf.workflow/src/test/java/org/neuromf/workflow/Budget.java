package org.neuromf.workflow;

import org.neuromf.core.util.CancelledException;
import org.neuromf.core.util.Progress;

/** Progress that cancels once a time budget is spent, as a user pressing cancel would: for runs of random input. */
final class Budget {

    private Budget() {
    }

    static Progress cancelsAfter(long nanos) {
        long end = System.nanoTime() + nanos;
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void checkCancelled() {
                if (System.nanoTime() > end) {
                    throw new CancelledException();
                }
            }
        };
    }
}
