package org.neuromf.knime;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.workflow.NodeSpec;

/**
 * The dialog of a NeuroMF node: one field per parameter, labelled with its unit, its spinner kept
 * within the allowed range, its default, and a tooltip with what it is and what is allowed.
 */
final class OperationNodeDialog extends DefaultNodeSettingsPane {

    OperationNodeDialog(NodeSpec node) {
        for (ParameterSpec s : node.parameters()) {
            addDialogComponent(SettingsModels.component(s, SettingsModels.createBounded(s)));
        }
    }
}
