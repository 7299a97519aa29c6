package org.neuromf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.neuromf.charts.ActivityChart;
import org.neuromf.charts.RasterChart;
import org.neuromf.core.operation.NetworkSimulationOperation;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.simulation.SimulationSettings;
import org.neuromf.core.stimulus.Stimuli;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.OutputFolder;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code neuromf simulate}: the chain Cell Model (x2), Network Builder, Stimulus Waveform (when
 * --stimulus is given) and Network Simulation, with every parameter of each as an option.
 */
final class SimulateCommand implements Main.Command {

    private final ParameterOptions options = new ParameterOptions();

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("neuromf simulate");
        spec.usageMessage().description("Simulates a spiking network and writes rates.csv, spikes.csv, summary.csv,"
                + " traces.csv (with --n-rec), network.csv, stimulus.csv (with --stimulus), parameters.csv and the charts"
                + " rates.png and raster.png (with spikes recorded) into --out.",
                "Options override the presets named by --config.");
        spec.addOption(OptionSpec.builder("--config").paramLabel("EXC--INH--NETWORK").type(String.class)
                .defaultValue("HH_RS--HH_FS--CONFIG1")
                .description("cell and network presets as excitatory cell--inhibitory cell--network (default ${DEFAULT-VALUE});"
                        + " see neuromf presets").build());
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(Path.class).required(true)
                .description("folder for the result tables").build());
        spec.addOption(OptionSpec.builder("--exc-changes").paramLabel("KEY=VALUE,...").type(String.class).defaultValue("")
                .description("changes to the excitatory cell's parameters, e.g. gm_ns=15").build());
        spec.addOption(OptionSpec.builder("--inh-changes").paramLabel("KEY=VALUE,...").type(String.class).defaultValue("")
                .description("changes to the inhibitory cell's parameters").build());
        spec.addOption(OptionSpec.builder("--quiet", "-q").arity("0").type(boolean.class)
                .description("print no progress").build());
        options.add(spec, SimulationSettings.PARAMETERS).add(spec, Chains.BUILDER_OPTIONS).add(spec, Stimuli.PARAMETERS);
        return spec;
    }

    @Override
    public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
        Map<String, Object> given = options.values(parsed);
        String config = parsed.matchedOptionValue("--config", "HH_RS--HH_FS--CONFIG1");
        ConsoleProgress progress = new ConsoleProgress(err, parsed.matchedOptionValue("--quiet", false));
        Map<String, Object> used = new LinkedHashMap<>();
        Table network = Chains.network(config, parsed.matchedOptionValue("--exc-changes", ""),
                parsed.matchedOptionValue("--inh-changes", ""), given, used);

        Operation sim = new NetworkSimulationOperation();
        ParameterValues simValues = ParameterValues.of(sim.parameters(), ParameterOptions.only(given, sim.parameters()));
        List<String> warnings = new ArrayList<>();
        Table stimulus = Chains.stimulus(given, simValues.real("tstop_ms"), simValues.real("dt_ms"), used, warnings);
        used.putAll(simValues.asMap());
        sim.outputSchemas(Arrays.asList(network.schema(), stimulus == null ? null : stimulus.schema()), simValues);
        List<String> written;
        Table summary;
        try (OutputFolder folder = Outputs.open(parsed, "simulate")) {
            OperationResult result = sim.run(Arrays.asList(network, stimulus), simValues, progress);
            warnings.addAll(result.warnings());
            summary = result.table(3);
            Map<String, Table> outputs = new LinkedHashMap<>();
            outputs.put("rates.csv", result.table(0));
            if (simValues.flag("record_spikes")) {
                outputs.put("spikes.csv", result.table(1));
            }
            if (simValues.integer("n_rec") > 0) {
                outputs.put("traces.csv", result.table(2));
            }
            outputs.put("summary.csv", summary);
            outputs.put("network.csv", network);
            if (stimulus != null) {
                outputs.put("stimulus.csv", stimulus);
            }
            outputs.put("parameters.csv", Chains.parametersTable(used));
            Map<String, JFreeChart> figures = new LinkedHashMap<>();
            figures.put("rates.png", ActivityChart.create(result.table(0), 5));
            if (simValues.flag("record_spikes")) {
                double[] time = result.table(0).doubleColumn("time_ms"); // the raster spans the simulated time
                figures.put("raster.png", RasterChart.create(result.table(1), 200, time[0], time[time.length - 1]));
            }
            Outputs.tables(folder, outputs);
            Outputs.figures(folder, figures);
            written = folder.commit();
        }
        for (String w : warnings) {
            err.println("warning: " + w);
        }
        Summaries.print(summary, out);
        out.println("wrote " + String.join(", ", written) + " to " + parsed.matchedOptionValue("--out", null));
        return 0;
    }
}
