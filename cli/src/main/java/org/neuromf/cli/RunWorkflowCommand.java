package org.neuromf.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.neuromf.core.util.OutputFolder;
import org.neuromf.workflow.Workflow;
import org.neuromf.workflow.WorkflowFiles;
import org.neuromf.workflow.WorkflowRunner;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** {@code neuromf run-workflow DIR|FILE.knwf [--out DIR]}: a NeuroMF workflow, headless. */
final class RunWorkflowCommand implements Main.Command {

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("neuromf run-workflow");
        spec.usageMessage().description("Runs a KNIME workflow made of NeuroMF nodes headless, in dependency order with"
                + " each node's settings, and writes every output table as CSV and every figure as PNG into --out, one"
                + " folder per node. A workflow with any other node is refused, naming the node and its factory.");
        spec.addPositional(PositionalParamSpec.builder().paramLabel("WORKFLOW").type(Path.class)
                .description("a workflow folder (with workflow.knime) or a .knwf file").build());
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(Path.class)
                .description("folder for the outputs (default: <workflow name>-results)").build());
        spec.addOption(OptionSpec.builder("--quiet", "-q").arity("0").type(boolean.class).description("print no progress")
                .build());
        return spec;
    }

    @Override
    public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
        Path path = parsed.matchedPositionalValue(0, null);
        if (path == null) {
            throw new IllegalArgumentException("name the workflow: neuromf run-workflow DIR|FILE.knwf");
        }
        Workflow w = WorkflowFiles.read(path);
        Path dir = parsed.matchedOptionValue("--out", Path.of(w.name() + "-results"));
        try (OutputFolder folder = Outputs.open(dir, "run-workflow", path)) {
            WorkflowRunner.Result r = WorkflowRunner.run(w, folder,
                    new ConsoleProgress(err, parsed.matchedOptionValue("--quiet", false)));
            folder.commit();
            for (String warning : r.warnings()) {
                err.println("note: " + warning);
            }
        }
        out.println("ran " + w.nodes().size() + " nodes of " + w.name() + "; wrote their outputs to " + dir);
        return 0;
    }
}
