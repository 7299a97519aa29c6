package org.neuromf.knime.probe;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.neuromf.workflow.NodeSpec;
import org.neuromf.workflow.Nodes;

/**
 * The checks made inside a real KNIME core, started by the integration test outside it.
 * Arguments: the results file, the folder of the test workflows, a scratch folder, and the folder
 * that receives the workflows KNIME saves (for the test outside to run with the command line).
 */
public final class Probe {

    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        Checks checks = new Checks(Path.of(args[0]));
        Path workflows = Path.of(args[1]);
        Path scratch = Path.of(args[2]);
        Path saved = Path.of(args[3]);

        // a developer may run some sections only: -Dneuromf.knime.sections=workflows,nodes,runs,saving
        Set<String> sections = Set.of(System.getProperty("neuromf.knime.sections", "workflows,nodes,runs,saving").split(","));
        if (sections.contains("workflows")) {
            workflows(checks, workflows, scratch);
        }
        if (sections.contains("nodes")) {
            NodeChecks.run(checks, scratch);
        }
        if (sections.contains("runs")) {
            RunChecks.run(checks, workflows, scratch);
        }
        if (sections.contains("saving")) {
            SavingChecks.run(checks, saved);
        }
    }

    private static void workflows(Checks checks, Path workflows, Path scratch) throws Exception {
        Set<String> configured = WorkflowChecks.run(checks, workflows, scratch);
        checks.check("every node factory is configured in some test workflow", () -> {
            Set<String> missing = new TreeSet<>();
            for (NodeSpec n : Nodes.all()) {
                if (!configured.contains(n.factoryClass())) {
                    missing.add(n.factoryClass());
                }
            }
            Checks.expect(missing.isEmpty(), "in no test workflow: " + missing);
        });
    }
}
