package org.knime.core.node;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public abstract class NodeDialogPane {
}
