package org.knime.core.node.defaultnodesettings;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class DialogComponentBoolean extends DialogComponent {
    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
