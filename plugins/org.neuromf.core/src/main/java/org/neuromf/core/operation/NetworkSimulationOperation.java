package org.neuromf.core.operation;

import java.util.ArrayList;
import java.util.List;

import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.simulation.NetworkSimulator;
import org.neuromf.core.simulation.SimulationResult;
import org.neuromf.core.simulation.SimulationSettings;
import org.neuromf.core.stimulus.Stimuli;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

/** Network Simulation: runs the spiking network of a network table, with an optional stimulus table. */
public final class NetworkSimulationOperation extends OperationBase {

    public NetworkSimulationOperation() {
        super("network-simulation", "Network Simulation", "Simulates the spiking network (exponential Euler, conductance"
                + " synapses, external Poisson drive) and records population rates, spikes, traces of a few neurons, and a"
                + " summary per population: mean rate, CV of the interspike intervals and a synchrony index after the"
                + " transient. The same seed gives the same result, whatever the number of threads.",
                SimulationSettings.PARAMETERS,
                List.of(Port.required("network", "network table from Network Builder"),
                        Port.optional("stimulus", "table with time_ms and rate_hz: a rate added to the drive of every"
                                + " population, interpolated linearly")),
                List.of(Port.required("rates", "time_ms, rate of each population (Hz) and the external drive"),
                        Port.required("spikes", "time_ms, neuron, population of every spike"),
                        Port.required("traces", "V and conductances of the first n_rec neurons of each population"),
                        Port.required("summary", "statistics per population after the transient")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        SimulationSettings.of(parameters);
        if (inputs.size() > 1 && inputs.get(1) != null) {
            Stimuli.checkTable(inputs.get(1));
        }
        List<String> pops = NetworkTable.populations(inputs.get(0));
        return List.of(SimulationResult.ratesSchema(pops), SimulationResult.SPIKES_SCHEMA,
                SimulationResult.tracesSchema(pops), SimulationResult.SUMMARY_SCHEMA);
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        SimulationSettings settings = SimulationSettings.of(parameters);
        Network network = NetworkTable.fromTable(inputs.get(0));
        List<String> warnings = new ArrayList<>();
        Waveform stimulus = Waveform.NONE;
        if (inputs.size() > 1 && inputs.get(1) != null) {
            stimulus = Stimuli.fromTable(inputs.get(1), warnings);
        }
        SimulationResult r = new NetworkSimulator(network, stimulus, settings).run(progress);
        warnings.addAll(r.warnings());
        return new OperationResult(List.of(r.ratesTable(), r.spikesTable(), r.tracesTable(), r.summaryTable()), warnings);
    }
}
