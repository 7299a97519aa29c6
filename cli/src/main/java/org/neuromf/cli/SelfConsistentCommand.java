package org.neuromf.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.operation.SelfConsistentTransferOperation;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.OutputFolder;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code neuromf tf-self-consistent}: the self-consistent transfer functions of a network (cell and
 * network presets, with the builder's options), written as tables the mean field takes.
 */
final class SelfConsistentCommand implements Main.Command {

    private final ParameterOptions options = new ParameterOptions();
    private final Operation loop = new SelfConsistentTransferOperation();

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("neuromf tf-self-consistent");
        spec.usageMessage().description(loop.description().replace("%", "%%"), "Writes iterations.csv,"
                + " coefficients_exc.csv, coefficients_inh.csv (for neuromf meanfield --order 1"
                + " --coefficients-exc/--coefficients-inh), tf_samples_exc.csv, tf_samples_inh.csv, network.csv and"
                + " parameters.csv into --out.");
        spec.addOption(OptionSpec.builder("--config").paramLabel("EXC--INH--NETWORK").type(String.class)
                .defaultValue("HH_RS--HH_FS--CONFIG1").description("cell and network presets (default ${DEFAULT-VALUE})")
                .build());
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(java.nio.file.Path.class).required(true)
                .description("folder for the result tables").build());
        spec.addOption(OptionSpec.builder("--quiet", "-q").arity("0").type(boolean.class).description("print no progress")
                .build());
        options.add(spec, loop.parameters()).add(spec, Chains.BUILDER_OPTIONS);
        return spec;
    }

    @Override
    public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
        Map<String, Object> given = options.values(parsed);
        Map<String, Object> used = new LinkedHashMap<>();
        Table network = Chains.network(parsed.matchedOptionValue("--config", "HH_RS--HH_FS--CONFIG1"), "", "", given, used);
        ParameterValues values = ParameterValues.of(loop.parameters(), ParameterOptions.only(given, loop.parameters()));
        used.putAll(values.asMap());
        loop.outputSchemas(List.of(network.schema()), values);
        ConsoleProgress progress = new ConsoleProgress(err, parsed.matchedOptionValue("--quiet", false));
        OperationResult r;
        List<String> written;
        try (OutputFolder folder = Outputs.open(parsed, "tf-self-consistent")) {
            r = loop.run(List.of(network), values, progress);
            Map<String, Table> outputs = new LinkedHashMap<>();
            outputs.put("iterations.csv", r.table(0));
            outputs.put("coefficients_exc.csv", r.table(1));
            outputs.put("coefficients_inh.csv", r.table(2));
            outputs.put("tf_samples_exc.csv", r.table(3));
            outputs.put("tf_samples_inh.csv", r.table(4));
            outputs.put("network.csv", network);
            outputs.put("parameters.csv", Chains.parametersTable(used));
            Outputs.tables(folder, outputs);
            written = folder.commit();
        }
        for (String w : r.warnings()) {
            err.println("note: " + w);
        }
        Summaries.print(r.table(0).select("iteration", "nu_e_hz", "nu_i_hz", "change_percent", "out_cv_exc",
                "out_cv_inh"), out);
        out.println("wrote " + String.join(", ", written) + " to " + parsed.matchedOptionValue("--out", null));
        return 0;
    }
}
