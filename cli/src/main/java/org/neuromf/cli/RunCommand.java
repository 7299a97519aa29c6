package org.neuromf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationRegistry;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.operation.Port;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code neuromf run OPERATION}: one operation on CSV input tables, its outputs written as CSV. */
final class RunCommand implements Main.Command {

    private final Operation operation;
    private final ParameterOptions options = new ParameterOptions();

    RunCommand(String id) {
        if (id == null || id.startsWith("-")) {
            throw new IllegalArgumentException("name the operation: neuromf run OPERATION ...; operations: "
                    + String.join(", ", OperationRegistry.standard().ids()));
        }
        operation = OperationRegistry.standard().get(id);
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("neuromf run " + operation.id());
        List<String> ports = new ArrayList<>();
        for (Port p : operation.inputs()) {
            ports.add(portName(p) + (p.optional() ? " (optional)" : ""));
        }
        spec.usageMessage().description(operation.description(),
                ports.isEmpty() ? "No input tables." : "Input tables: " + String.join(", ", ports) + ".");
        spec.addOption(OptionSpec.builder("--input", "-i").paramLabel("PORT=FILE").type(String[].class)
                .description("an input table as CSV, e.g. --input network=network.csv").build());
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(Path.class).required(true)
                .description("folder for the output tables, one CSV per output").build());
        spec.addOption(OptionSpec.builder("--quiet", "-q").arity("0").type(boolean.class).description("print no progress").build());
        options.add(spec, operation.parameters());
        return spec;
    }

    static String portName(Port p) {
        return p.name().replace(' ', '_');
    }

    @Override
    public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String item : parsed.matchedOptionValue("--input", new String[0])) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--input " + item + " must be PORT=FILE");
            }
            files.put(item.substring(0, eq), Path.of(item.substring(eq + 1)));
        }
        List<Table> inputs = new ArrayList<>();
        for (Port p : operation.inputs()) {
            Path f = files.remove(portName(p));
            if (f == null && !p.optional()) {
                throw new IllegalArgumentException("input table '" + portName(p) + "' is missing: add --input "
                        + portName(p) + "=FILE.csv");
            }
            inputs.add(f == null ? null : Csv.read(f));
        }
        if (!files.isEmpty()) {
            throw new IllegalArgumentException(operation.id() + " has no input " + files.keySet() + "; its inputs are "
                    + operation.inputs().stream().map(RunCommand::portName).toList());
        }
        ParameterValues values = ParameterValues.of(operation.parameters(), options.values(parsed));
        OperationResult result = operation.run(inputs, values,
                new ConsoleProgress(err, parsed.matchedOptionValue("--quiet", false)));
        Map<String, Table> outputs = new LinkedHashMap<>();
        for (int i = 0; i < operation.outputs().size(); i++) {
            outputs.put(portName(operation.outputs().get(i)) + ".csv", result.table(i));
        }
        Path dir = parsed.matchedOptionValue("--out", null);
        Outputs.write(dir, outputs);
        for (String w : result.warnings()) {
            err.println("warning: " + w);
        }
        out.println("wrote " + String.join(", ", outputs.keySet()) + " to " + dir);
        return 0;
    }
}
