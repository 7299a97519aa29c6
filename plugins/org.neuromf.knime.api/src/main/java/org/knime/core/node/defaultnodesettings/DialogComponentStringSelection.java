package org.knime.core.node.defaultnodesettings;

import java.util.Collection;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class DialogComponentStringSelection extends DialogComponent {
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
            final Collection<String> list) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
