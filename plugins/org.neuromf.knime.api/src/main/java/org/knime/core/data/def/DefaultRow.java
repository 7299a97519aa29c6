package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class DefaultRow implements DataRow {
    public DefaultRow(final RowKey key, final DataCell... cells) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    @Override
    public DataCell getCell(final int index) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    @Override
    public int getNumCells() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    @Override
    public java.util.Iterator<DataCell> iterator() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
