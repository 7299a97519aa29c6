package org.neuromf.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.neuromf.charts.MeanFieldChart;
import org.neuromf.charts.RasterChart;
import org.neuromf.charts.RateHistogramChart;
import org.neuromf.charts.StatisticsChart;
import org.neuromf.charts.TransferFunctionChart;
import org.neuromf.core.analysis.Comparison;
import org.neuromf.core.analysis.Response;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.meanfield.FixedPointBootstrap;
import org.neuromf.core.meanfield.MeanFieldException;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.operation.CompareOperation;
import org.neuromf.core.operation.MeanFieldOperation;
import org.neuromf.core.operation.MeanFieldSweepOperation;
import org.neuromf.core.operation.NetworkSimulationOperation;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.operation.SelfConsistentTransferOperation;
import org.neuromf.core.operation.StimulusWaveformOperation;
import org.neuromf.core.operation.TransferFunctionFitOperation;
import org.neuromf.core.operation.TransferFunctionScanOperation;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;
import org.neuromf.core.param.Unit;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.SelfConsistentTransfer;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.transfer.TransferFit;
import org.neuromf.core.transfer.TransferFunction;
import org.neuromf.core.util.OutputFolder;
import org.neuromf.core.util.Progress;
import org.neuromf.core.util.SeedStatistics;
import org.neuromf.workflow.PaperWorkflows;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code neuromf paper}: the paper's pipeline from the presets alone, for the HH network
 * (HH_RS--HH_FS--CONFIG1) and the AdEx network (RS-cell--FS-cell--CONFIG1): transfer functions
 * scanned and fitted (or the published HH fits), the spontaneous and the double-Gaussian-driven
 * network over several seeds, the mean field with the same drive, their comparison, every table and
 * figure, and report.md with the numbers.
 */
final class PaperCommand implements Main.Command {

    static final List<String> CONFIGS = List.of("HH_RS--HH_FS--CONFIG1", "RS-cell--FS-cell--CONFIG1");
    private static final String[] POPULATIONS = {"exc", "inh"};
    /** The bins (ms) in which responses to a stimulus are compared. */
    private static final double BIN_MS = 5;
    /** The step stimulus: its rise (Hz per external synapse) and duration (ms), from the double Gaussian's peak time. */
    private static final double STEP_HZ = 1;
    private static final double STEP_MS = 600;
    /** The order of the self-consistent mean field. */
    private static final int ORDER = SelfConsistentTransfer.ORDER.defaultValue().intValue();

    /**
     * A mean field: its name in the report, the suffix of its files and columns, its coefficient
     * tables (exc, inh), its order and which slow currents are its state variables.
     */
    private record Method(String name, String suffix, Table[] coefficients, int order, SlowCurrents slow) {
    }

    static final List<ParameterSpec> PARAMETERS = List.of(
            new ParameterSpec.Whole("seeds", "Seeds", 5, 1, 100, "network simulations per condition (at least 2 for the"
                    + " noise ceiling of the response correlation)"),
            new ParameterSpec.Whole("self_consistent_iterations", "Self-consistent rescans", 8, 0, 100,
                    "most rescans of the self-consistent transfer functions (neuromf tf-self-consistent), whose mean"
                            + " field is the report's third column; 0 leaves that column out"),
            ParameterSpec.Real.of("tstop", "Duration", Unit.MILLISECOND, PaperWorkflows.PAPER_TSTOP_MS,
                    Range.closed(1000, 1e6), "duration of the HH network's simulations and mean field: the first 500 ms"
                            + " are left out as a transient and the stimulus peaks at 1000 ms. A network with slower"
                            + " cells has a longer transient, 3 times their slowest time constant (AdEx RS-cell: 3 tau_w"
                            + " = 1500 ms), and runs longer by as much, with its stimulus as long after it"));

