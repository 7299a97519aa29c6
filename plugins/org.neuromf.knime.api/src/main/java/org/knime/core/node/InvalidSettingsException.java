package org.knime.core.node;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class InvalidSettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(final String s) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
