package org.neuromf.knime;

import java.util.List;

import javax.swing.JLabel;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeView;
import org.neuromf.charts.ActivityChart;
import org.neuromf.core.table.Table;

/** The interactive figure of a plot node, or the population rates of a simulation node. */
final class ChartNodeView extends NodeView<OperationNodeModel> {

    ChartNodeView(OperationNodeModel model) {
        super(model);
        modelChanged();
    }

    @Override
    protected void modelChanged() {
        OperationNodeModel model = getNodeModel();
        List<Table> tables = model.viewTables();
        if (tables.isEmpty()) {
            setComponent(new JLabel("Execute the node to see its figure."));
            return;
        }
        try {
            JFreeChart chart = model.node().isPlot() ? model.node().plot().create(tables, model.values())
                    : ActivityChart.create(tables.get(0));
            setComponent(new ChartPanel(chart));
        } catch (InvalidSettingsException | IllegalArgumentException e) {
            setComponent(new JLabel(e.getMessage()));
        }
    }

    @Override
    protected void onClose() {
    }

    @Override
    protected void onOpen() {
    }
}
