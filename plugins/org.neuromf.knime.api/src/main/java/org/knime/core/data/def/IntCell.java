package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.IntValue;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public final class IntCell extends DataCell implements IntValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = null;

    public IntCell(final int i) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    @Override
    public int getIntValue() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
