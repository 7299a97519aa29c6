package org.neuromf.knime.probe;

import static org.neuromf.knime.probe.Checks.expect;
import static org.neuromf.knime.probe.Checks.expectEqual;

import java.nio.file.Path;
import java.util.Map;

import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.ConfigEditTreeModel;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeMessage;
import org.neuromf.core.table.Table;

/**
 * Running nodes as a KNIME user does, on hh-spontaneous (Network Builder #3, Network Simulation #4,
 * Mean-Field Model #5): cancelling a running simulation, an engine error as the node's message, and
 * a workflow variable controlling a setting.
 */
final class RunChecks {

    private static final int BUILDER = 3;
    private static final int SIMULATION = 4;
    private static final int MEAN_FIELD = 5;

    private RunChecks() {
    }

    static void run(Checks checks, Path workflows, Path scratch) throws Exception {
        Path spontaneous = workflows.resolve("hh-spontaneous");
        try (Knime.Loaded w = Knime.load(spontaneous, scratch)) {
            checks.check("Network Simulation: cancelled while running, it stops within 1 s, leaves no output and runs"
                    + " again", () -> cancel(w));
        }
        try (Knime.Loaded w = Knime.load(spontaneous, scratch)) {
            checks.check("Mean-Field Model: an integration that blows up is the node's error message", () -> {
                NodeID mf = w.id(MEAN_FIELD);
                // explicit Euler with dt = 20 T overshoots further at every step
                Knime.set(w.wfm(), mf, Map.of("method", "euler", "dt_ms", 100.0));
                Knime.execute(w.wfm(), mf);
                NodeContainer nc = w.node(MEAN_FIELD);
                expect(!nc.getNodeContainerState().isExecuted(), "executed anyway");
                NodeMessage m = nc.getNodeMessage();
                expectEqual(NodeMessage.Type.ERROR, m.getMessageType(), "message type of '" + m.getMessage() + "'");
                expect(m.getMessage().contains("the mean field diverged") && m.getMessage().contains("dt_ms = 100")
                        && !m.getMessage().contains("Exception"), "message: " + m.getMessage());
            });
        }
        try (Knime.Loaded w = Knime.load(spontaneous, scratch)) {
            checks.check("flow variables: a workflow variable bound to drive_rate_hz changes the result as the setting"
                    + " does", () -> flowVariable(w));
        }
    }

    private static void cancel(Knime.Loaded w) throws Exception {
        NodeID sim = w.id(SIMULATION);
        NodeContainer nc = w.node(SIMULATION);
        Knime.set(w.wfm(), sim, Map.of("tstop_ms", 10_000.0));
        w.wfm().executeUpToHere(sim);
        long started = System.nanoTime();
        // wait until the simulation itself runs (its progress moves), at most 60 s
        while (!(nc.getNodeContainerState().isExecutionInProgress() && progress(nc) > 0.02)) {
            expect(System.nanoTime() - started < 60e9, "the simulation did not start:" + Knime.states(w.wfm()));
            Thread.sleep(20);
        }
        long cancelled = System.nanoTime();
        w.wfm().cancelExecution(nc);
        while (nc.getNodeContainerState().isExecutionInProgress()) {
            expect(System.nanoTime() - cancelled < 30e9, "still running 30 s after cancel");
            Thread.sleep(5);
        }
        double ms = (System.nanoTime() - cancelled) / 1e6;
        System.out.println("cancel: stopped " + Math.round(ms) + " ms after cancel, at progress " + progress(nc));
        expect(ms < 1000, "stopped " + Math.round(ms) + " ms after cancel");
        expect(nc.getNodeContainerState().isConfigured(), "state after cancel: " + nc.getNodeContainerState());
        for (int p = 1; p < nc.getNrOutPorts(); p++) {
            expect(nc.getOutPort(p).getPortObject() == null, "output " + p + " after cancel");
        }
        Knime.set(w.wfm(), sim, Map.of("tstop_ms", 700.0));
        Knime.execute(w.wfm(), sim);
        expect(nc.getNodeContainerState().isExecuted(), "runs again: " + nc.getNodeContainerState() + " "
                + nc.getNodeMessage().getMessage());
        expect(Knime.output(nc, 0).rowCount() > 0, "rates after the second run");
    }

    private static double progress(NodeContainer nc) {
        Double p = nc.getProgressMonitor().getProgress();
        return p == null ? 0 : p;
    }

    private static void flowVariable(Knime.Loaded w) throws Exception {
        NodeID builder = w.id(BUILDER);
        NodeID mf = w.id(MEAN_FIELD);
        double byDefault = fixedPoint(w, mf);

        // the setting itself at 6 Hz, for reference
        Knime.set(w.wfm(), builder, Map.of("drive_rate_hz", 6.0));
        double bySetting = fixedPoint(w, mf);
        Knime.set(w.wfm(), builder, Map.of("drive_rate_hz", 4.0));

        // drive_rate_hz controlled by the workflow variable "drive", as a loop's variable would
        w.wfm().addWorkflowVariables(false, new FlowVariable("drive", 6.0));
        NodeSettings settings = Knime.settings(w.wfm(), builder);
        ConfigEditTreeModel tree = ConfigEditTreeModel.create(Knime.model(settings));
        tree.findChildForKeyPath(new String[] {"drive_rate_hz"}).setUseVariableName("drive");
        tree.writeVariablesTo((NodeSettings) settings.addNodeSettings("variables"));
        w.wfm().loadNodeSettings(builder, settings);
        double byVariable = fixedPoint(w, mf);
        w.wfm().addWorkflowVariables(false, new FlowVariable("drive", 4.0)); // resets the nodes, as a loop's next turn
        double byVariableAtFour = fixedPoint(w, mf);

        expect(bySetting > byDefault + 0.1, "a higher drive raises the rate: " + byDefault + " -> " + bySetting);
        expectEqual(bySetting, byVariable, "rate with the variable at 6 Hz vs the setting at 6 Hz");
        expectEqual(byDefault, byVariableAtFour, "rate with the variable at 4 Hz vs the default 4 Hz");
    }

    /** The excitatory rate of the mean field's fixed point, after resetting and executing it. */
    private static double fixedPoint(Knime.Loaded w, NodeID mf) throws Exception {
        w.wfm().resetAndConfigureNode(mf);
        Knime.execute(w.wfm(), mf);
        NodeContainer nc = w.wfm().getNodeContainer(mf);
        expect(nc.getNodeContainerState().isExecuted(), "the mean field did not run:" + Knime.states(w.wfm()));
        Table fixed = Knime.output(nc, 1);
        return fixed.getDouble(0, "nu_e_hz");
    }
}
