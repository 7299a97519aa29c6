package org.neuromf.core.operation;

import java.util.List;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.simulation.PresynapticInput;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.TransferSamples;
import org.neuromf.core.transfer.TransferScan;
import org.neuromf.core.util.Progress;

/** Transfer Function Scan: single-neuron shot-noise simulations over a grid of (fe, fi) or at given points. */
public final class TransferFunctionScanOperation extends OperationBase {

    public TransferFunctionScanOperation() {
        super("transfer-function-scan", "Transfer Function Scan", "Measures the transfer function of a cell: one neuron"
                + " receives shot-noise conductances from the network's Ke excitatory and Ki inhibitory synapses firing at"
                + " fe and fi (Poisson trains as in the paper, or renewal trains and binomial in-degrees like a network's own"
                + " input); its output rate is averaged over seeds, with the mean and SD of the subthreshold potential."
                + " Without a point table it scans a grid: rows of fi, and in each row fe from 0 upwards, halving the fe"
                + " step where the output rises by more than max_jump_hz. Points run in parallel; the seed fixes the result.",
                TransferScan.PARAMETERS,
                List.of(Port.required("cell", "cell table of the neuron (one row)"),
                        Port.required("network", "network table: the synapses onto the cell's population (or onto the"
                                + " excitatory one when no population has this cell)"),
                        Port.optional("points", "table with fe_hz and fi_hz: measure these points instead of the grid")),
                List.of(Port.required("samples", "fe_hz, fi_hz, fout_hz, fout_sd_hz, muv_mv, sv_mv, seeds, w_pa (0: no"
                        + " adaptation current held)")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        TransferScan.Settings.of(parameters);
        CellTable.requireFamilies(inputs.get(0), "cell table");
        NetworkTable.populations(inputs.get(1));
        if (inputs.size() > 2 && inputs.get(2) != null) {
            inputs.get(2).require(TransferSamples.FE.name(), "the point table");
            inputs.get(2).require(TransferSamples.FI.name(), "the point table");
        }
        return List.of(TransferSamples.SCHEMA);
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        TransferScan.Settings settings = TransferScan.Settings.of(parameters);
        Cell cell = CellTable.single(inputs.get(0), "cell table");
        Network network = NetworkTable.fromTable(inputs.get(1));
        SynapticInput input = SynapticInput.forCell(network, cell);
        PresynapticInput presynaptic = settings.presynaptic(network, SynapticInput.populationOf(network, cell));
        List<Measurement> samples;
        if (inputs.size() > 2 && inputs.get(2) != null) {
            Table points = inputs.get(2);
            samples = TransferScan.points(cell, input, presynaptic, TransferSamples.column(points, TransferSamples.FE, "the point table"),
                    TransferSamples.column(points, TransferSamples.FI, "the point table"), settings, progress);
        } else {
            samples = TransferScan.grid(cell, input, presynaptic, settings, progress);
        }
        return new OperationResult(List.of(TransferSamples.toTable(samples)), List.of());
    }
}
