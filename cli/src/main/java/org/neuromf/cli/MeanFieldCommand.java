package org.neuromf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.charts.MeanFieldChart;
import org.neuromf.core.meanfield.MeanFieldSettings;
import org.neuromf.core.operation.MeanFieldOperation;
import org.neuromf.core.operation.MeanFieldSweepOperation;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.stimulus.Stimuli;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.OutputFolder;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code neuromf meanfield}: the mean field of a network made from presets, with an optional
 * stimulus and coefficient tables (the published fits otherwise), and optionally a drive sweep.
 */
final class MeanFieldCommand implements Main.Command {

    private final ParameterOptions options = new ParameterOptions();
    private final Operation meanField = new MeanFieldOperation();
    private final Operation sweep = new MeanFieldSweepOperation();

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("neuromf meanfield");
        spec.usageMessage().description("Runs the mean field of a network and writes meanfield.csv (time course),"
                + " fixed_point.csv (with its stability), network.csv and parameters.csv into --out; with --drive-points,"
                + " also sweep.csv, the fixed points over a range of drives.",
                "Without --coefficients-exc/--coefficients-inh the published fits of HH_RS and HH_FS are used.");
        spec.addOption(OptionSpec.builder("--config").paramLabel("EXC--INH--NETWORK").type(String.class)
                .defaultValue("HH_RS--HH_FS--CONFIG1").description("cell and network presets (default ${DEFAULT-VALUE})")
                .build());
        spec.addOption(OptionSpec.builder("--coefficients-exc").paramLabel("FILE.csv").type(Path.class)
                .description("coefficient table of the excitatory cell (coefficients.csv of neuromf tf-fit)").build());
        spec.addOption(OptionSpec.builder("--coefficients-inh").paramLabel("FILE.csv").type(Path.class)
                .description("coefficient table of the inhibitory cell").build());
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(Path.class).required(true)
                .description("folder for the result tables").build());
        spec.addOption(OptionSpec.builder("--quiet", "-q").arity("0").type(boolean.class).description("print no progress")
                .build());
        options.alias("drive_rate_hz", "--drive").add(spec, meanField.parameters()).add(spec, sweep.parameters()).add(spec, Chains.BUILDER_OPTIONS)
                .add(spec, Stimuli.PARAMETERS);
        return spec;
    }

    @Override
    public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
        Map<String, Object> given = options.values(parsed);
        Map<String, Object> used = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Table network = Chains.network(parsed.matchedOptionValue("--config", "HH_RS--HH_FS--CONFIG1"), "", "", given, used);
        ParameterValues values = ParameterValues.of(meanField.parameters(),
                ParameterOptions.only(given, meanField.parameters()));
        used.putAll(values.asMap());
        Table stimulus = Chains.stimulus(given, values.real("tstop_ms"), values.real("dt_ms"), used, warnings);
        Path exc = parsed.matchedOptionValue("--coefficients-exc", null);
        Path inh = parsed.matchedOptionValue("--coefficients-inh", null);
        Table excTable = exc == null ? null : Csv.read(exc);
        Table inhTable = inh == null ? null : Csv.read(inh);
        boolean sweeping = given.containsKey("drive_points");
        if (!sweeping && (given.containsKey("drive_from_hz") || given.containsKey("drive_to_hz"))) {
            throw new ParameterException("drive_points", "--drive-from and --drive-to shape a drive sweep: add"
                    + " --drive-points N");
        }
        ParameterValues sweepValues = ParameterValues.of(sweep.parameters(), ParameterOptions.only(given, sweep.parameters()));
        if (sweeping) {
            MeanFieldSettings.drives(sweepValues);
            used.putAll(sweepValues.asMap());
        }
        List<Table> inputs = Arrays.asList(network, excTable, inhTable, stimulus);
        meanField.outputSchemas(inputs.stream().map(t -> t == null ? null : t.schema()).toList(), values);
        ConsoleProgress progress = new ConsoleProgress(err, parsed.matchedOptionValue("--quiet", false));
        List<String> written;
        Table fixedPoint;
        try (OutputFolder folder = Outputs.open(parsed, "meanfield", exc, inh)) {
            OperationResult r = meanField.run(inputs, values, progress);
            warnings.addAll(r.warnings());
            fixedPoint = r.table(1);
            Map<String, Table> outputs = new LinkedHashMap<>();
            outputs.put("meanfield.csv", r.table(0));
            outputs.put("fixed_point.csv", fixedPoint);
            if (sweeping) {
                outputs.put("sweep.csv", sweep.run(Arrays.asList(network, excTable, inhTable), sweepValues, progress)
                        .table(0));
            }
            outputs.put("network.csv", network);
            if (stimulus != null) {
                outputs.put("stimulus.csv", stimulus);
            }
            outputs.put("parameters.csv", Chains.parametersTable(used));
            Outputs.tables(folder, outputs);
            Outputs.figures(folder, Map.of("meanfield.png", MeanFieldChart.create(null, r.table(0), 5)));
            written = folder.commit();
        }
        for (String w : warnings) {
            err.println("note: " + w);
        }
        Summaries.print(fixedPoint.select("drive_hz", "nu_e_hz", "nu_i_hz", "sd_e_hz", "sd_i_hz", "cov_ei_hz2",
                "max_real_eigenvalue_per_s", "stable"), out);
        out.println("wrote " + String.join(", ", written) + " to " + parsed.matchedOptionValue("--out", null));
        return 0;
    }
}
