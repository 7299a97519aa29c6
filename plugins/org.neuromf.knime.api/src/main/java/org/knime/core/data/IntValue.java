package org.knime.core.data;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public interface IntValue extends DataValue {
    int getIntValue();
}
