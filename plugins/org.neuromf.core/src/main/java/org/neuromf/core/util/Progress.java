package org.neuromf.core.util;

/**
 * Progress and cancellation, as seen by long-running engine work. The KNIME adapter bridges it to
 * the node's execution monitor; the command line prints it. Implementations must be thread-safe.
 */
public interface Progress {

    /** Reports the fraction done, in [0, 1], with a short message. */
    void report(double fraction, String message);

    /** Throws {@link CancelledException} when the user asked to stop. */
    void checkCancelled();

    /** Progress that goes nowhere and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void report(double fraction, String message) {
        }

        @Override
        public void checkCancelled() {
        }
    };

    /** A view of this progress that maps [0, 1] onto [from, from + width] of the parent. */
    default Progress sub(double from, double width) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                parent.report(from + width * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public void checkCancelled() {
                parent.checkCancelled();
            }
        };
    }
}
