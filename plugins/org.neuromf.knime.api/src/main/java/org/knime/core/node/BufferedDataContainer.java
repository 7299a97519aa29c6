package org.knime.core.node;

import org.knime.core.data.container.DataContainer;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class BufferedDataContainer extends DataContainer {
    public BufferedDataTable getTable() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
