package org.neuromf.knime.probe;

import static org.neuromf.knime.probe.Checks.expect;
import static org.neuromf.knime.probe.Checks.expectEqual;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.knime.core.node.workflow.ConnectionContainer;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.WorkflowPersistor.LoadResultEntry.LoadResultEntryType;
import org.knime.core.util.workflowalizer.WorkflowMetadata;
import org.knime.core.util.workflowalizer.Workflowalizer;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.TableSchema;
import org.neuromf.workflow.NodeSpec;
import org.neuromf.workflow.PaperExpectations;
import org.neuromf.workflow.PaperWorkflows;
import org.neuromf.workflow.Workflow;
import org.neuromf.workflow.WorkflowFiles;
import org.neuromf.workflow.WorkflowRunner;

/**
 * Every test workflow in KNIME: it loads cleanly, holds what {@link PaperWorkflows} means, every
 * node configures to the specs its operation promises, it executes, and its key results hold.
 */
final class WorkflowChecks {

    private WorkflowChecks() {
    }

    /** Runs the checks; returns the factories of the nodes that configured in some workflow. */
    static Set<String> run(Checks checks, Path workflows, Path scratch) throws Exception {
        Set<String> configured = new TreeSet<>();
        for (Workflow w : PaperWorkflows.all()) {
            String name = w.name();
            Path folder = workflows.resolve(name);
            Workflow files = WorkflowFiles.read(folder);
            try (Knime.Loaded loaded = Knime.load(folder, scratch)) {
                checks.check(name + ": KNIME loads it with status Ok, no error or warning, and unchanged", () -> {
                    var r = loaded.result();
                    expect(r.getType() == LoadResultEntryType.Ok && !r.hasWarningEntries(),
                            r.getFilteredError("", LoadResultEntryType.Warning));
                    expect(!loaded.wfm().isDirty(), "KNIME marks the workflow changed right after loading it");
                });
                checks.check(name + ": as many nodes and connections in KNIME as in the files", () -> {
                    expectEqual(files.nodes().size(), loaded.wfm().getNodeContainers().size(), "nodes");
                    expectEqual(files.connections().size(), loaded.wfm().getConnectionContainers().size(), "connections");
                });
                checks.check(name + ": KNIME holds the nodes, settings, notes and connections PaperWorkflows means",
                        () -> sameContent(w, loaded));
                checks.check(name + ": the Workflowalizer of KNIME servers and the Hub reads it",
                        () -> workflowalizer(files, folder));
                Map<Integer, List<PortObjectSpec>> specs = new HashMap<>();
                checks.check(name + ": every node is configured with the output specs its operation promises", () -> {
                    WorkflowRunner.Plan plan = WorkflowRunner.check(files);
                    for (Workflow.Node n : files.nodes()) {
                        NodeContainer nc = loaded.node(n.id());
                        expect(nc.getNodeContainerState().isConfigured(), n.folder() + " is " + nc.getNodeContainerState()
                                + ": " + nc.getNodeMessage().getMessage());
                        List<PortObjectSpec> out = outSpecs(nc);
                        specs.put(n.id(), out);
                        expectEqual(promised(plan.specs().get(n.id()), plan.schemas().get(n.id())), describe(out),
                                n.folder() + " output specs");
                        configured.add(n.factory());
                    }
                });
                checks.check(name + ": executes in KNIME with every node EXECUTED", () -> {
                    boolean done = loaded.wfm().executeAllAndWaitUntilDone();
                    List<String> notExecuted = new ArrayList<>();
                    for (NodeContainer nc : loaded.wfm().getNodeContainers()) {
                        if (!nc.getNodeContainerState().isExecuted()) {
                            notExecuted.add(nc.getNameWithID() + " " + nc.getNodeContainerState() + ": "
                                    + nc.getNodeMessage().getMessage());
                        }
                    }
                    expect(done && notExecuted.isEmpty(), "not executed: " + notExecuted);
                });
                checks.check(name + ": the executed outputs have the specs that configure gave", () -> {
                    for (Workflow.Node n : files.nodes()) {
                        NodeContainer nc = loaded.node(n.id());
                        List<String> executed = new ArrayList<>();
                        for (int p = 1; p < nc.getNrOutPorts(); p++) {
                            executed.add(describe(nc.getOutPort(p).getPortObject().getSpec()));
                        }
                        expectEqual(describe(specs.get(n.id())), executed.toString(), n.folder());
                    }
                });
                checks.check(name + ": the key results hold, read from KNIME's output tables and images", () -> {
                    List<String> unmet = PaperExpectations.unmet(name, Knime.outputs(loaded));
                    expect(unmet.isEmpty(), "unmet: " + unmet);
                });
            }
        }
        return configured;
    }

