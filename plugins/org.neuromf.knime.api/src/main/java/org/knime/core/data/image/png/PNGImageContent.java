package org.knime.core.data.image.png;

import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class PNGImageContent implements ImageContent {
    public static final DataType TYPE = null;

    public PNGImageContent(final byte[] imageBytes) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
