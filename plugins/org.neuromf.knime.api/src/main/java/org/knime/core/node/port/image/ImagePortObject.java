package org.knime.core.node.port.image;

import org.knime.core.data.image.ImageContent;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class ImagePortObject implements PortObject {
    public static final PortType TYPE = null;

    public ImagePortObject(final ImageContent content, final ImagePortObjectSpec spec) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
