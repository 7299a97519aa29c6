package org.knime.core.node;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public interface NodeSettingsRO {

    /** Declared in KNIME by its super-interface ConfigRO. */
    boolean containsKey(String key);
}
