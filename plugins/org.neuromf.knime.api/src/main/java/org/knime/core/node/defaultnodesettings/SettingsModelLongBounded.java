package org.knime.core.node.defaultnodesettings;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public class SettingsModelLongBounded extends SettingsModelLong {
    public SettingsModelLongBounded(final String configName, final long defaultValue, final long minValue,
            final long maxValue) {
        super(configName, defaultValue);
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
