package org.neuromf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.charts.ActivityChart;
import org.neuromf.charts.ChartImages;
import org.neuromf.charts.RasterChart;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.operation.CellModelOperation;
import org.neuromf.core.operation.NetworkBuilderOperation;
import org.neuromf.core.operation.NetworkSimulationOperation;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.operation.StimulusWaveformOperation;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.simulation.SimulationSettings;
import org.neuromf.core.stimulus.Stimuli;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code neuromf simulate}: the chain Cell Model (x2), Network Builder, Stimulus Waveform (when
 * --stimulus is given) and Network Simulation, with every parameter of each as an option.
 */
final class SimulateCommand implements Main.Command {

    private final ParameterOptions options = new ParameterOptions();
    private final List<ParameterSpec> builderSpecs = new ArrayList<>();

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
        for (ParameterSpec s : NetworkBuilder.PARAMETERS) {
            if (!s.key().equals("network")) {
                builderSpecs.add(s);
            }
        }
        options.add(spec, SimulationSettings.PARAMETERS).add(spec, builderSpecs).add(spec, Stimuli.PARAMETERS);
        return spec;
    }

    @Override
    public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
        Map<String, Object> given = options.values(parsed);
        String config = parsed.matchedOptionValue("--config", "HH_RS--HH_FS--CONFIG1");
        String[] parts = config.split("--");
        if (parts.length != 3) {
            throw new ParameterException("config", "--config " + config
                    + " must name three presets as excitatory cell--inhibitory cell--network, e.g. HH_RS--HH_FS--CONFIG1");
        }
        ConsoleProgress progress = new ConsoleProgress(err, parsed.matchedOptionValue("--quiet", false));

        Table exc = single(new CellModelOperation(), Map.of("preset", parts[0], "changes",
                parsed.matchedOptionValue("--exc-changes", "")));
        Table inh = single(new CellModelOperation(), Map.of("preset", parts[1], "changes",
                parsed.matchedOptionValue("--inh-changes", "")));
        Map<String, Object> builder = new LinkedHashMap<>(NetworkBuilder.preset(parts[2]).asMap());
        builder.putAll(ParameterOptions.only(given, builderSpecs));
        Operation build = new NetworkBuilderOperation();
        ParameterValues builderValues = ParameterValues.of(build.parameters(), builder);
        Table network = build.run(List.of(exc, inh), builderValues, progress).table(0);
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("config", config);
        used.put("exc_changes", parsed.matchedOptionValue("--exc-changes", ""));
        used.put("inh_changes", parsed.matchedOptionValue("--inh-changes", ""));
        used.putAll(builderValues.asMap());

        Operation sim = new NetworkSimulationOperation();
        ParameterValues simValues = ParameterValues.of(sim.parameters(), ParameterOptions.only(given, sim.parameters()));
        Map<String, Table> outputs = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Table stimulus = null;
        if (given.containsKey("stimulus")) {
            Operation stim = new StimulusWaveformOperation();
            Map<String, Object> stimValues = ParameterOptions.only(given, stim.parameters());
            stimValues.put("tstop_ms", simValues.real("tstop_ms"));
            stimValues.put("dt_ms", simValues.real("dt_ms"));
            ParameterValues stimParameters = ParameterValues.of(stim.parameters(), stimValues);
            used.putAll(stimParameters.asMap());
            OperationResult r = stim.run(List.of(), stimParameters, progress);
            warnings.addAll(r.warnings());
            stimulus = r.table(0);
        } else {
            for (ParameterSpec s : Stimuli.PARAMETERS) {
                if (given.containsKey(s.key())) {
                    throw new ParameterException(s.key(), "--" + s.flagName() + " shapes a stimulus: add --stimulus ("
                            + Stimuli.PARAMETERS.get(0).allowed() + ")");
                }
            }
        }
        used.putAll(simValues.asMap());
        OperationResult result = sim.run(Arrays.asList(network, stimulus), simValues, progress);
        warnings.addAll(result.warnings());

        outputs.put("rates.csv", result.table(0));
        if (simValues.flag("record_spikes")) {
            outputs.put("spikes.csv", result.table(1));
        }
        if (simValues.integer("n_rec") > 0) {
            outputs.put("traces.csv", result.table(2));
        }
        outputs.put("summary.csv", result.table(3));
        outputs.put("network.csv", network);
        if (stimulus != null) {
            outputs.put("stimulus.csv", stimulus);
        }
        outputs.put("parameters.csv", parametersTable(used));
        Path dir = parsed.matchedOptionValue("--out", null);
        Outputs.write(dir, outputs);
        List<String> written = new ArrayList<>(outputs.keySet());
        written.addAll(writeCharts(dir, result.table(0), outputs.get("spikes.csv")));

        for (String w : warnings) {
            err.println("warning: " + w);
        }
        Summaries.print(result.table(3), out);
        out.println("wrote " + String.join(", ", written) + " to " + dir);
        return 0;
    }

    /** rates.png and, when spikes were recorded, raster.png; returns the names written. */
    private static List<String> writeCharts(Path dir, Table rates, Table spikes) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // a command line never opens a window
        }
        ChartImages.writePng(ActivityChart.create(rates, 5), dir.resolve("rates.png"), 1200, 600);
        if (spikes == null) {
            return List.of("rates.png");
        }
        double[] time = rates.doubleColumn("time_ms"); // the raster spans the simulated time, as the rates do
        ChartImages.writePng(RasterChart.create(spikes, 200, time[0], time[time.length - 1]), dir.resolve("raster.png"),
                1200, 600);
        return List.of("rates.png", "raster.png");
    }

    private static Table single(Operation op, Map<String, ?> values) {
        return op.run(List.of(), ParameterValues.of(op.parameters(), values), org.neuromf.core.util.Progress.NONE).table(0);
    }

    /** Every value the run used, so that it can be repeated. */
    private static Table parametersTable(Map<String, Object> used) {
        Table.Builder b = Table.builder(TableSchema.of(ColumnSpec.text("parameter", "setting key"),
                ColumnSpec.text("value", "value, in the unit its key names")));
        used.forEach((k, v) -> b.addRow(k, String.valueOf(v)));
        return b.build();
    }
}
