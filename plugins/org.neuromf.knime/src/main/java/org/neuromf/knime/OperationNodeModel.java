package org.neuromf.knime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.operation.Port;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.CancelledException;
import org.neuromf.workflow.NodeSpec;

/**
 * The node model of every NeuroMF node: it translates settings, specs and tables between KNIME
 * and the engine and leaves the work to the node's operation or plot. It touches no window, so
 * nodes run in KNIME's batch executor and on a server. It keeps the tables its view draws (a
 * plot's inputs, a simulation's rates) and saves them with the node.
 */
public final class OperationNodeModel extends NodeModel {

    private final NodeSpec node;
    private final List<SettingsModel> settings;
    private List<Table> viewTables = List.of();

    OperationNodeModel(NodeSpec node) {
        super(inputTypes(node), outputTypes(node));
        this.node = node;
        this.settings = SettingsModels.create(node.parameters());
    }

    private static PortType[] inputTypes(NodeSpec node) {
        return node.inputs().stream().map(p -> p.optional() ? BufferedDataTable.TYPE_OPTIONAL : BufferedDataTable.TYPE)
                .toArray(PortType[]::new);
    }

    private static PortType[] outputTypes(NodeSpec node) {
        return node.isPlot() ? new PortType[] {ImagePortObject.TYPE}
                : node.outputs().stream().map(p -> BufferedDataTable.TYPE).toArray(PortType[]::new);
    }

    NodeSpec node() {
        return node;
    }

    /** The tables the view draws, empty before an execution. */
    List<Table> viewTables() {
        return viewTables;
    }

    ParameterValues values() throws InvalidSettingsException {
        return SettingsModels.values(node.parameters(), settings);
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        ParameterValues values = values();
        List<TableSchema> in = new ArrayList<>();
        for (int i = 0; i < inSpecs.length; i++) {
            Port port = node.inputs().get(i);
            if (inSpecs[i] == null && !port.optional()) {
                throw new InvalidSettingsException("connect the " + port.name() + " input (" + port.description() + ")");
            }
            in.add(inSpecs[i] == null ? null : KnimeTables.schema((DataTableSpec) inSpecs[i]));
        }
        try {
            if (node.isPlot()) {
                node.plot().check(in, values);
                return new PortObjectSpec[] {new ImagePortObjectSpec(PNGImageContent.TYPE)};
            }
            return node.operation().outputSchemas(in, values).stream().map(KnimeTables::spec).toArray(PortObjectSpec[]::new);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        ParameterValues values = values();
        List<Table> in = new ArrayList<>();
        for (PortObject o : inObjects) {
            in.add(o == null ? null : KnimeTables.table((BufferedDataTable) o));
        }
        try {
            if (node.isPlot()) {
                byte[] png = node.plot().png(in, values);
                viewTables = in;
                return new PortObject[] {new ImagePortObject(new PNGImageContent(png),
                        new ImagePortObjectSpec(PNGImageContent.TYPE))};
            }
            OperationResult r = node.operation().run(in, values, new KnimeProgress(exec));
            if (!r.warnings().isEmpty()) {
                setWarningMessage(String.join("\n", r.warnings()));
            }
            PortObject[] out = new PortObject[r.tables().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = KnimeTables.table(r.table(i), exec);
            }
            viewTables = node.hasView() ? List.of(r.table(0)) : List.of();
            return out;
        } catch (CancelledException e) {
            throw new CanceledExecutionException(e.getMessage());
        }
    }

    @Override
    protected void reset() {
        viewTables = List.of();
    }

    @Override
    protected void saveSettingsTo(NodeSettingsWO target) {
        for (SettingsModel m : settings) {
            m.saveSettingsTo(target);
        }
    }

    @Override
    protected void validateSettings(NodeSettingsRO source) throws InvalidSettingsException {
        SettingsModels.validate(node, source);
    }

    @Override
    protected void loadValidatedSettingsFrom(NodeSettingsRO source) throws InvalidSettingsException {
        SettingsModels.load(node, settings, source);
    }

    @Override
    protected void saveInternals(File dir, ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        for (int i = 0; i < viewTables.size(); i++) {
            if (viewTables.get(i) != null) {
                Csv.write(viewTables.get(i), dir.toPath().resolve("view-" + i + ".csv"));
            }
        }
    }

    @Override
    protected void loadInternals(File dir, ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        Table[] tables = new Table[node.isPlot() ? node.inputs().size() : 1];
        boolean any = false;
        for (int i = 0; i < tables.length; i++) {
            Path f = dir.toPath().resolve("view-" + i + ".csv");
            if (Files.exists(f)) {
                tables[i] = Csv.read(f);
                any = true;
            }
        }
        viewTables = any ? Arrays.asList(tables) : List.of();
    }
}