    private static void sameContent(Workflow w, Knime.Loaded loaded) throws Exception {
        for (Workflow.Node n : w.nodes()) {
            NodeContainer nc = loaded.node(n.id());
            expect(nc instanceof NativeNodeContainer, n.folder() + " is a native node");
            expectEqual(n.factory(), ((NativeNodeContainer) nc).getNode().getFactory().getClass().getName(), n.folder());
            expectEqual(n.name(), nc.getName(), n.folder() + " name");
            NodeSettings model = Knime.model(nc.getNodeSettings());
            List<String> keys = new ArrayList<>();
            for (String key : model.keySet()) {
                if (!key.endsWith("_Internals")) { // what each SettingsModel keeps beside its value
                    keys.add(key);
                }
            }
            expectEqual(List.copyOf(n.settings().keySet()), keys, n.folder() + " setting keys");
            for (Map.Entry<String, Object> e : n.settings().entrySet()) {
                expectEqual(e.getValue(), Knime.get(model, e.getKey(), e.getValue()), n.folder() + " " + e.getKey());
            }
            expectEqual(n.annotation(), nc.getNodeAnnotation().getData().getText(), n.folder() + " note");
            int[] bounds = nc.getUIInformation().getBounds();
            expectEqual(List.of(n.x(), n.y()), List.of(bounds[0], bounds[1]), n.folder() + " place");
        }
        Set<String> expected = new TreeSet<>();
        for (Workflow.Connection c : w.connections()) {
            // KNIME's port 0 is the flow-variable port
            expected.add(c.source() + ":" + (c.sourcePort() + 1) + " -> " + c.dest() + ":" + (c.destPort() + 1));
        }
        Set<String> actual = new TreeSet<>();
        for (ConnectionContainer c : loaded.wfm().getConnectionContainers()) {
            actual.add(c.getSource().getIndex() + ":" + c.getSourcePort() + " -> " + c.getDest().getIndex() + ":"
                    + c.getDestPort());
        }
        expectEqual(expected, actual, "connections");
    }

    private static void workflowalizer(Workflow files, Path folder) throws Exception {
        WorkflowMetadata m = Workflowalizer.readWorkflow(folder);
        expectEqual(files.nodes().size(), m.getNodes().size(), "nodes the Workflowalizer sees");
        expectEqual(files.connections().size(), m.getConnections().size(), "connections the Workflowalizer sees");
        expect(m.getAuthorInformation() != null, "author information");
        expectEqual(files.name(), m.getName(), "the name");
    }

    static List<PortObjectSpec> outSpecs(NodeContainer nc) {
        List<PortObjectSpec> out = new ArrayList<>();
        for (int p = 1; p < nc.getNrOutPorts(); p++) {
            out.add(nc.getOutPort(p).getPortObjectSpec());
        }
        return out;
    }

    /** What the node's operation promises for its outputs: its schemas, or an image for a plot. */
    static String promised(NodeSpec spec, List<TableSchema> schemas) {
        if (spec.isPlot()) {
            return List.of("image").toString();
        }
        List<String> out = new ArrayList<>();
        for (TableSchema s : schemas) {
            List<String> columns = new ArrayList<>();
            for (ColumnSpec c : s.columns()) {
                columns.add(c.name() + ":" + c.type());
            }
            out.add(String.join(", ", columns));
        }
        return out.toString();
    }

    static String describe(List<PortObjectSpec> specs) {
        return specs.stream().map(WorkflowChecks::describe).toList().toString();
    }

    static String describe(PortObjectSpec spec) {
        if (spec instanceof ImagePortObjectSpec) {
            return "image";
        }
        if (!(spec instanceof DataTableSpec table)) {
            return String.valueOf(spec);
        }
        List<String> columns = new ArrayList<>();
        for (DataColumnSpec c : table) {
            columns.add(c.getName() + ":" + Knime.type(c));
        }
        return String.join(", ", columns);
    }
}
