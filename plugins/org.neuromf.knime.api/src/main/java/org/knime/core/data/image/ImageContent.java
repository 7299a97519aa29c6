package org.knime.core.data.image;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public interface ImageContent {
}