    private final ParameterOptions options = new ParameterOptions();

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("neuromf paper");
        spec.usageMessage().description("Reproduces the paper's analyses for " + String.join(" and ", CONFIGS) + ": scans"
                + " and fits the transfer functions, simulates the spontaneous and the stimulated network over several"
                + " seeds, runs the mean field, compares them, and writes every table, figure and report.md into --out.");
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(Path.class).required(true)
                .description("folder for the results, one subfolder per network").build());
        spec.addOption(OptionSpec.builder("--published-fits").arity("0").type(boolean.class)
                .description("use the published HH_RS and HH_FS fits instead of scanning those cells").build());
        spec.addOption(OptionSpec.builder("--quiet", "-q").arity("0").type(boolean.class).description("print no progress")
                .build());
        options.add(spec, PARAMETERS);
        return spec;
    }

    @Override
    public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ParameterValues values = ParameterValues.of(PARAMETERS, options.values(parsed));
        int seeds = values.integer("seeds");
        int iterations = values.integer("self_consistent_iterations");
        double tstop = values.real("tstop_ms");
        boolean published = parsed.matchedOptionValue("--published-fits", false);
        ConsoleProgress progress = new ConsoleProgress(err, parsed.matchedOptionValue("--quiet", false));
        StringBuilder report = new StringBuilder("# NeuroMF: the paper's analyses\n\n");
        report.append(String.format(Locale.ROOT, "%d seeds per condition; statistics after a transient of 3 times the"
                + " slowest time constant of the network's cells, at least 500 ms; mean field with T = 5 ms, of the"
                + " paper's second order with the paper's method and of the first order with the self-consistent transfer"
                + " functions (docs/mean-field.md section 3; a first-order mean field predicts no rate SD: —)."
                + " Transfer functions: %s.%n", seeds,
                published ? "published fits for HH cells, scanned and fitted otherwise" : "scanned and fitted here"));
        try (OutputFolder folder = Outputs.open(parsed, "paper")) { // both networks and the report, or nothing
            for (int c = 0; c < CONFIGS.size(); c++) {
                Progress part = progress.sub((double) c / CONFIGS.size(), 1.0 / CONFIGS.size());
                report.append(new Pipeline(CONFIGS.get(c), c == 0 ? "hh" : "adex", seeds, tstop, published, iterations,
                        part).run(folder));
            }
            String text = report.toString();
            folder.write("report.md", stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
            folder.commit();
            out.print(report);
            out.println("wrote the tables, figures and report.md to " + folder.target());
        }
        return 0;
    }

    /** A cell as scanned (an adapting AdEx cell without its adaptation) and its samples. */
    private record Scan(Cell cell, Table samples) {
    }

    private static final TableSchema SPREAD_SCHEMA = TableSchema.of(ColumnSpec.text("method", "how the transfer"
            + " functions were made"), ColumnSpec.real("nu_e_hz", "spontaneous fixed point (Hz)"),
            ColumnSpec.real("nu_e_sd_hz", "its SD over bootstrap replicates of the scans (Hz)"),
            ColumnSpec.real("nu_e_low_hz", "2.5 % percentile (Hz)"), ColumnSpec.real("nu_e_high_hz", "97.5 % percentile (Hz)"),
            ColumnSpec.real("nu_i_hz", "spontaneous fixed point (Hz)"),
            ColumnSpec.real("nu_i_sd_hz", "its SD over bootstrap replicates (Hz)"),
            ColumnSpec.real("nu_i_low_hz", "2.5 % percentile (Hz)"), ColumnSpec.real("nu_i_high_hz", "97.5 % percentile (Hz)"),
            ColumnSpec.integer("failed", "replicates without a fit or a fixed point"));

    /** Bootstrap replicates behind the spread of a fixed point from scan noise. */
    private static final int REPLICATES = 40;

    /** One network through the whole pipeline. */
    private static final class Pipeline {
        private final String config;
        private final String dir;
        private final int seeds;
        /** This network's run, its transient, the stimulus peak, and the slowest time constant of its cells (ms). */
        private final double tstop;
        private final double transientMs;
        private final double t0;
        private final double slowest;
        private final boolean published;
        /** The most rescans of the self-consistent transfer functions; 0: none. */
        private final int iterations;
        private final Progress progress;
        private final Map<String, Table> tables = new LinkedHashMap<>();
        /** The scans of the paper's method (null for a published fit), for the bootstrap of its fixed point. */
        private final Scan[] paperScans = new Scan[2];
        /** The paper's method's coefficient tables, also those of a cell without slow currents in the other methods. */
        private final Table[] paperCoefficients = new Table[2];
        /** The report's tables of the responses to the stimuli. */
        private final StringBuilder responses = new StringBuilder();
        private final Table.Builder spreads = Table.builder(SPREAD_SCHEMA);
        private int spreadRows;
        private final Map<String, JFreeChart> charts = new LinkedHashMap<>();
        private final StringBuilder report = new StringBuilder();

        Pipeline(String config, String dir, int seeds, double tstop, boolean published, int iterations,
                Progress progress) {
            this.config = config;
            this.dir = dir;
            this.seeds = seeds;
            Network net = NetworkBuilder.fromConfig(config);
            this.tstop = PaperWorkflows.durationMs(net, tstop);
            this.transientMs = PaperWorkflows.transientMs(net);
            this.t0 = PaperWorkflows.stimulusPeakMs(net);
            this.slowest = 1e3 * net.slowestTimeConstant();
            this.published = published;
            this.iterations = iterations;
            this.progress = progress;
        }

        /** Runs the pipeline and writes its files into sub-folder {@code dir} of the output folder. */
        String run(OutputFolder out) {
            report.append("\n## ").append(config).append("\n\n");
            report.append(String.format(Locale.ROOT, "Simulated for %.0f ms, statistics after %.0f ms (the slowest time"
                    + " constant of its cells is %.0f ms), the double Gaussian's peak at %.0f ms.%n%n", tstop, transientMs,
                    slowest, t0));
            Table network = Chains.network(config, "", "", Map.of(), new LinkedHashMap<>());
            tables.put("network.csv", network);
            Network net = NetworkTable.fromTable(network);
            boolean gated = SlowCurrents.STATE_VARIABLES.carriesGate(net.population(0).cell())
                    || SlowCurrents.STATE_VARIABLES.carriesGate(net.population(1).cell());
            double scans = gated ? 0.45 : 0.3;
            List<Method> methods = new ArrayList<>();
            Table[] coefficients = new Table[2];
            for (int a = 0; a < 2; a++) {
                coefficients[a] = transferFunction(network, a, SlowCurrents.PAPER, "", progress.sub(0.05 * a, 0.05));
            }
            methods.add(new Method("paper's method: Poisson scans, second order", "", coefficients, 2,
                    SlowCurrents.PAPER));
            uncertainty("paper's method", paperScans, TransferFit.Weighting.NONE, 2, network);
            if (iterations > 0) {
                methods.add(new Method("self-consistent, first order", "_self_consistent", selfConsistent(network,
                        SlowCurrents.PAPER, "", progress.sub(0.1, gated ? 0.15 : 0.2)), ORDER, SlowCurrents.PAPER));
            }
            if (gated) {
                report.append("- The M current as a mean-field variable (docs/mean-field.md section 6): the cells"
                        + " scanned with their M gate held, the mean gate p a state variable.\n");
                Table[] held = new Table[2];
                for (int a = 0; a < 2; a++) {
                    held[a] = transferFunction(network, a, SlowCurrents.STATE_VARIABLES, "_slow",
                            progress.sub(0.25 + 0.025 * a, 0.025));
                }
                Method paperSlow = new Method("paper's method, M current a variable", "_paper_slow", held, 2,
                        SlowCurrents.STATE_VARIABLES);
                if (hasFixedPoint(network, paperSlow)) {
                    methods.add(paperSlow);
                }
                if (iterations > 0) {
                    methods.add(new Method("self-consistent, first order, M current a variable", "_slow",
                            selfConsistent(network, SlowCurrents.STATE_VARIABLES, "_slow", progress.sub(0.3, 0.15)),
                            ORDER, SlowCurrents.STATE_VARIABLES));
                }
            }
            Operation stim = new StimulusWaveformOperation();
            Table stimulus = stim.run(List.of(), stim.defaults().with(Map.of("tstop_ms", tstop, "t0_ms", t0)),
                    Progress.NONE).table(0);
            tables.put("stimulus.csv", stimulus);
            Table step = stim.run(List.of(), stim.defaults().with(Map.of("tstop_ms", tstop, "stimulus", "step", "amp_hz",
                    STEP_HZ, "onset_ms", t0, "offset_ms", t0 + STEP_MS)), Progress.NONE).table(0);
            tables.put("stimulus_step.csv", step);
            report.append("\n| condition | population | quantity | network (mean ± SD over seeds) | ")
                    .append(String.join(" | ", methods.stream().map(Method::name).toList())).append(" |\n|---|---|---|---|")
                    .append("---|".repeat(methods.size())).append("\n");
            double rest = 1 - scans;
            condition("spontaneous", network, null, methods, progress.sub(scans, rest / 3));
            condition("waveform", network, stimulus, methods, progress.sub(scans + rest / 3, rest / 3));
            condition("step", network, step, methods, progress.sub(scans + 2 * rest / 3, rest / 3));
            report.append(responses);
            publishedFixedPoint(network, coefficients);
            if (spreadRows > 0) {
                tables.put("fixed_point_spread.csv", spreads.build());
            }
            Operation sweep = new MeanFieldSweepOperation();
            for (Method method : methods) {
                tables.put("sweep" + method.suffix() + ".csv", sweep.run(Arrays.asList(network,
                        method.coefficients()[0], method.coefficients()[1]), sweep.defaults().with(Map.of("order",
                                method.order(), "slow_currents", slow(method))),
                        Progress.NONE).table(0));
            }
            Map<String, Table> files = new LinkedHashMap<>();
            tables.forEach((name, table) -> files.put(dir + "/" + name, table));
            Map<String, JFreeChart> figures = new LinkedHashMap<>();
            charts.forEach((name, chart) -> {
                figures.put(dir + "/" + name + ".png", chart);
                figures.put(dir + "/" + name + ".svg", chart);
            });
            Outputs.tables(out, files);
            Outputs.figures(out, figures);
            report.append("\nFiles in `").append(dir).append("/`: ").append(String.join(", ", tables.keySet()))
                    .append(", and the figures ").append(String.join(", ", charts.keySet())).append(" (PNG and SVG).\n");
            return report.toString();
        }

        /**
         * The spread of the spontaneous fixed point that the scans' noise leaves (a parametric
         * bootstrap over their samples), as a report line and a row of fixed_point_spread.csv.
         */
        private void uncertainty(String method, Scan[] scans, TransferFit.Weighting weighting, int order,
                Table network) {
            if (scans[0] == null || scans[1] == null) {
                return;
            }
            FixedPointBootstrap.Result b = FixedPointBootstrap.run(NetworkTable.fromTable(network), scans[0].cell(),
                    scans[0].samples(), scans[1].cell(), scans[1].samples(), new FixedPointBootstrap.Settings(
                            new TransferFit.Options(weighting, false), order, 5e-3, REPLICATES, 1, 0), Progress.NONE);
            spreads.addRow(method, b.estimate().state()[0], b.nuE().sd(), b.nuE().low(), b.nuE().high(),
                    b.estimate().state()[1], b.nuI().sd(), b.nuI().low(), b.nuI().high(), b.failed());
            spreadRows++;
            report.append(String.format(Locale.ROOT, "- Scan noise, %s: the spontaneous fixed point nu_e = %.3f ± %.3f"
                    + " Hz (95 %% %.3f to %.3f), nu_i = %.3f ± %.3f Hz (%.3f to %.3f), from %d bootstrap replicates of"
                    + " the samples (%d failed).%n", method, b.estimate().state()[0], b.nuE().sd(), b.nuE().low(),
                    b.nuE().high(), b.estimate().state()[1], b.nuI().sd(), b.nuI().low(), b.nuI().high(), REPLICATES,
                    b.failed()));
        }

        /** For cells with published fits scanned here: the fixed point the published fits give, for reference. */
        private void publishedFixedPoint(Table network, Table[] coefficients) {
            Network net = NetworkTable.fromTable(network);
            for (int a = 0; a < 2; a++) {
                String cell = net.population(a).cell().name();
                if (!TransferCoefficients.hasPreset(cell) || TransferCoefficients.single(coefficients[a], "fit")
                        .equals(TransferCoefficients.preset(cell))) {
                    return;
                }
            }
            Operation mf = new MeanFieldOperation();
            Table fp = mf.run(Arrays.asList(network, null, null, null), mf.defaults().with(Map.of("tstop_ms", 10.0)),
                    Progress.NONE).table(1);
            tables.put("fixed_point_published_fits.csv", fp);
            report.append(String.format(Locale.ROOT, "%nWith the published fits instead, the mean field's spontaneous fixed"
                    + " point is nu_e = %.4f Hz, nu_i = %.4f Hz (sd %.3f, %.3f Hz).%n", fp.getDouble(0, "nu_e_hz"),
                    fp.getDouble(0, "nu_i_hz"), fp.getDouble(0, "sd_e_hz"), fp.getDouble(0, "sd_i_hz")));
        }

        /**
         * The coefficient table of population a's cell by the paper's method: published, or scanned
         * and fitted here, on the cell with the slow currents the mean field carries held at 0 (the
         * table of the stationary scan when that is the same cell); {@code suffix} names its files.
         */
        private Table transferFunction(Table network, int a, SlowCurrents slow, String suffix, Progress part) {
            Network net = NetworkTable.fromTable(network);
            Cell whole = net.population(a).cell();
            String name = whole.name();
            Cell cell = slow.scanned(whole);
            if (slow != SlowCurrents.PAPER && cell.equals(SlowCurrents.PAPER.scanned(whole))) {
                return paperCoefficients[a];
            }
            if (published && slow == SlowCurrents.PAPER && TransferCoefficients.hasPreset(name)) {
                report.append("- ").append(name).append(": published transfer function (Carlu et al. 2020).\n");
                paperCoefficients[a] = TransferCoefficients.preset(name).toTable();
                return paperCoefficients[a];
            }
            String scanned = "";
            if (SlowCurrents.carriesAdaptation(whole)) {
                scanned = " without adaptation (a = b = 0; the mean field adds W)";
            } else if (slow.carriesGate(whole)) {
                scanned = " with its M gate held at p = 0 (gM = 0; the mean field adds gM p and follows p)";
            }
            Table cellTable = CellTable.toTable(cell);
            Operation scan = new TransferFunctionScanOperation();
            part.report(0, "scanning the transfer function of " + name);
            Table samples = scan.run(Arrays.asList(cellTable, network, null), scan.defaults(), part).table(0);
            Operation fit = new TransferFunctionFitOperation();
            // the paper's method as it stood: unweighted, the authors' objective
            OperationResult r = fit.run(List.of(samples, cellTable, network), fit.defaults().with(Map.of("weighting",
                    "none")), Progress.NONE);
            Table coefficients = r.table(0);
            tables.put("tf_samples_" + name + suffix + ".csv", samples);
            tables.put("coefficients_" + name + suffix + ".csv", coefficients);
            tables.put("residuals_" + name + suffix + ".csv", r.table(1));
            TransferFunction tf = TransferFunction.of(cell, SynapticInput.onto(net, a),
                    TransferCoefficients.single(coefficients, "coefficients"));
            charts.put("tf_" + name + suffix, TransferFunctionChart.create(samples, tf::rate, name));
            report.append(String.format(Locale.ROOT, "- %s: transfer function scanned%s at %d points (4 seeds x 10 s) and"
                    + " fitted, RMS error %.3f Hz.%n", name, scanned, samples.rowCount(),
                    coefficients.getDouble(0, "fit_rms_error_hz")));
            if (slow == SlowCurrents.PAPER) {
                paperScans[a] = new Scan(cell, samples);
                paperCoefficients[a] = coefficients;
            }
            return coefficients;
        }

        /**
         * Whether this method's mean field has a spontaneous fixed point; if not, a report line says
         * so and the method is left out.
         */
        private boolean hasFixedPoint(Table network, Method method) {
            Operation mf = new MeanFieldOperation();
            try {
                mf.run(Arrays.asList(network, method.coefficients()[0], method.coefficients()[1], null), mf.defaults()
                        .with(Map.of("tstop_ms", 10.0, "order", method.order(), "slow_currents", slow(method))),
                        Progress.NONE);
                return true;
            } catch (MeanFieldException e) {
                report.append("- ").append(method.name()).append(" (order ").append(method.order())
                        .append("): left out, ").append(e.getMessage()).append(".\n");
                return false;
            }
        }

        private static String slow(Method method) {
            return method.slow().name().toLowerCase(Locale.ROOT);
        }

        /**
         * The self-consistent transfer functions of both cells (their tables kept as files), and a
         * sentence on how the loop went.
         */
        private Table[] selfConsistent(Table network, SlowCurrents slow, String suffix, Progress part) {
            Operation loop = new SelfConsistentTransferOperation();
            part.report(0, "self-consistent transfer functions of " + config);
            OperationResult r = loop.run(List.of(network), loop.defaults().with(Map.of("max_iterations", iterations,
                    "slow_currents", slow.name().toLowerCase(Locale.ROOT))), part);
            Table steps = r.table(0);
            Network net = NetworkTable.fromTable(network);
            tables.put("self_consistent" + suffix + "_iterations.csv", steps);
            for (int a = 0; a < 2; a++) {
                String name = net.population(a).cell().name();
                tables.put("coefficients_self_consistent" + suffix + "_" + name + ".csv", r.table(1 + a));
                tables.put("tf_samples_self_consistent" + suffix + "_" + name + ".csv", r.table(3 + a));
            }
            if (slow == SlowCurrents.PAPER) { // the bootstrap refits the stationary transfer functions only
                Scan[] sc = new Scan[2];
                for (int a = 0; a < 2; a++) {
                    sc[a] = new Scan(SlowCurrents.PAPER.scanned(net.population(a).cell()), r.table(3 + a));
                }
                uncertainty("self-consistent transfer functions", sc, TransferFit.Weighting.STANDARD_ERROR, ORDER,
                        network);
            }
            int last = steps.rowCount() - 1;
            report.append(String.format(Locale.ROOT, "- Self-consistent transfer functions%s: %d rescans under renewal"
                    + " input trains (%s); the spontaneous fixed point went from nu_e = %.4f,"
                    + " nu_i = %.4f Hz (Poisson scans at the network's dt) to %.4f, %.4f Hz, the last rescan moving it"
                    + " by %.2f %%. Output CV of the interspike intervals at the fixed point: %.3f (exc), %.3f (inh).%n",
                    slow == SlowCurrents.PAPER ? "" : " with the M gate a variable (grid with the gate held at 0, focus points with it free at the fixed point's mean)", last, r.warnings().isEmpty() ? "converged" : "not converged", steps.getDouble(0, "nu_e_hz"),
                    steps.getDouble(0, "nu_i_hz"), steps.getDouble(last, "nu_e_hz"), steps.getDouble(last, "nu_i_hz"),
                    steps.getDouble(last, "change_percent"), steps.getDouble(last, "out_cv_exc"),
                    steps.getDouble(last, "out_cv_inh")));
            return new Table[] {r.table(1), r.table(2)};
        }

        /** The network over seeds and the mean field of each method under one drive, compared. */
        private void condition(String name, Table network, Table stimulus, List<Method> methods, Progress part) {
            Operation sim = new NetworkSimulationOperation();
            Operation mf = new MeanFieldOperation();
            Operation compare = new CompareOperation();
            List<OperationResult> fields = new ArrayList<>();
            for (int m = 0; m < methods.size(); m++) {
                Method method = methods.get(m);
                OperationResult field = mf.run(Arrays.asList(network, method.coefficients()[0],
                        method.coefficients()[1], stimulus), mf.defaults().with(Map.of("tstop_ms", tstop, "order",
                                method.order(), "slow_currents", slow(method))), Progress.NONE);
                tables.put("meanfield_" + name + method.suffix() + ".csv", field.table(0));
                tables.put("fixed_point_" + name + method.suffix() + ".csv", field.table(1));
                fields.add(field);
            }
            List<List<Table>> comparisons = new ArrayList<>();
            for (int m = 0; m < methods.size(); m++) {
                comparisons.add(new ArrayList<>());
            }
            Table firstRates = null;
            List<List<double[]>> binned = List.of(new ArrayList<>(), new ArrayList<>());
            double[] drive = null;
            for (int s = 1; s <= seeds; s++) {
                part.report((s - 1.0) / seeds, config + ", " + name + ": network, seed " + s + " of " + seeds);
                OperationResult r = sim.run(Arrays.asList(network, stimulus), sim.defaults().with(Map.of("tstop_ms", tstop,
                        "transient_ms", transientMs, "seed", s, "n_rec", 20, "record_spikes", s == 1)),
                        part.sub((s - 1.0) / seeds, 1.0 / seeds));
                for (int m = 0; m < methods.size(); m++) {
                    comparisons.get(m).add(compare.run(Arrays.asList(r.table(0), fields.get(m).table(0), r.table(2)),
                            compare.defaults().with(Map.of("transient_ms", transientMs)), Progress.NONE).table(0));
                }
                for (int a = 0; a < 2; a++) {
                    binned.get(a).add(Comparison.binnedRates(r.table(0), POPULATIONS[a], transientMs, BIN_MS));
                }
                if (s == 1) {
                    drive = Comparison.binned(r.table(0), "drive_hz", transientMs, tstop, BIN_MS);
                    firstRates = r.table(0);
                    tables.put("rates_" + name + ".csv", r.table(0));
                    tables.put("summary_" + name + ".csv", r.table(3));
                    double[] time = r.table(0).doubleColumn("time_ms");
                    charts.put("raster_" + name, RasterChart.create(r.table(1), 200, time[0], time[time.length - 1]));
                }
            }
            Table summary = summarise(name, methods, comparisons);
            if (stimulus != null) {
                response(name, methods, fields, binned, drive);
            }
            tables.put("comparison_" + name + ".csv", summary);
            OperationResult best = fields.get(fields.size() - 1);
            charts.put("meanfield_" + name, MeanFieldChart.create(firstRates, best.table(0), 5));
            if (stimulus == null) {
                Table fp = best.table(1);
                String[] mfColumn = {"e", "i"};
                for (int a = 0; a < 2; a++) {
                    charts.put("histogram_" + POPULATIONS[a], RateHistogramChart.create(binned.get(a).get(0),
                            fp.getDouble(0, "nu_" + mfColumn[a] + "_hz"), fp.getDouble(0, "sd_" + mfColumn[a] + "_hz"),
                            POPULATIONS[a], "Population rate in 5 ms bins, " + config));
                }
                charts.put("potential_statistics", statistics(summary, "mV", "muv", "sv"));
                charts.put("conductance_statistics", statistics(summary, "nS", "muge", "sge", "mugi", "sgi"));
            }
        }

        /**
         * Network values as mean and SD over seeds beside each method's mean field, per population
         * and quantity; the figures and the histogram show the last method.
         */
        private Table summarise(String condition, List<Method> methods, List<List<Table>> comparisons) {
            Table first = comparisons.get(0).get(0);
            List<ColumnSpec> columns = new ArrayList<>(List.of(ColumnSpec.text("population", "population"),
                    ColumnSpec.text("quantity", "what is compared"), ColumnSpec.text("unit", "unit"),
                    ColumnSpec.real("network", "mean over seeds"), ColumnSpec.real("network_sd", "SD over seeds")));
            for (Method method : methods) {
                columns.add(ColumnSpec.real("mean_field" + method.suffix(), "mean field: " + method.name()));
                columns.add(ColumnSpec.real("difference" + method.suffix(), "network - mean_field" + method.suffix()));
            }
            Table.Builder b = Table.builder(TableSchema.of(columns.toArray(new ColumnSpec[0])));
            for (int r = 0; r < first.rowCount(); r++) {
                double[] v = new double[comparisons.get(0).size()];
                for (int s = 0; s < v.length; s++) {
                    v[s] = comparisons.get(0).get(s).getDouble(r, "network");
                }
                double mean = SeedStatistics.mean(v);
                double sd = SeedStatistics.sd(v);
                List<Object> row = new ArrayList<>(List.of(first.getString(r, "population"), first.getString(r, "quantity"),
                        first.getString(r, "unit"), mean, sd));
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %s | %.4g ± %.2g %s |",
                        condition, first.getString(r, "population"), first.getString(r, "quantity"), mean, sd,
                        first.getString(r, "unit")));
                for (List<Table> method : comparisons) {
                    double predicted = method.get(0).getDouble(r, "mean_field");
                    row.add(predicted);
                    row.add(mean - predicted);
                    line.append(Double.isFinite(predicted) ? String.format(Locale.ROOT, " %.4g (%s) |", predicted,
                            relative(predicted, mean)) : " — |");
                }
                b.addRow(row.toArray());
                report.append(line).append('\n');
            }
            return b.build();
        }

        /**
         * The response to a stimulus of the network (mean over seeds) and of each method's mean
         * field, by {@link Response}: a table response_NAME.csv and its lines in the report.
         */
        private void response(String name, List<Method> methods, List<OperationResult> fields,
                List<List<double[]>> binned, double[] drive) {
            boolean step = name.equals("step");
            List<ColumnSpec> columns = new ArrayList<>(List.of(ColumnSpec.text("population", "population"),
                    ColumnSpec.text("quantity", "what is measured"), ColumnSpec.text("unit", "unit"),
                    ColumnSpec.real("network", "the network's mean over seeds; for response_correlation the noise"
                            + " ceiling, the mean correlation between two seeds"),
                    ColumnSpec.real("network_se", "the network value's jackknife standard error over seeds (NaN"
                            + " below 3 seeds)")));
            for (Method method : methods) {
                columns.add(ColumnSpec.real("mean_field" + method.suffix(), "mean field: " + method.name()));
            }
            Table.Builder b = Table.builder(TableSchema.of(columns.toArray(new ColumnSpec[0])));
            String[] mfColumn = {"nu_e_hz", "nu_i_hz"};
            String[] quantities = step ? new String[] {"overshoot_ratio", "relaxation_time", "response_correlation"}
                    : new String[] {"peak_time", "maximum_time", "peak_rise", "rate_200ms_after_peak",
                        "response_correlation"};
            String[] units = step ? new String[] {"", "ms", ""} : new String[] {"ms", "ms", "Hz", "Hz", ""};
            responses.append(String.format(Locale.ROOT, "%n### Response to the %s, %s (network: mean of %d seeds)%n%n"
                    + "| population | quantity | network (± jackknife SE) | %s |%n|---|---|---|%s%n", step ? String.format(Locale.ROOT,
                            "step of %.0f Hz from %.0f to %.0f ms", STEP_HZ, t0, t0 + STEP_MS) : "double Gaussian",
                    config, seeds, String.join(" | ", methods.stream().map(Method::name).toList()),
                    "---|".repeat(methods.size())));
            for (int a = 0; a < 2; a++) {
                List<double[]> runs = binned.get(a);
                double[] mean = Response.seedMean(runs);
                double[][] values = new double[methods.size() + 1][];
                double[] errors = new double[quantities.length];
                for (int q = 0; q < quantities.length; q++) {
                    int quantity = q;
                    errors[q] = Response.jackknifeError(runs, seedSet -> measures(step, Response.seedMean(seedSet), drive,
                            Response.noiseCeiling(seedSet))[quantity]);
                }
                for (int m = 0; m <= methods.size(); m++) {
                    double[] r = m == 0 ? mean : Comparison.binned(fields.get(m - 1).table(0), mfColumn[a], transientMs,
                            tstop, BIN_MS);
                    values[m] = measures(step, r, drive, m == 0 ? Response.noiseCeiling(runs)
                            : Response.correlation(runs, r));
                }
                for (int q = 0; q < quantities.length; q++) {
                    List<Object> row = new ArrayList<>(List.of(POPULATIONS[a], quantities[q], units[q], values[0][q],
                            errors[q]));
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %.4g%s %s |",
                            POPULATIONS[a], quantities[q], values[0][q], Double.isFinite(errors[q])
                                    ? String.format(Locale.ROOT, " ± %.2g", errors[q]) : "", units[q]));
                    for (int m = 1; m <= methods.size(); m++) {
                        row.add(values[m][q]);
                        if (!Double.isFinite(values[m][q])) {
                            line.append(" — |");
                        } else {
                            line.append(String.format(Locale.ROOT, " %.4g (%s) |", values[m][q],
                                    quantities[q].endsWith("_time") && !step ? String.format(Locale.ROOT, "%+.0f ms",
                                            values[m][q] - values[0][q]) : relative(values[m][q], values[0][q])));
                        }
                    }
                    b.addRow(row.toArray());
                    responses.append(line).append('\n');
                }
            }
            tables.put("response_" + name + ".csv", b.build());
        }

        /**
         * The response measures of rates {@code r} in the order of the report's quantities: a step's
         * overshoot ratio and relaxation time, or a pulse's peak time, time of the maximum, rise and
         * value 200 ms after the peak; then the given correlation.
         */
        private double[] measures(boolean step, double[] r, double[] drive, double correlation) {
            if (step) {
                Response.Step st = Response.step(r, drive, BIN_MS);
                return new double[] {st.overshootRatio(), st.relaxationTime(), correlation};
            }
            Response.Pulse p = Response.pulse(r, drive, transientMs, BIN_MS, t0 + 200);
            return new double[] {p.peakTime(), p.maximumTime(), p.peakRise(), p.valueAt(), correlation};
        }

        /** The mean field's deviation from the network in percent of the network's value; empty where that is 0. */
        private static String relative(double predicted, double network) {
            return network == 0 || !Double.isFinite(predicted) ? "—"
                    : String.format(Locale.ROOT, "%+.1f %%", 100 * (predicted - network) / Math.abs(network));
        }

        private static JFreeChart statistics(Table summary, String unit, String... quantities) {
            List<String> names = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            for (int r = 0; r < summary.rowCount(); r++) {
                if (Arrays.asList(quantities).contains(summary.getString(r, "quantity"))) {
                    names.add(summary.getString(r, "quantity") + " " + summary.getString(r, "population"));
                    values.add(new double[] {summary.getDouble(r, "network"), summary.getDouble(r, "network_sd"),
                        summary.getDouble(r, "mean_field")});
                }
            }
            double[][] columns = new double[3][values.size()];
            for (int i = 0; i < values.size(); i++) {
                for (int k = 0; k < 3; k++) {
                    columns[k][i] = values.get(i)[k];
                }
            }
            return StatisticsChart.create("Network (mean ± SD over seeds) and mean field", unit, names, columns[0],
                    columns[1], columns[2]);
        }
    }
}
