package org.neuromf.core.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.meanfield.FixedPoint;
import org.neuromf.core.meanfield.MeanField;
import org.neuromf.core.meanfield.MeanFieldException;
import org.neuromf.core.meanfield.MeanFieldModel;
import org.neuromf.core.meanfield.MeanFieldSettings;
import org.neuromf.core.meanfield.MeanFieldTables;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.simulation.NetworkSimulator;
import org.neuromf.core.simulation.SimulationException;
import org.neuromf.core.simulation.SimulationMemory;
import org.neuromf.core.simulation.SimulationResult;
import org.neuromf.core.simulation.SimulationSettings;
import org.neuromf.core.stimulus.Stimuli;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.ColumnType;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.util.CancelledException;
import org.neuromf.core.util.MemoryBudget;
import org.neuromf.core.util.Progress;
import org.neuromf.core.util.Tasks;

/**
 * A sweep of the spiking network: one run per row of a runs table and seed. Each column of the runs
 * table names what it sets in every run of its row:
 * <ul>
 * <li>a simulation setting ({@code tstop_ms}, {@code dt_ms}, {@code seed}, {@code drive_process}, ...);
 * <li>a stimulus parameter ({@code stimulus}, {@code amp_hz}, {@code t0_ms}, ...): each run then has
 * the stimulus these describe, the rest at their defaults;
 * <li>a column of the network table for one population, prefixed with its name and _
 * ({@code exc_gm_ns}, {@code inh_neurons}, {@code exc_drive_rate_hz});
 * <li>a network-wide column, set in every population's row: the drive ({@code drive_rate_hz},
 * {@code drive_synapses}, {@code drive_q_ns}) and the pathways from a population
 * ({@code p_from_exc}, {@code in_degree_from_exc}, {@code q_from_inh_ns}, ...).
 * </ul>
 * Every run is checked before the first starts. Each run is a function of its network and settings
 * alone, so the results are the same bit for bit whatever the number of runs in parallel or of
 * threads within a run. A run whose integration fails has its reason in the summary's status column;
 * the others finish.
 */
public final class NetworkSweep {

    public static final ParameterSpec SEEDS = new ParameterSpec.Whole("seeds", "Seeds per row", 1, 1, 10_000,
            "runs per row of the runs table, with seeds seed, seed + 1, ... (seed from the row, else the setting)");
    public static final ParameterSpec THREADS = new ParameterSpec.Whole("threads", "Threads", 0, 0, 1024,
            "threads shared by the runs: as many runs at once as threads (and memory) allow, the rest of the threads"
                    + " within each run; 0 uses every core. Results do not depend on it");
    public static final ParameterSpec MEAN_FIELD = new ParameterSpec.Flag("mean_field", "Mean-field fixed point", false,
            "also find each run's mean-field fixed point (its network and drive, no stimulus), with the transfer"
                    + " functions connected, else the published ones");
    public static final ParameterSpec KEEP_RATES = new ParameterSpec.Flag("keep_rates", "Keep each run's rates", false,
            "also output the population rates of every run over time");

    /** Settings the sweep fixes for every run: it keeps no spikes and no traces. */
    private static final Map<String, Object> FIXED = Map.of("record_spikes", false, "n_rec", 0L);

    /** The simulation settings a runs table may set. */
    private static final Set<String> SIMULATION_KEYS = keys(SimulationSettings.PARAMETERS, Set.of("record_spikes",
            "max_spikes", "n_rec", "threads"));
    private static final Set<String> STIMULUS_KEYS = keys(Stimuli.PARAMETERS, Set.of());
    private static final List<String> NETWORK_WIDE = List.of("drive_rate_hz", "drive_synapses", "drive_q_ns");
    private static final Set<String> NOT_SWEPT = Set.of("network", "population", "cell", "cell_model");

    public static final List<ParameterSpec> PARAMETERS = parameters();

    /** The summary columns of each population, each prefixed with its name and _. */
    private static final List<ColumnSpec> POPULATION_COLUMNS = List.of(
            ColumnSpec.real("mean_rate_hz", "mean firing rate per neuron after the transient"),
            ColumnSpec.real("rate_sd_hz", "SD of the population rate in sync_bin bins after the transient"),
            ColumnSpec.real("cv_isi", "mean CV of the interspike intervals"),
            ColumnSpec.real("synchrony_chi", "Golomb's synchrony index chi"),
            ColumnSpec.real("active_fraction", "fraction of neurons that spiked after the transient"),
            ColumnSpec.real("spike_count", "spikes after the transient"));
    private static final String MF = "mf_";

