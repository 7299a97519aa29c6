package org.neuromf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.charts.TransferFunctionChart;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.operation.NetworkBuilderOperation;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.operation.TransferFunctionFitOperation;
import org.neuromf.core.operation.TransferFunctionScanOperation;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.OutputFolder;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.transfer.TransferFunction;
import org.neuromf.core.transfer.TransferScan;
import org.neuromf.core.util.Progress;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code neuromf tf-scan} and {@code neuromf tf-fit}: a cell (preset plus changes) in a network
 * (preset plus builder options, or a network table) through Transfer Function Scan or Fit.
 */
final class TransferCommands {

    private TransferCommands() {
    }

    /** The options naming the cell and the network, shared by both commands. */
    private static final class CellInNetwork {
        final ParameterOptions options = new ParameterOptions();

        void add(CommandSpec spec) {
            spec.addOption(OptionSpec.builder("--cell").paramLabel("PRESET").type(String.class).defaultValue("HH_RS")
                    .description("the cell preset (default ${DEFAULT-VALUE}); see neuromf presets").build());
            spec.addOption(OptionSpec.builder("--cell-changes").paramLabel("KEY=VALUE,...").type(String.class)
                    .defaultValue("").description("changes to the cell's parameters, e.g. gm_ns=15").build());
            spec.addOption(OptionSpec.builder("--network").paramLabel("PRESET|FILE.csv").type(String.class)
                    .defaultValue("CONFIG1").description("the network the cell receives its synapses from: a network"
                            + " preset (with the cell in both populations, default ${DEFAULT-VALUE}) or a network table"
                            + " written by neuromf simulate").build());
            spec.addOption(OptionSpec.builder("--quiet", "-q").arity("0").type(boolean.class)
                    .description("print no progress").build());
            options.add(spec, Chains.BUILDER_OPTIONS);
        }

        Table cell(ParseResult parsed) {
            return Chains.cell(parsed.matchedOptionValue("--cell", "HH_RS"), parsed.matchedOptionValue("--cell-changes", ""));
        }

        Table network(ParseResult parsed, Table cell, Map<String, Object> given) {
            String network = parsed.matchedOptionValue("--network", "CONFIG1");
            Map<String, Object> builderValues = ParameterOptions.only(given, Chains.BUILDER_OPTIONS);
            Path file = networkFile(parsed);
            if (file != null) {
                if (!builderValues.isEmpty()) {
                    throw new IllegalArgumentException("--network " + network + " is a network table: edit it instead of"
                            + " giving " + builderValues.keySet());
                }
                return Csv.read(file);
            }
            Map<String, Object> values = new LinkedHashMap<>(NetworkBuilder.preset(network).asMap());
            values.putAll(builderValues);
            Operation build = new NetworkBuilderOperation();
            return build.run(List.of(cell, cell), ParameterValues.of(build.parameters(), values), Progress.NONE).table(0);
        }

        /** The cell and network tables and the operation's values, from the command line. */
        Prepared prepare(ParseResult parsed, Operation op) {
            Map<String, Object> given = options.values(parsed);
            Table cell = cell(parsed);
            return new Prepared(cell, network(parsed, cell, given),
                    ParameterValues.of(op.parameters(), ParameterOptions.only(given, op.parameters())));
        }

        /** The network table file of --network, or null where it names a preset. */
        Path networkFile(ParseResult parsed) {
            String network = parsed.matchedOptionValue("--network", "CONFIG1");
            return network.endsWith(".csv") ? Path.of(network) : null;
        }

        ConsoleProgress progress(ParseResult parsed, PrintStream err) {
            return new ConsoleProgress(err, parsed.matchedOptionValue("--quiet", false));
        }
    }

    private record Prepared(Table cell, Table network, ParameterValues values) {
    }

