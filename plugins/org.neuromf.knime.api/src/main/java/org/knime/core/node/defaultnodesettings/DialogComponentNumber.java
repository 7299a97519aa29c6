package org.knime.core.node.defaultnodesettings;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class DialogComponentNumber extends DialogComponent {
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
