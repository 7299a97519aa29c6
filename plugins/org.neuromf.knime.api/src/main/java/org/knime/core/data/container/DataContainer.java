package org.knime.core.data.container;

import org.knime.core.data.DataRow;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class DataContainer {
    public void addRowToTable(final DataRow row) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public void close() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
