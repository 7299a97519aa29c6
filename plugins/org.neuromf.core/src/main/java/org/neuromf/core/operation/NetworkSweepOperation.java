package org.neuromf.core.operation;

import java.util.ArrayList;
import java.util.List;

import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.stimulus.Stimuli;
import org.neuromf.core.sweep.NetworkSweep;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

/** Network Sweep: the network simulated once per row of a runs table and seed, one summary row per run. */
public final class NetworkSweepOperation extends OperationBase {

    public NetworkSweepOperation() {
        super("network-sweep", "Network Sweep", "Simulates the spiking network once per row of a runs table and seed,"
                + " in parallel, and gives one summary row per run: the row's values, the seed, each population's"
                + " mean rate, rate SD, CV of the ISIs, synchrony, and, when asked, the mean field's fixed point for"
                + " the same values. Each column of the runs table sets one value: a simulation setting (tstop_ms,"
                + " seed, ...), a stimulus parameter (stimulus, amp_hz, ...), a network-wide column (drive_rate_hz,"
                + " p_from_exc, q_from_inh_ns, ...) or a column of the network table for one population, prefixed"
                + " with its name (exc_gm_ns, inh_b_pa, exc_neurons). A run whose integration fails says why in its"
                + " status; the others finish. The results do not depend on the number of threads.",
                NetworkSweep.PARAMETERS,
                List.of(Port.required("network", "network table from Network Builder"),
                        Port.required("runs", "one row per set of values to run; each column names what it sets"),
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
        ParameterValues v = ParameterValues.of(NetworkSweep.PARAMETERS, parameters.asMap());
        if (inputs.size() > 2 && inputs.get(2) != null) {
            Stimuli.checkTable(inputs.get(2));
        }
        return List.of(NetworkSweep.summarySchema(inputs.get(1), inputs.get(0), v.flag("mean_field")),
                NetworkSweep.ratesSchema(inputs.get(0)));
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        NetworkSweep sweep = new NetworkSweep(new NetworkSweep.Inputs(inputs.get(0), inputs.get(1), input(inputs, 2),
                null, input(inputs, 3), input(inputs, 4), parameters.asMap()));
        List<NetworkSweep.Outcome> outcomes = sweep.runAll(progress);
        List<String> warnings = new ArrayList<>(sweep.warnings());
        long failed = outcomes.stream().filter(o -> o.status().startsWith("failed")).count();
        if (failed > 0) {
            warnings.add(failed + " of " + outcomes.size() + " runs failed: see the summary's status column");
        }
        return new OperationResult(List.of(sweep.summary(outcomes), sweep.rates(outcomes)), warnings);
    }

    private static Table input(List<Table> inputs, int i) {
        return inputs.size() > i ? inputs.get(i) : null;
    }
}
