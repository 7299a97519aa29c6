package org.knime.core.node.port.image;

import org.knime.core.data.DataType;
import org.knime.core.node.port.PortObjectSpec;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public final class ImagePortObjectSpec implements PortObjectSpec {
    public ImagePortObjectSpec(final DataType type) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
