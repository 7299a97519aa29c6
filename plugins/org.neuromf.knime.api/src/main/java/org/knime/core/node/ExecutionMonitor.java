package org.knime.core.node;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class ExecutionMonitor {
    public void setProgress(final double prog, final String message) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public void checkCanceled() throws CanceledExecutionException {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
