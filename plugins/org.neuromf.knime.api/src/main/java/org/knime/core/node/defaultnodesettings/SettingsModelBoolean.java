package org.knime.core.node.defaultnodesettings;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class SettingsModelBoolean extends SettingsModel {
    public SettingsModelBoolean(final String configName, final boolean defaultValue) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public boolean getBooleanValue() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public void setBooleanValue(final boolean newValue) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
