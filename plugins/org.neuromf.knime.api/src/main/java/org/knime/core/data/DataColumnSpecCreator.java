package org.knime.core.data;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public final class DataColumnSpecCreator {
    public DataColumnSpecCreator(final String name, final DataType type) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public DataColumnSpec createSpec() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
