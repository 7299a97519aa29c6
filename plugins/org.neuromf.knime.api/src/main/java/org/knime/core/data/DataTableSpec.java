package org.knime.core.data;

import org.knime.core.node.port.PortObjectSpec;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public final class DataTableSpec implements PortObjectSpec {
    public DataTableSpec(final DataColumnSpec... colSpecs) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public int getNumColumns() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public DataColumnSpec getColumnSpec(final int index) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
