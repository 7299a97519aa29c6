package org.knime.core.data;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public final class RowKey {
    public static RowKey createRowKey(final long rowIndex) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
