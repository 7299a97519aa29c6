package org.neuromf.knime;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.neuromf.core.util.CancelledException;
import org.neuromf.core.util.Progress;

/** The engine's progress on a KNIME execution monitor: progress and message, and its cancel button. */
final class KnimeProgress implements Progress {

    private final ExecutionMonitor monitor;

    KnimeProgress(ExecutionMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void report(double fraction, String message) {
        monitor.setProgress(fraction, message);
    }

    @Override
    public void checkCancelled() {
        try {
            monitor.checkCanceled();
        } catch (CanceledExecutionException e) {
            throw new CancelledException();
        }
    }
}
