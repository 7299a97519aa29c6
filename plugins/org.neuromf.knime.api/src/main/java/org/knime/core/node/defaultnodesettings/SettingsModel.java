package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Declaration of KNIME AP 5.x API (compile-only; see the pom.xml of this module). */
public abstract class SettingsModel {
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        throw new UnsupportedOperationException("declaration of the KNIME API only: run NeuroMF inside KNIME");
    }

}