    /** One run: its row of the runs table, seed, network, settings and stimulus. */
    public record Run(int number, int row, long seed, Network network, SimulationSettings settings, Waveform stimulus) {
    }

    /**
     * What a run gave, as plain values (serializable, so that a run can happen on another machine):
     * its number, its status, the summary values of each population then the fixed point's (NaN where
     * it has none), and its rates table's columns (null unless kept).
     */
    public record Outcome(int run, String status, double[] values, double[][] rates) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final Table runsTable;
    private final TableSchema networkSchema;
    private final List<String> populations;
    private final List<Run> runs;
    private final boolean meanField;
    private final boolean keepRates;
    private final int threads;
    private final double runBytes;
    private final TransferCoefficients[] coefficients;
    private final ParameterValues meanFieldValues;
    private final List<String> warnings = new ArrayList<>();

    /**
     * What a sweep is made of; serializable, so that the same sweep can be rebuilt on another machine
     * to run some of its runs there.
     *
     * @param stimulus a stimulus table (time_ms, rate_hz) for every run (null for none); refused with
     *            stimulus values or when the runs table sets stimulus parameters
     * @param stimulusValues stimulus parameters (Stimuli.PARAMETERS) for every run, which the runs
     *            table's stimulus columns override (null for no stimulus unless the runs table sets one)
     * @param excitatoryCoefficients the transfer function of the first population for the mean field
     *            (null: the published fit); likewise the second
     * @param parameters values of {@link #PARAMETERS}
     */
    public record Inputs(Table network, Table runs, Table stimulus, Map<String, Object> stimulusValues,
            Table excitatoryCoefficients, Table inhibitoryCoefficients, Map<String, Object> parameters)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public Inputs {
            stimulusValues = stimulusValues == null ? null : Map.copyOf(stimulusValues);
            parameters = Map.copyOf(parameters);
        }
    }

    /** How the runs of a sweep are carried out: here, in threads, or elsewhere (on a Spark cluster). */
    public interface Runner {
        /** Every run's outcome, in the order of the runs. */
        List<Outcome> run(NetworkSweep sweep, Progress progress);

        /** In this process, as {@link NetworkSweep#runAll} does. */
        Runner LOCAL = (sweep, progress) -> sweep.runAll(progress);
    }

    private final Inputs inputs;

    /**
     * Checks every run before any work: the runs table's columns, each row's values, the network and
     * settings of each run, the memory a run needs.
     */
    public NetworkSweep(Inputs inputs) {
        this.inputs = inputs;
        Table network = inputs.network();
        Table runsTable = inputs.runs();
        Map<String, Object> stimulusValues = inputs.stimulusValues();
        ParameterValues v = ParameterValues.of(PARAMETERS, inputs.parameters());
        this.runsTable = runsTable;
        this.networkSchema = network.schema();
        this.populations = NetworkTable.populations(network.schema());
        this.meanField = v.flag("mean_field");
        this.keepRates = v.flag("keep_rates");
        this.threads = v.integer("threads") > 0 ? v.integer("threads") : Runtime.getRuntime().availableProcessors();
        if (runsTable.rowCount() == 0) {
            throw new IllegalArgumentException("the runs table has no rows: give one row per set of values to run");
        }
        List<String> columns = runsTable.schema().names();
        boolean stimulusSwept = false;
        Set<String> cellColumns = new LinkedHashSet<>();
        for (String c : columns) {
            Target t = target(c, network.schema());
            stimulusSwept |= t.kind == Kind.STIMULUS;
            if (t.kind == Kind.NETWORK && t.population >= 0 && !t.column.equals("neurons")
                    && !t.column.startsWith("drive_") && !isPathwayColumn(t.column)) {
                cellColumns.add(c);
            }
        }
        if (inputs.stimulus() != null && (stimulusSwept || stimulusValues != null)) {
            throw new ParameterException("stimulus", "a stimulus table is connected and the stimulus is also given by"
                    + " its parameters" + (stimulusSwept ? " in the runs table" : "") + ": give it one way");
        }
        boolean parametricStimulus = stimulusSwept || stimulusValues != null;
        Waveform fixedStimulus = inputs.stimulus() == null ? Waveform.NONE
                : Stimuli.fromTable(inputs.stimulus(), warnings);
        Map<String, Object> base = new LinkedHashMap<>(v.asMap());
        base.keySet().retainAll(keys(SimulationSettings.PARAMETERS, Set.of()));
        base.putAll(FIXED);
        base.put("threads", 1L);
        int seeds = v.integer("seeds");
        List<Run> plan = new ArrayList<>();
        double largest = 0;
        for (int r = 0; r < runsTable.rowCount(); r++) {
            Map<String, Object> simulation = new LinkedHashMap<>(base);
            Map<String, Object> stimulus = new LinkedHashMap<>(stimulusValues == null ? Map.of() : stimulusValues);
            Set<String> sweptStimulus = new LinkedHashSet<>();
            Table net = network;
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c);
                Object value = runsTable.get(r, c);
                if (value == null) {
                    throw new ParameterException(name, "row " + (r + 1) + " of the runs table has no value for " + name);
                }
                Target t = target(name, network.schema());
                switch (t.kind) {
                    case SIMULATION -> simulation.put(name, value);
                    case STIMULUS -> {
                        stimulus.put(name, value);
                        sweptStimulus.add(name);
                    }
                    default -> net = withValue(net, t, name, value, r);
                }
            }
            Network built;
            SimulationSettings settings;
            Waveform waveform = fixedStimulus;
            try {
                built = NetworkTable.fromTable(net);
                settings = SimulationSettings.of(simulation);
                if (parametricStimulus) {
                    waveform = stimulus(stimulus, sweptStimulus);
                }
            } catch (ParameterException e) {
                throw new ParameterException(e.key(), "row " + (r + 1) + " of the runs table: " + e.getMessage());
            }
            if (settings.seed() > Long.MAX_VALUE - (seeds - 1)) {
                throw new ParameterException("seed", "row " + (r + 1) + " of the runs table: seed = " + settings.seed()
                        + " with seeds = " + seeds + " passes " + Long.MAX_VALUE);
            }
            SimulationMemory memory = SimulationMemory.of(built, settings);
            memory.require(built);
            largest = Math.max(largest, memory.total());
            for (int k = 0; k < seeds; k++) {
                SimulationSettings seeded = withSeed(settings, settings.seed() + k);
                plan.add(new Run(plan.size() + 1, r, seeded.seed(), built, seeded, waveform));
            }
        }
        this.runs = List.copyOf(plan);
        this.runBytes = largest;
        if (keepRates) {
            double rows = 0;
            for (Run run : runs) {
                rows += Math.ceil((double) run.settings.steps() / run.settings.rateBinSteps());
            }
            MemoryBudget.require("the rates of " + runs.size() + " runs", rows * 8.0 * (populations.size() + 3),
                    "leave keep_rates off, or sweep fewer runs or shorter ones");
        }
        this.meanFieldValues = v;
        if (meanField) {
            Network first = runs.get(0).network;
            coefficients = new TransferCoefficients[2];
            for (int a = 0; a < 2; a++) {
                coefficients[a] = MeanFieldSettings.coefficients(first, a,
                        a == 0 ? inputs.excitatoryCoefficients() : inputs.inhibitoryCoefficients(), warnings);
            }
            if (!cellColumns.isEmpty()) {
                warnings.add("the runs change cell parameters (" + String.join(", ", cellColumns) + "); the mean field"
                        + " keeps the transfer functions given, which follow such changes only through the membrane"
                        + " fluctuations and the slow currents it models, not through the fitted threshold");
            }
        } else {
            coefficients = null;
        }
    }

    public Inputs inputs() {
        return inputs;
    }

    public List<Run> runs() {
        return runs;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Runs at once: at most one per thread, as many as the heap holds, at most the runs. */
    public int concurrentRuns() {
        long fit = (long) Math.max(1, Math.floor(MemoryBudget.available() / Math.max(1, runBytes)));
        return (int) Math.max(1, Math.min(Math.min(threads, runs.size()), fit));
    }

    /** Every run, in parallel as {@link #concurrentRuns} allows, in the order of the runs. */
    public List<Outcome> runAll(Progress progress) {
        int concurrent = concurrentRuns();
        int perRun = Math.max(1, threads / concurrent);
        SharedProgress shared = new SharedProgress(progress, runs.size());
        ExecutorService pool = Executors.newFixedThreadPool(concurrent, task -> {
            Thread t = new Thread(task, "neuromf-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> run(index, perRun, shared.of(index))));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(get(f));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome get(Future<Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            throw Tasks.unchecked(e);
        }
    }

    /**
     * One run with this many threads: its network simulation and, when asked, its fixed point. An
     * integration that fails is its status, not an exception; cancellation is.
     */
    public Outcome run(int index, int threadCount, Progress progress) {
        Run run = runs.get(index);
        SimulationSettings settings = withThreads(run.settings, threadCount);
        int mfColumns = meanField ? MeanFieldTables.FIXED_POINT_SCHEMA.size() : 0;
        double[] values = new double[populations.size() * POPULATION_COLUMNS.size() + mfColumns];
        Arrays.fill(values, Double.NaN);
        SimulationResult result;
        try {
            result = new NetworkSimulator(run.network, run.stimulus, settings).run(progress.sub(0, 0.95));
        } catch (SimulationException e) {
            return new Outcome(run.number, "failed: " + e.getMessage(), values, null);
        }
        int at = 0;
        for (int p = 0; p < populations.size(); p++) {
            SimulationResult.Summary s = result.summary(p);
            for (double v : new double[] {s.meanRate(), s.rateSd(), s.cvIsi(), s.synchronyChi(), s.activeFraction(),
                s.spikeCount()}) {
                values[at++] = v;
            }
        }
        String status = "ok";
        if (meanField) {
            MeanFieldModel model = new MeanFieldModel(run.network, coefficients, meanFieldValues.si("t_ms"),
                    meanFieldValues.integer("order"), Waveform.NONE,
                    meanFieldValues.choice("slow_currents", SlowCurrents.class));
            try {
                FixedPoint fixedPoint = MeanField.fixedPoint(model, 0, null, progress.sub(0.95, 0.05));
                Table fp = MeanFieldTables.fixedPoints(drive -> model, List.of(fixedPoint));
                for (int c = 0; c < mfColumns; c++) {
                    values[at++] = fp.getDouble(0, c);
                }
            } catch (MeanFieldException e) {
                status = "ok; mean field: " + e.getMessage();
            }
        }
        progress.report(1, "done");
        double[][] rates = null;
        if (keepRates) {
            Table t = result.ratesTable();
            rates = new double[t.columnCount()][];
            for (int c = 0; c < rates.length; c++) {
                rates[c] = t.doubleColumn(t.schema().column(c).name());
            }
        }
        return new Outcome(run.number, status, values, rates);
    }

    /**
     * The summary's schema: run, seed, the runs table's columns, status, each population's statistics
     * and the mean field's; checks that each column of the runs table names something a run can change.
     */
    public static TableSchema summarySchema(TableSchema runs, TableSchema network, boolean meanField) {
        List<String> populations = NetworkTable.populations(network);
        List<ColumnSpec> cols = new ArrayList<>();
        cols.add(ColumnSpec.integer("run", "number of the run, from 1"));
        cols.add(new ColumnSpec("seed", ColumnType.LONG, "seed of the run"));
        for (ColumnSpec c : runs.columns()) {
            target(c.name(), network);
            if (!c.name().equals("seed")) {
                cols.add(new ColumnSpec(c.name(), c.type(), "swept value"));
            }
        }
        cols.add(ColumnSpec.text("status", "ok, or why the run failed"));
        for (String p : populations) {
            for (ColumnSpec c : POPULATION_COLUMNS) {
                cols.add(new ColumnSpec(p + "_" + c.name(), c.type(), "population " + p + ": " + c.description()));
            }
        }
        if (meanField) {
            for (ColumnSpec c : MeanFieldTables.FIXED_POINT_SCHEMA.columns()) {
                cols.add(new ColumnSpec(MF + c.name(), ColumnType.DOUBLE, "mean-field fixed point: " + c.description()));
            }
        }
        return new TableSchema(cols);
    }

    /** The rates table's schema: run, then the columns of a simulation's rates. */
    public static TableSchema ratesSchema(TableSchema network) {
        List<ColumnSpec> cols = new ArrayList<>();
        cols.add(ColumnSpec.integer("run", "number of the run, from 1"));
        cols.addAll(SimulationResult.ratesSchema(NetworkTable.populations(network)).columns());
        return new TableSchema(cols);
    }

    /** One row per run, in the order of the runs. */
    public Table summary(List<Outcome> outcomes) {
        Table.Builder b = Table.builder(summarySchema(runsTable.schema(), networkSchema, meanField));
        for (Outcome o : outcomes) {
            Run run = runs.get(o.run - 1);
            List<Object> row = new ArrayList<>();
            row.add(run.number);
            row.add(run.seed);
            for (int c = 0; c < runsTable.columnCount(); c++) {
                if (!runsTable.schema().column(c).name().equals("seed")) {
                    row.add(runsTable.get(run.row, c));
                }
            }
            row.add(o.status);
            for (double v : o.values) {
                row.add(v);
            }
            b.addRow(row.toArray());
        }
        return b.build();
    }

    /** Every kept run's rates one after the other (empty unless keep_rates). */
    public Table rates(List<Outcome> outcomes) {
        TableSchema schema = ratesSchema(networkSchema);
        int rows = 0;
        for (Outcome o : outcomes) {
            rows += o.rates == null ? 0 : o.rates[0].length;
        }
        Object[] columns = new Object[schema.size()];
        int[] run = new int[rows];
        for (int c = 1; c < schema.size(); c++) {
            columns[c] = new double[rows];
        }
        int at = 0;
        for (Outcome o : outcomes) {
            if (o.rates == null) {
                continue;
            }
            int n = o.rates[0].length;
            Arrays.fill(run, at, at + n, o.run);
            for (int c = 1; c < schema.size(); c++) {
                System.arraycopy(o.rates[c - 1], 0, (double[]) columns[c], at, n);
            }
            at += n;
        }
        columns[0] = run;
        return Table.ofColumns(schema, columns);
    }

    enum Kind {
        SIMULATION, STIMULUS, NETWORK
    }

    /** Where a runs-table column applies: a column of one row of a table (-1: every row). */
    record Target(Kind kind, int population, String column) {
    }

    private static Target target(String name, TableSchema network) {
        List<String> populations = NetworkTable.populations(network);
        List<Target> found = new ArrayList<>();
        if (SIMULATION_KEYS.contains(name)) {
            found.add(new Target(Kind.SIMULATION, -1, name));
        }
        if (STIMULUS_KEYS.contains(name)) {
            found.add(new Target(Kind.STIMULUS, -1, name));
        }
        found.addAll(networkTargets(name, network));
        if (found.size() == 1) {
            return found.get(0);
        }
        if (FIXED.containsKey(name) || name.equals("max_spikes") || name.equals("threads")) {
            throw new ParameterException(name, "the runs table sets " + name + ", which the sweep sets itself");
        }
        if (found.isEmpty()) {
            throw new ParameterException(name, "the runs table's column " + name + " names nothing a run can change."
                    + " A column is a simulation setting (" + String.join(", ", SIMULATION_KEYS) + "), a stimulus"
                    + " parameter (" + String.join(", ", STIMULUS_KEYS) + "), a network-wide column ("
                    + String.join(", ", NETWORK_WIDE) + ", p_from_POP, in_degree_from_POP, q_from_POP_ns, tau_from_POP_ms,"
                    + " erev_from_POP_mv)"
                    + " or a column of the network table prefixed with its population (" + populations.get(0)
                    + "_gl_ns, " + populations.get(0) + "_neurons, ...; populations " + String.join(", ", populations)
                    + ")");
        }
        throw new ParameterException(name, "the runs table's column " + name + " is ambiguous: it could set "
                + found.stream().map(t -> t.kind + " " + (t.population >= 0 ? populations.get(t.population) + " " : "")
                        + t.column).toList());
    }

    /**
     * What a runs-table column sets in a network table: a network-wide column in every row, or
     * POP_COLUMN in population POP's row; empty when it names neither.
     */
    static List<Target> networkTargets(String name, TableSchema network) {
        List<String> populations = NetworkTable.populations(network);
        List<Target> found = new ArrayList<>();
        if (network.indexOf(name) >= 0 && (NETWORK_WIDE.contains(name) || isPathwayColumn(name))) {
            found.add(new Target(Kind.NETWORK, -1, name));
        }
        for (int p = 0; p < populations.size(); p++) {
            String prefix = populations.get(p) + "_";
            if (name.startsWith(prefix)) {
                String column = name.substring(prefix.length());
                if (network.indexOf(column) >= 0 && !NOT_SWEPT.contains(column)) {
                    found.add(new Target(Kind.NETWORK, p, column));
                }
            }
        }
        return found;
    }

    private static boolean isPathwayColumn(String name) {
        return name.startsWith("p_from_") || name.startsWith("in_degree_from_") || name.startsWith("q_from_")
                || name.startsWith("tau_from_") || name.startsWith("erev_from_");
    }

    /** The table with the target set to the value, in its row (or every row). */
    static Table withValue(Table network, Target t, String name, Object value, int runsRow) {
        int column = network.schema().indexOf(t.column);
        ColumnType type = network.schema().column(column).type();
        Object cell = value;
        if (type != ColumnType.STRING) {
            if (!(value instanceof Number n)) {
                throw new ParameterException(name, "row " + (runsRow + 1) + " of the runs table: " + name
                        + " = '" + value + "' is not a number");
            }
            double d = n.doubleValue();
            if (type == ColumnType.DOUBLE) {
                cell = d;
            } else if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                cell = type == ColumnType.INT ? (Object) (int) d : (Object) (long) d;
            } else {
                throw new ParameterException(name, "row " + (runsRow + 1) + " of the runs table: " + name
                        + " = " + value + " is not a whole number");
            }
        }
        Table.Builder b = Table.builder(network.schema());
        for (int r = 0; r < network.rowCount(); r++) {
            Object[] row = new Object[network.columnCount()];
            for (int c = 0; c < row.length; c++) {
                row[c] = c == column && (t.population < 0 || t.population == r) ? cell : network.get(r, c);
            }
            b.addRow(row);
        }
        return b.build();
    }

    /** The stimulus of a run's stimulus values (the rest at their defaults); each swept one must shape it. */
    private static Waveform stimulus(Map<String, Object> values, Set<String> swept) {
        ParameterValues v = ParameterValues.of(Stimuli.PARAMETERS, values);
        List<String> shapes = Stimuli.keysOf(v.text("stimulus"));
        for (String key : swept) {
            if (!key.equals("stimulus") && !shapes.contains(key)) {
                throw new ParameterException(key, key + " does not shape a " + v.text("stimulus") + " stimulus, which"
                        + " takes " + String.join(", ", shapes) + " (add a stimulus column to choose the shape)");
            }
        }
        return Stimuli.fromParameters(v);
    }

    private static SimulationSettings withSeed(SimulationSettings s, long seed) {
        return new SimulationSettings(s.tstop(), s.dt(), seed, s.driveProcess(), s.kickValue(), s.kickDuration(),
                s.transientTime(), s.rateBinSteps(), s.syncBinSteps(), s.recordSpikes(), s.maxSpikes(), s.nRec(),
                s.threads(), s.gating(), s.synapticTiming());
    }

    private static SimulationSettings withThreads(SimulationSettings s, int threads) {
        return new SimulationSettings(s.tstop(), s.dt(), s.seed(), s.driveProcess(), s.kickValue(), s.kickDuration(),
                s.transientTime(), s.rateBinSteps(), s.syncBinSteps(), s.recordSpikes(), s.maxSpikes(), s.nRec(),
                threads, s.gating(), s.synapticTiming());
    }

    private static Set<String> keys(List<ParameterSpec> specs, Set<String> except) {
        Set<String> keys = new LinkedHashSet<>();
        for (ParameterSpec s : specs) {
            if (!except.contains(s.key())) {
                keys.add(s.key());
            }
        }
        return keys;
    }

    private static List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (ParameterSpec s : SimulationSettings.PARAMETERS) {
            if (s.key().equals("threads")) {
                specs.add(THREADS);
            } else if (!FIXED.containsKey(s.key()) && !s.key().equals("max_spikes")) {
                specs.add(s);
            }
        }
        specs.add(SEEDS);
        specs.add(KEEP_RATES);
        specs.add(MEAN_FIELD);
        specs.add(MeanFieldSettings.ORDER);
        specs.add(MeanFieldSettings.T);
        specs.add(MeanFieldSettings.SLOW_CURRENTS);
        return List.copyOf(specs);
    }

    /** The progress of runs that go on at once: the parent sees the mean of their fractions. */
    private static final class SharedProgress {
        private final Progress parent;
        private final double[] fractions;
        private double total;

        SharedProgress(Progress parent, int runs) {
            this.parent = parent;
            this.fractions = new double[runs];
        }

        Progress of(int index) {
            return new Progress() {
                @Override
                public void report(double fraction, String message) {
                    synchronized (SharedProgress.this) {
                        double f = Math.max(0, Math.min(1, fraction));
                        total += f - fractions[index];
                        fractions[index] = f;
                        parent.report(total / fractions.length, "run " + (index + 1) + " of " + fractions.length
                                + ": " + message);
                    }
                }

                @Override
                public void checkCancelled() {
                    synchronized (SharedProgress.this) {
                        parent.checkCancelled();
                    }
                }
            };
        }
    }
}
