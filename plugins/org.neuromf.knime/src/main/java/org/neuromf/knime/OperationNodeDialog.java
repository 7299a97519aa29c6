package org.neuromf.knime;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.neuromf.core.param.ParameterSpec;

/** The dialog of a NeuroMF node: one field per parameter, with its unit, default and allowed range. */
final class OperationNodeDialog extends DefaultNodeSettingsPane {

    OperationNodeDialog(NodeSpec node) {
        for (ParameterSpec s : node.parameters()) {
            addDialogComponent(SettingsModels.component(s, SettingsModels.create(s)));
        }
    }
}
