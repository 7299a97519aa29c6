package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public final class StringCell extends DataCell implements StringValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = null;

    public StringCell(final String str) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    @Override
    public String getStringValue() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
