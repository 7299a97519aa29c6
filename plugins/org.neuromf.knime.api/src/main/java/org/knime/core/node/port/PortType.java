package org.knime.core.node.port;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public final class PortType {
}