    private static CommandSpec outOption(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(Path.class).required(true)
                .description("folder for the result tables").build());
        return spec;
    }

    /** {@code neuromf tf-scan}: writes tf_samples.csv. */
    static final class Scan implements Main.Command {
        private final CellInNetwork where = new CellInNetwork();
        private final Operation scan = new TransferFunctionScanOperation();

        @Override
        public CommandSpec spec() {
            CommandSpec spec = outOption(CommandSpec.create().name("neuromf tf-scan"));
            spec.usageMessage().description("Measures the transfer function of a cell by single-neuron shot-noise"
                    + " simulations and writes tf_samples.csv (fe_hz, fi_hz, fout_hz, fout_sd_hz, muv_mv, sv_mv, seeds)"
                    + " into --out: over a grid of fi rows and fe steps, or at the points of --points.");
            spec.addOption(OptionSpec.builder("--points").paramLabel("FILE.csv").type(Path.class)
                    .description("measure the (fe_hz, fi_hz) rows of this table instead of the grid").build());
            where.add(spec);
            where.options.add(spec, scan.parameters());
            return spec;
        }

        @Override
        public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
            Prepared in = where.prepare(parsed, scan);
            Path points = parsed.matchedOptionValue("--points", null);
            if (points != null) {
                for (OptionSpec o : parsed.matchedOptions()) {
                    String key = where.options.key(o);
                    if (key != null && TransferScan.GRID_KEYS.contains(key)) {
                        throw new ParameterException(key, o.shortestName() + " shapes the grid, which --points replaces:"
                                + " give one or the other");
                    }
                }
            }
            Table pointsTable = points == null ? null : Csv.read(points);
            List<Table> inputs = Arrays.asList(in.cell(), in.network(), pointsTable);
            scan.outputSchemas(inputs.stream().map(t -> t == null ? null : t.schema()).toList(), in.values());
            try (OutputFolder folder = Outputs.open(parsed, "tf-scan", points, where.networkFile(parsed))) {
                OperationResult r = scan.run(inputs, in.values(), where.progress(parsed, err));
                Outputs.tables(folder, Map.of("tf_samples.csv", r.table(0)));
                folder.commit();
                out.println("measured " + r.table(0).rowCount() + " points of " + CellTable.single(in.cell(),
                        "cell table").name() + "; wrote tf_samples.csv to " + folder.target());
            }
            return 0;
        }
    }

    /** {@code neuromf tf-fit}: writes coefficients.csv and residuals.csv. */
    static final class Fit implements Main.Command {
        private final CellInNetwork where = new CellInNetwork();
        private final Operation fit = new TransferFunctionFitOperation();

        @Override
        public CommandSpec spec() {
            CommandSpec spec = outOption(CommandSpec.create().name("neuromf tf-fit"));
            spec.usageMessage().description("Fits the transfer-function template to measured samples and writes"
                    + " coefficients.csv (P0..P10 in volts, the RMS error) and residuals.csv into --out.");
            spec.addOption(OptionSpec.builder("--samples").paramLabel("FILE.csv").type(Path.class).required(true)
                    .description("samples with fe_hz, fi_hz, fout_hz (and fout_sd_hz, seeds for the weighting), as"
                            + " written by neuromf tf-scan").build());
            where.add(spec);
            where.options.add(spec, fit.parameters());
            return spec;
        }

        @Override
        public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
            Prepared in = where.prepare(parsed, fit);
            Path samplesFile = parsed.matchedOptionValue("--samples", null);
            Table samples = Csv.read(samplesFile);
            List<Table> inputs = List.of(samples, in.cell(), in.network());
            fit.outputSchemas(inputs.stream().map(Table::schema).toList(), in.values());
            Table coefficients;
            try (OutputFolder folder = Outputs.open(parsed, "tf-fit", samplesFile, where.networkFile(parsed))) {
                OperationResult r = fit.run(inputs, in.values(), where.progress(parsed, err));
                coefficients = r.table(0);
                Map<String, Table> outputs = new LinkedHashMap<>();
                outputs.put("coefficients.csv", coefficients);
                outputs.put("residuals.csv", r.table(1));
                Network network = NetworkTable.fromTable(in.network());
                Cell cell = CellTable.single(in.cell(), "cell table");
                TransferFunction fitted = TransferFunction.of(cell, SynapticInput.forCell(network, cell),
                        TransferCoefficients.single(coefficients, "coefficients"));
                Outputs.tables(folder, outputs);
                Outputs.figures(folder, Map.of("tf.png", TransferFunctionChart.create(samples, fitted::rate, cell.name())));
                folder.commit();
                for (String w : r.warnings()) {
                    err.println("warning: " + w);
                }
            }
            Summaries.print(coefficients, out);
            out.println("wrote coefficients.csv, residuals.csv, tf.png to " + parsed.matchedOptionValue("--out", null));
            return 0;
        }
    }
}
