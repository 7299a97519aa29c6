package org.knime.core.node.defaultnodesettings;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public abstract class DialogComponent {
    public void setToolTipText(final String text) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
