package org.neuromf.core.operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.stimulus.Stimuli;
import org.neuromf.core.sweep.NetworkSweep;
import org.neuromf.core.sweep.SweepValues;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

/**
 * Network Sweep: the network simulated once per row of a runs table (connected, or made from the
 * values setting) and seed, one summary row per run.
 */
public final class NetworkSweepOperation extends OperationBase {

    private static final ParameterSpec VALUES = new ParameterSpec.Text("values", "Swept values", "",
            "the runs when no runs table is connected: one column per entry, separated by ';', each COLUMN=V1,V2,..."
                    + " (a list) or COLUMN=FROM:TO:N (N evenly spaced values), e.g. drive_rate_hz=2:8:4; exc_b_pa=0,20");
    private static final ParameterSpec COMBINE = new ParameterSpec.Choice("combine", "Combine", List.of("grid", "list"),
            "grid", "grid: every combination of the swept values (the first varies slowest);"
                    + " list: the i-th values of every column together, all lists as long");

    private static List<ParameterSpec> allParameters() {
        List<ParameterSpec> specs = new ArrayList<>(List.of(VALUES, COMBINE));
        specs.addAll(NetworkSweep.PARAMETERS);
        return List.copyOf(specs);
    }

    public NetworkSweepOperation() {
        super("network-sweep", "Network Sweep", "Simulates the spiking network once per row of a runs table and seed,"
                + " in parallel, and gives one summary row per run: the row's values, the seed, each population's"
                + " mean rate, rate SD, CV of the ISIs, synchrony, and, when asked, the mean field's fixed point for"
                + " the same values. Each column of the runs table sets one value: a simulation setting (tstop_ms,"
                + " seed, ...), a stimulus parameter (stimulus, amp_hz, ...), a network-wide column (drive_rate_hz,"
                + " p_from_exc, q_from_inh_ns, ...) or a column of the network table for one population, prefixed"
                + " with its name (exc_gm_ns, inh_b_pa, exc_neurons). A run whose integration fails says why in its"
                + " status; the others finish. Without a runs table, the values setting gives the runs as a grid or"
                + " a list. The results do not depend on the number of threads.",
                allParameters(),
                List.of(Port.required("network", "network table from Network Builder"),
                        Port.optional("runs", "one row per set of values to run; each column names what it sets (else"
                                + " the values setting gives them)"),
                        Port.optional("stimulus", "table with time_ms and rate_hz for every run (not with stimulus"
                                + " columns in the runs table)"),
                        Port.optional("excitatory coefficients", "transfer-function coefficients of the excitatory"
                                + " cell, for the mean field"),
                        Port.optional("inhibitory coefficients", "transfer-function coefficients of the inhibitory"
                                + " cell, for the mean field")),
                List.of(Port.required("summary", "one row per run: run, seed, the swept values, status, each"
                        + " population's statistics (POP_mean_rate_hz, ...) and the fixed point (mf_...)"),
                        Port.required("rates", "run and the population rates over time of every run (empty unless"
                                + " keep_rates)")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        ParameterValues v = ParameterValues.of(allParameters(), parameters.asMap());
        if (inputs.size() > 2 && inputs.get(2) != null) {
            Stimuli.checkTable(inputs.get(2));
        }
        Table made = valuesRuns(inputs.get(1) != null, v);
        TableSchema runs = made == null ? inputs.get(1) : made.schema();
        return List.of(NetworkSweep.summarySchema(runs, inputs.get(0), v.flag("mean_field")),
                NetworkSweep.ratesSchema(inputs.get(0)));
    }

    /** The runs the values setting makes when no runs table is connected (else null); refuses both, and neither. */
    private static Table valuesRuns(boolean connected, ParameterValues v) {
        String values = v.text(VALUES.key()).trim();
        if (connected && !values.isEmpty()) {
            throw new ParameterException(VALUES.key(), "a runs table is connected and values = '" + values
                    + "' gives runs too: give them one way (clear values, or disconnect the runs table)");
        }
        if (!connected && values.isEmpty()) {
            throw new ParameterException(VALUES.key(), "no runs: connect a runs table or set values, e.g."
                    + " drive_rate_hz=2:8:4");
        }
        return connected ? null : SweepValues.runs(List.of(values.split("\\s*;\\s*")), v.text(COMBINE.key()));
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        ParameterValues v = ParameterValues.of(allParameters(), parameters.asMap());
        Map<String, Object> sweepParameters = new LinkedHashMap<>(v.asMap());
        sweepParameters.keySet().removeAll(List.of(VALUES.key(), COMBINE.key()));
        NetworkSweep sweep = new NetworkSweep(new NetworkSweep.Inputs(inputs.get(0), runs(input(inputs, 1), v),
                input(inputs, 2), null, input(inputs, 3), input(inputs, 4), sweepParameters));
        List<NetworkSweep.Outcome> outcomes = sweep.runAll(progress);
        List<String> warnings = new ArrayList<>(sweep.warnings());
        long failed = outcomes.stream().filter(o -> o.status().startsWith("failed")).count();
        if (failed > 0) {
            warnings.add(failed + " of " + outcomes.size() + " runs failed: see the summary's status column");
        }
        return new OperationResult(List.of(sweep.summary(outcomes), sweep.rates(outcomes)), warnings);
    }

    private static Table runs(Table connected, ParameterValues v) {
        Table made = valuesRuns(connected != null, v);
        return made == null ? connected : made;
    }

    private static Table input(List<Table> inputs, int i) {
        return inputs.size() > i ? inputs.get(i) : null;
    }
}
