package org.knime.core.data;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public abstract class DataCell implements DataValue, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public boolean isMissing() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
