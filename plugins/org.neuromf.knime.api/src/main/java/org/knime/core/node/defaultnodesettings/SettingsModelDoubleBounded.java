package org.knime.core.node.defaultnodesettings;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class SettingsModelDoubleBounded extends SettingsModelDouble {
    public SettingsModelDoubleBounded(final String configName, final double defaultValue, final double minValue,
            final double maxValue) {
        super(configName, defaultValue);
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
