package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.NodeDialogPane;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class DefaultNodeSettingsPane extends NodeDialogPane {
    public DefaultNodeSettingsPane() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public void addDialogComponent(final DialogComponent diaC) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
