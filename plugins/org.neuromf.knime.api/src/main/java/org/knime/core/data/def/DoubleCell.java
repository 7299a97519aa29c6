package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public final class DoubleCell extends DataCell implements DoubleValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = null;

    public DoubleCell(final double d) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    @Override
    public double getDoubleValue() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
