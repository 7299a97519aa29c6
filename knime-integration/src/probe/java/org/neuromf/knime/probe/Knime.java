package org.neuromf.knime.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowLoadHelper;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.node.workflow.WorkflowPersistor.WorkflowLoadResult;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.ColumnType;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.workflow.PaperExpectations;

/** KNIME's own API, as the checks use it: loading copies of workflows, settings, output tables. */
final class Knime {

    private static int copies;

    private Knime() {
    }

    /** A workflow KNIME loaded, with the result of loading it. */
    record Loaded(WorkflowManager wfm, WorkflowLoadResult result, Path folder) implements AutoCloseable {

        NodeID id(int node) {
            return wfm.getID().createChild(node);
        }

        NodeContainer node(int node) {
            return wfm.getNodeContainer(id(node));
        }

        @Override
        public void close() {
            WorkflowManager.ROOT.removeProject(wfm.getID());
        }
    }

    /** Loads a copy of a workflow folder (KNIME writes into the folder it loads). */
    static Loaded load(Path workflow, Path scratch) throws Exception {
        Path copy = copy(workflow, scratch.resolve("copy-" + (++copies)).resolve(workflow.getFileName().toString()));
        WorkflowLoadResult r = WorkflowManager.loadProject(copy.toFile(), new ExecutionMonitor(),
                new WorkflowLoadHelper(WorkflowContextV2.forTemporaryWorkflow(copy, null)));
        return new Loaded(r.getWorkflowManager(), r, copy);
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** The node's settings as its dialog would get them (defaults filled in for a new node). */
    static NodeSettings settings(WorkflowManager wfm, NodeID id) {
        return wfm.getNodeContainer(id).getNodeSettings();
    }

    static NodeSettings model(NodeSettings settings) throws InvalidSettingsException {
        return settings.getNodeSettings("model");
    }

    /** Changes model settings through loadNodeSettings, as the dialog's OK does. */
    static void set(WorkflowManager wfm, NodeID id, Map<String, Object> changes) throws InvalidSettingsException {
        NodeSettings s = settings(wfm, id);
        NodeSettings model = model(s);
        changes.forEach((key, value) -> put(model, key, value));
        wfm.loadNodeSettings(id, s);
    }

    /** Stores a setting value (Double, Integer, Long, Boolean or String) under its key. */
    static void put(NodeSettingsWO model, String key, Object value) {
        if (value instanceof Double d) {
            model.addDouble(key, d);
        } else if (value instanceof Integer i) {
            model.addInt(key, i);
        } else if (value instanceof Long l) {
            model.addLong(key, l);
        } else if (value instanceof Boolean b) {
            model.addBoolean(key, b);
        } else {
            model.addString(key, (String) value);
        }
    }

    /** A stored setting, read as the type of {@code like}. */
    static Object get(NodeSettingsRO model, String key, Object like) throws InvalidSettingsException {
        if (like instanceof Double) {
            return model.getDouble(key);
        } else if (like instanceof Integer) {
            return model.getInt(key);
        } else if (like instanceof Long) {
            return model.getLong(key);
        } else if (like instanceof Boolean) {
            return model.getBoolean(key);
        }
        return model.getString(key);
    }

    /** Executes one node (and what it needs) and waits. */
    static void execute(WorkflowManager wfm, NodeID id) throws InterruptedException {
        wfm.executeUpToHere(id);
        wfm.waitWhileInExecution(10, TimeUnit.MINUTES);
    }

    /** Every node's state and message, to say why something did not run. */
    static String states(WorkflowManager wfm) {
        StringBuilder b = new StringBuilder();
        for (NodeContainer nc : wfm.getNodeContainers()) {
            b.append("\n  ").append(nc.getNameWithID()).append(' ').append(nc.getNodeContainerState()).append(' ')
                    .append(nc.getNodeMessage().getMessageType()).append(": ").append(nc.getNodeMessage().getMessage());
        }
        return b.toString();
    }

    /** A KNIME table read with KNIME's API into the engine's table, column types mapped one to one. */
    static Table table(BufferedDataTable data) {
        DataTableSpec spec = data.getDataTableSpec();
        List<ColumnSpec> columns = new ArrayList<>();
        for (DataColumnSpec c : spec) {
            columns.add(new ColumnSpec(c.getName(), type(c), ""));
        }
        Table.Builder rows = Table.builder(new TableSchema(columns));
        for (DataRow row : data) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                DataCell cell = row.getCell(i);
                values[i] = cell.isMissing() ? null : switch (columns.get(i).type()) {
                    case INT -> ((IntValue) cell).getIntValue();
                    case LONG -> ((LongValue) cell).getLongValue();
                    case DOUBLE -> ((DoubleValue) cell).getDoubleValue();
                    case STRING -> ((StringValue) cell).getStringValue();
                };
            }
            rows.addRow(values);
        }
        return rows.build();
    }

    static ColumnType type(DataColumnSpec c) {
        if (c.getType().equals(IntCell.TYPE)) {
            return ColumnType.INT;
        } else if (c.getType().equals(LongCell.TYPE)) {
            return ColumnType.LONG;
        } else if (c.getType().equals(DoubleCell.TYPE)) {
            return ColumnType.DOUBLE;
        }
        return ColumnType.STRING;
    }

    /** The table at table port {@code port} (from 0; KNIME's port 0 is the flow-variable port). */
    static Table output(NodeContainer node, int port) {
        return table((BufferedDataTable) node.getOutPort(port + 1).getPortObject());
    }

    static byte[] png(NodeContainer node) {
        return ((PNGImageValue) ((ImagePortObject) node.getOutPort(1).getPortObject()).toDataCell()).getImageContent()
                .getByteArray();
    }

    /** An executed workflow's outputs, read from KNIME's output ports, for {@link PaperExpectations}. */
    static PaperExpectations.Outputs outputs(Loaded w) {
        return new PaperExpectations.Outputs() {
            @Override
            public Table table(String nodeFolder, int port) {
                return output(w.node(idOf(nodeFolder)), port);
            }

            @Override
            public int imageWidth(String nodeFolder) {
                try {
                    return ImageIO.read(new ByteArrayInputStream(png(w.node(idOf(nodeFolder))))).getWidth();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** The node id in a folder name: {@code Compare (#6)} is node 6. */
    static int idOf(String nodeFolder) {
        return Integer.parseInt(nodeFolder.substring(nodeFolder.lastIndexOf("(#") + 2, nodeFolder.length() - 1));
    }
}
