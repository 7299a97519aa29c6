package org.knime.core.data;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public abstract class RowIterator implements java.util.Iterator<DataRow> {
}
