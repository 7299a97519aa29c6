package org.knime.core.node.defaultnodesettings;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class SettingsModelIntegerBounded extends SettingsModelInteger {
    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int minValue,
            final int maxValue) {
        super(configName, defaultValue);
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
