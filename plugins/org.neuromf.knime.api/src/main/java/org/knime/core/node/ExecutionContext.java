package org.knime.core.node;

import org.knime.core.data.DataTableSpec;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class ExecutionContext extends ExecutionMonitor {
    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
