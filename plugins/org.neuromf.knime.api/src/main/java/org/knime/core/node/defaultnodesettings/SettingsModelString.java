package org.knime.core.node.defaultnodesettings;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class SettingsModelString extends SettingsModel {
    public SettingsModelString(final String configName, final String defaultValue) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public String getStringValue() {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public void setStringValue(final String newValue) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
