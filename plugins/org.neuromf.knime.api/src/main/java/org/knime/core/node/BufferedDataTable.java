package org.knime.core.node;

import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public final class BufferedDataTable implements DataTable, PortObject {
    public static final PortType TYPE = null;

    public static final PortType TYPE_OPTIONAL = null;

    @Override
    public DataTableSpec getDataTableSpec() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    @Override
    public CloseableRowIterator iterator() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
