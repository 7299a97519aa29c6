package org.knime.core.data;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public final class DataColumnSpec {
    public String getName() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public DataType getType() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
