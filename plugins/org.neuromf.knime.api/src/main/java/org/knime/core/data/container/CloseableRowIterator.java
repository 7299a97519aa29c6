package org.knime.core.data.container;

import org.knime.core.data.RowIterator;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public abstract class CloseableRowIterator extends RowIterator implements AutoCloseable {
}
