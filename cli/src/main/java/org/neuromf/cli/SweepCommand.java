package org.neuromf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.charts.SweepChart;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.stimulus.Stimuli;
import org.neuromf.core.sweep.NetworkSweep;
import org.neuromf.core.sweep.SweepValues;
import org.neuromf.core.table.ColumnType;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.OutputFolder;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code neuromf sweep}: the network of a config simulated once per row of a runs table (from
 * {@code --spec}, or made from {@code --values} as a grid or a list) and seed, in parallel.
 */
final class SweepCommand implements Main.Command {

    private final ParameterOptions options = new ParameterOptions();
    private final NetworkSweep.Runner runner;

    SweepCommand(NetworkSweep.Runner runner) {
        this.runner = runner;
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("neuromf sweep");
        spec.usageMessage().description("Simulates the network once per row of a runs table and seed, in parallel,"
                + " and writes summary.csv (one row per run: run, seed, the swept values, status, each population's"
                + " POP_mean_rate_hz, POP_rate_sd_hz, POP_cv_isi, POP_synchrony_chi, POP_active_fraction,"
                + " POP_spike_count and, with --mean-field true, the mean field's fixed point as mf_...), runs.csv (the"
                + " runs table), rates.csv (with --keep-rates true), network.csv, parameters.csv and sweep.png (the"
                + " rates against the first swept number, or --x) into --out.",
                "A runs-table column sets a simulation setting (tstop_ms, seed, ...), a stimulus parameter (stimulus,"
                        + " amp_hz, ...), a network-wide value (drive_rate_hz, p_from_exc, q_from_inh_ns, ...) or a"
                        + " population's column of network.csv prefixed with its name (exc_gm_ns, inh_b_pa,"
                        + " exc_neurons). Options set what every run shares. The results do not depend on --threads.");
        spec.addOption(OptionSpec.builder("--config").paramLabel("EXC--INH--NETWORK").type(String.class)
                .defaultValue("HH_RS--HH_FS--CONFIG1")
                .description("cell and network presets (default ${DEFAULT-VALUE}); see neuromf presets").build());
        spec.addOption(OptionSpec.builder("--spec").paramLabel("FILE.csv").type(Path.class)
                .description("the runs table: one row per run, one column per swept value").build());
        spec.addOption(OptionSpec.builder("--values").paramLabel("COLUMN=V1,V2,...|COLUMN=FROM:TO:N").type(List.class)
                .auxiliaryTypes(String.class).arity("1").description("values of one swept column, listed or N evenly spaced from FROM to TO;"
                        + " repeat for more columns (instead of --spec)").build());
        spec.addOption(OptionSpec.builder("--combine").paramLabel("grid|list").type(String.class).defaultValue("grid")
                .description("grid: every combination of the --values (the first varies slowest); list: the i-th"
                        + " values together, all lists as long (default ${DEFAULT-VALUE})").build());
        spec.addOption(OptionSpec.builder("--x").paramLabel("COLUMN").type(String.class)
                .description("the swept column on the horizontal axis of sweep.png (default: the first numeric one)")
                .build());
        spec.addOption(OptionSpec.builder("--coefficients-exc").paramLabel("FILE.csv").type(Path.class)
                .description("coefficient table of the excitatory cell, for --mean-field (default: the published fit)")
                .build());
        spec.addOption(OptionSpec.builder("--coefficients-inh").paramLabel("FILE.csv").type(Path.class)
                .description("coefficient table of the inhibitory cell, for --mean-field").build());
        spec.addOption(OptionSpec.builder("--exc-changes").paramLabel("KEY=VALUE,...").type(String.class).defaultValue("")
                .description("changes to the excitatory cell's parameters for every run, e.g. gm_ns=15").build());
        spec.addOption(OptionSpec.builder("--inh-changes").paramLabel("KEY=VALUE,...").type(String.class).defaultValue("")
                .description("changes to the inhibitory cell's parameters for every run").build());
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(Path.class).required(true)
                .description("folder for the result tables").build());
        spec.addOption(OptionSpec.builder("--quiet", "-q").arity("0").type(boolean.class).description("print no progress")
                .build());
        options.add(spec, NetworkSweep.PARAMETERS).add(spec, Chains.BUILDER_OPTIONS).add(spec, Stimuli.PARAMETERS);
        return spec;
    }

    @Override
    public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
        Map<String, Object> given = options.values(parsed);
        Map<String, Object> used = new LinkedHashMap<>();
        Table network = Chains.network(parsed.matchedOptionValue("--config", "HH_RS--HH_FS--CONFIG1"),
                parsed.matchedOptionValue("--exc-changes", ""), parsed.matchedOptionValue("--inh-changes", ""), given,
                used);
        Path specFile = parsed.matchedOptionValue("--spec", null);
        List<String> values = parsed.matchedOptionValue("--values", List.of());
        String combine = parsed.matchedOptionValue("--combine", "grid");
        Table runs;
        if (specFile != null) {
            if (!values.isEmpty()) {
                throw new ParameterException("values", "--values and --spec both give the runs: use one");
            }
            runs = Csv.read(specFile);
        } else if (!values.isEmpty()) {
            runs = SweepValues.runs(values, combine);
        } else {
            throw new ParameterException("spec", "no runs: give --spec FILE.csv or --values COLUMN=V1,V2,...");
        }
        ParameterValues sweepValues = ParameterValues.of(NetworkSweep.PARAMETERS,
                ParameterOptions.only(given, NetworkSweep.PARAMETERS));
        used.putAll(sweepValues.asMap());
        Map<String, Object> stimulus = ParameterOptions.only(given, Stimuli.PARAMETERS);
        used.putAll(stimulus);
        Path exc = parsed.matchedOptionValue("--coefficients-exc", null);
        Path inh = parsed.matchedOptionValue("--coefficients-inh", null);
        NetworkSweep sweep = new NetworkSweep(new NetworkSweep.Inputs(network, runs, null,
                stimulus.isEmpty() ? null : stimulus, exc == null ? null : Csv.read(exc),
                inh == null ? null : Csv.read(inh), sweepValues.asMap()));
        List<String> swept = runs.schema().names().stream().filter(c -> !c.equals("seed")).toList();
        String x = parsed.matchedOptionValue("--x", null);
        if (x == null) {
            x = swept.stream().filter(c -> runs.schema().column(runs.schema().indexOf(c)).type() != ColumnType.STRING)
                    .findFirst().orElse(null);
        } else if (!swept.contains(x)) {
            throw new ParameterException("x", "--x " + x + " is not a swept column; they are: " + String.join(", ", swept));
        }
        String axis = x;
        ConsoleProgress progress = new ConsoleProgress(err, parsed.matchedOptionValue("--quiet", false));
        List<String> written;
        Table summary;
        try (OutputFolder folder = Outputs.open(parsed, "sweep", specFile, exc, inh)) {
            List<NetworkSweep.Outcome> outcomes = runner.run(sweep, progress);
            summary = sweep.summary(outcomes);
            Map<String, Table> tables = new LinkedHashMap<>();
            tables.put("summary.csv", summary);
            tables.put("runs.csv", runs);
            if (sweepValues.flag("keep_rates")) {
                tables.put("rates.csv", sweep.rates(outcomes));
            }
            tables.put("network.csv", network);
            tables.put("parameters.csv", Chains.parametersTable(used));
            Outputs.tables(folder, tables);
            if (axis != null) {
                Outputs.figures(folder, Map.of("sweep.png", SweepChart.create(summary, axis)));
            }
            written = folder.commit();
        }
        for (String w : sweep.warnings()) {
            err.println("note: " + w);
        }
        List<String> failed = new ArrayList<>();
        int status = summary.schema().indexOf("status");
        for (int r = 0; r < summary.rowCount(); r++) {
            if (summary.getString(r, status).startsWith("failed")) {
                failed.add("run " + summary.getInt(r, 0) + ": " + summary.getString(r, status));
            }
        }
        out.println(summary.rowCount() + " runs, " + failed.size() + " failed" + (axis == null ? "; no sweep.png: no"
                + " numeric swept column" : ""));
        failed.forEach(f -> out.println("  " + f));
        out.println("wrote " + String.join(", ", written) + " to " + parsed.matchedOptionValue("--out", null));
        return 0;
    }
}
