package org.neuromf.knime.probe;

import static org.neuromf.knime.probe.Checks.expect;
import static org.neuromf.knime.probe.Checks.expectEqual;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.workflow.NodeAnnotationData;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeUIInformation;
import org.knime.core.node.workflow.WorkflowCreationHelper;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.workflow.NodeSpec;
import org.neuromf.workflow.Nodes;
import org.neuromf.workflow.PaperWorkflows;
import org.neuromf.workflow.SettingsMapping;
import org.neuromf.workflow.Workflow;
import org.neuromf.workflow.WorkflowFiles;

/**
 * A workflow built with WorkflowManager calls, as a user builds it by drag and drop, and saved by
 * KNIME's own {@code save}: once before executing it and once with its data. The test outside runs
 * both with {@code neuromf run-workflow}; here WorkflowFiles must read back what was built.
 */
final class SavingChecks {

    private SavingChecks() {
    }

    /** Builds mf-drive-sweep in KNIME and saves it into {@code saved/built} and {@code saved/executed}. */
    static void run(Checks checks, Path saved) throws Exception {
        Workflow w = PaperWorkflows.all().stream().filter(x -> x.name().equals("mf-drive-sweep")).findFirst().orElseThrow();
        Path built = saved.resolve("built").resolve(w.name());
        Path executed = saved.resolve("executed").resolve(w.name());
        checks.check(w.name() + ", built with WorkflowManager calls and saved by KNIME, then with its data", () -> {
            Files.createDirectories(built);
            WorkflowManager wfm = WorkflowManager.ROOT.createAndAddProject(w.name(),
                    new WorkflowCreationHelper(WorkflowContextV2.forTemporaryWorkflow(built, null)));
            try {
                Map<Integer, NodeID> ids = new HashMap<>();
                for (Workflow.Node n : w.nodes()) {
                    NodeID id = wfm.createAndAddNode((NodeFactory<?>) Class.forName(n.factory()).getDeclaredConstructor()
                            .newInstance());
                    ids.put(n.id(), id);
                    NodeContainer nc = wfm.getNodeContainer(id);
                    nc.setUIInformation(NodeUIInformation.builder().setNodeLocation(n.x(), n.y(), -1, -1).build());
                    nc.getNodeAnnotation().getData().copyFrom(NodeAnnotationData.createFromObsoleteCustomName(n.annotation()), true);
                    Knime.set(wfm, id, n.settings());
                }
                for (Workflow.Connection c : w.connections()) {
                    // KNIME's port 0 is the flow-variable port
                    expect(wfm.addConnection(ids.get(c.source()), c.sourcePort() + 1, ids.get(c.dest()), c.destPort() + 1)
                            != null, "connection " + c);
                }
                wfm.save(built.toFile(), new ExecutionMonitor(), true);
                expect(wfm.executeAllAndWaitUntilDone(), "executes");
                wfm.saveAs(WorkflowContextV2.forTemporaryWorkflow(executed, null), new ExecutionMonitor());
            } finally {
                WorkflowManager.ROOT.removeProject(wfm.getID());
            }
        });
        for (Path folder : new Path[] {built, executed}) {
            checks.check(w.name() + " saved by KNIME (" + folder.getParent().getFileName()
                    + "): WorkflowFiles reads back the nodes, settings and connections built", () -> {
                Workflow read = WorkflowFiles.read(folder);
                expectEqual(w.nodes().size(), read.nodes().size(), "nodes");
                for (Workflow.Node n : w.nodes()) {
                    Workflow.Node r = read.node(n.id());
                    expectEqual(n.factory(), r.factory(), n.folder());
                    expectEqual(n.settings().keySet(), r.settings().keySet(), n.folder() + " setting keys");
                    NodeSpec spec = Nodes.all().stream().filter(x -> x.factoryClass().equals(n.factory())).findFirst()
                            .orElseThrow();
                    for (ParameterSpec p : spec.parameters()) {
                        // as parameter values: a whole number is stored as an int or a long, as its range needs
                        expectEqual(SettingsMapping.fromSetting(p, n.settings().get(p.key())),
                                SettingsMapping.fromSetting(p, r.settings().get(p.key())), n.folder() + " " + p.key());
                    }
                    expectEqual(n.annotation(), r.annotation(), n.folder() + " note");
                }
                expectEqual(new java.util.HashSet<>(w.connections()), new java.util.HashSet<>(read.connections()),
                        "connections");
            });
        }
    }
}
