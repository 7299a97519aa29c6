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
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.sweep.OperationSweep;
import org.neuromf.core.sweep.SweepValues;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.OutputFolder;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code neuromf run OPERATION}: one operation on CSV input tables, its outputs written as CSV; with
 * {@code --sweep} or {@code --sweep-spec}, once per run (an {@link OperationSweep}).
 */
final class RunCommand implements Main.Command {

    private final Operation operation;
    private final ParameterOptions options = new ParameterOptions();

    RunCommand(String id) {
        if (id.startsWith("-")) {
            throw new IllegalArgumentException("name the operation before its options: neuromf run OPERATION [options];"
                    + " operations: " + String.join(", ", OperationRegistry.standard().ids()));
        }
        operation = OperationRegistry.standard().get(id);
    }

    /** {@code neuromf run} without an operation, or with --help: what it does and the operations there are. */
    static void usage(PrintStream s) {
        s.println("usage: neuromf run OPERATION [--input PORT=FILE.csv ...] [options] --out DIR");
        s.println("Runs one operation on CSV input tables and writes one CSV per output into --out.");
        s.println("Operations (neuromf run OPERATION --help lists its tables and options, neuromf operations all of them):");
        for (Operation op : OperationRegistry.standard().all()) {
            s.println("  " + op.id() + "  " + op.label());
        }
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("neuromf run " + operation.id());
        List<String> ports = new ArrayList<>();
        for (Port p : operation.inputs()) {
            ports.add(portName(p) + (p.optional() ? " (optional)" : ""));
        }
        spec.usageMessage().description(operation.description().replace("%", "%%"),
                ports.isEmpty() ? "No input tables." : "Input tables: " + String.join(", ", ports) + ".");
        spec.addOption(OptionSpec.builder("--input", "-i").paramLabel("PORT=FILE").type(String[].class)
                .description("an input table as CSV, e.g. --input network=network.csv").build());
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(Path.class).required(true)
                .description("folder for the output tables, one CSV per output").build());
        spec.addOption(OptionSpec.builder("--quiet", "-q").arity("0").type(boolean.class).description("print no progress").build());
        spec.addOption(OptionSpec.builder("--sweep").paramLabel("COLUMN=V1,V2,...|COLUMN=FROM:TO:N").type(List.class)
                .auxiliaryTypes(String.class).arity("1").description("run once per value (repeatable: a grid, or a"
                        + " list with --sweep-combine list); COLUMN is a parameter or a column of an input table (in a"
                        + " network table also POP_COLUMN); the outputs gain run and the swept columns").build());
        spec.addOption(OptionSpec.builder("--sweep-combine").paramLabel("grid|list").type(String.class)
                .defaultValue("grid").description("grid: every combination of the --sweep values; list: the i-th"
                        + " values together (default ${DEFAULT-VALUE})").build());
        spec.addOption(OptionSpec.builder("--sweep-spec").paramLabel("FILE").type(Path.class)
                .description("the runs as a CSV file, one row per run, instead of --sweep").build());
        options.add(spec, operation.parameters());
        return spec;
    }

    /** The runs of --sweep or of the --sweep-spec file {@code spec} (null without it); null without either. */
    private static Table sweepRuns(ParseResult parsed, Path spec) {
        List<String> sweep = parsed.matchedOptionValue("--sweep", List.of());
        if (spec != null && !sweep.isEmpty()) {
            throw new ParameterException("sweep", "--sweep and --sweep-spec both give the runs: use one");
        }
        if (spec != null) {
            return Csv.read(spec);
        }
        return sweep.isEmpty() ? null : SweepValues.runs(sweep, parsed.matchedOptionValue("--sweep-combine", "grid"));
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
            if (files.put(item.substring(0, eq), Path.of(item.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("--input " + item.substring(0, eq) + " is given twice: give each input"
                        + " table once");
            }
        }
        ParameterValues values = ParameterValues.of(operation.parameters(), options.values(parsed));
        Path sweepSpec = parsed.matchedOptionValue("--sweep-spec", null);
        List<Path> read = new ArrayList<>(files.values()); // the files read, which --out is checked against
        if (sweepSpec != null) {
            read.add(sweepSpec);
        }
        List<Table> inputs = new ArrayList<>();
        List<TableSchema> schemas = new ArrayList<>();
        for (Port p : operation.inputs()) {
            Path f = files.remove(portName(p));
            if (f == null && !p.optional()) {
                throw new IllegalArgumentException("input table '" + portName(p) + "' is missing: add --input "
                        + portName(p) + "=FILE.csv");
            }
            Table t = f == null ? null : Csv.read(f);
            inputs.add(t);
            schemas.add(t == null ? null : t.schema());
        }
        if (!files.isEmpty()) {
            throw new IllegalArgumentException(operation.id() + " has no input " + String.join(", ", files.keySet())
                    + "; its inputs are " + String.join(", ", operation.inputs().stream().map(RunCommand::portName).toList()));
        }
        Table runs = sweepRuns(parsed, sweepSpec);
        OperationSweep sweep = null;
        if (runs == null) {
            operation.outputSchemas(schemas, values); // what KNIME's configure checks, before any work
        } else {
            sweep = new OperationSweep(operation, inputs, runs, values.asMap()); // checks every run
        }
        try (OutputFolder folder = Outputs.open(parsed, "run " + operation.id(), read.toArray(new Path[0]))) {
            ConsoleProgress progress = new ConsoleProgress(err, parsed.matchedOptionValue("--quiet", false));
            OperationResult result = sweep == null ? operation.run(inputs, values, progress) : sweep.runAll(progress);
            Map<String, Table> outputs = new LinkedHashMap<>();
            for (int i = 0; i < operation.outputs().size(); i++) {
                outputs.put(portName(operation.outputs().get(i)) + ".csv", result.table(i));
            }
            Outputs.tables(folder, outputs);
            List<String> written = folder.commit();
            for (String w : result.warnings()) {
                err.println("warning: " + w);
            }
            out.println("wrote " + String.join(", ", written) + " to " + folder.target());
        }
        return 0;
    }
}
