package org.neuromf.cli;

import java.io.PrintStream;

import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationRegistry;
import org.neuromf.core.operation.Port;
import org.neuromf.core.param.ParameterSpec;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code neuromf operations}: the operations (KNIME nodes) with ports and parameters. */
final class OperationsCommand implements Main.Command {

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("neuromf operations");
        spec.usageMessage().description("Lists the operations (the KNIME nodes) with their tables and parameters.");
        return spec;
    }

    @Override
    public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
        for (Operation op : OperationRegistry.standard().all()) {
            out.println("== " + op.id() + " (" + op.label() + ")");
            out.println("   " + op.description());
            for (Port p : op.inputs()) {
                out.println("   input  " + p.name() + (p.optional() ? " (optional)" : "") + ": " + p.description());
            }
            for (Port p : op.outputs()) {
                out.println("   output " + p.name() + ": " + p.description());
            }
            for (ParameterSpec s : op.parameters()) {
                out.println("   --" + s.flagName() + "  [" + s.key() + "] " + ParameterOptions.describe(s));
            }
            out.println();
        }
        return 0;
    }
}
