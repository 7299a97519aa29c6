package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.LongValue;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public final class LongCell extends DataCell implements LongValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = null;

    public LongCell(final long l) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    @Override
    public long getLongValue() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
