package org.neuromf.core.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;
import org.neuromf.core.param.Unit;
import org.neuromf.core.simulation.PresynapticInput;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.TransferSamples;
import org.neuromf.core.transfer.TransferScan;
import org.neuromf.core.util.Progress;

/** Transfer Function Scan: single-neuron shot-noise simulations over a grid of (fe, fi) or at given points. */
public final class TransferFunctionScanOperation extends OperationBase {

    /** The scan's own settings, then which slow currents are held and at what. */
    private static final List<ParameterSpec> HOLDING = List.of(
            ParameterSpec.Choice.of("slow_currents", "Slow currents", SlowCurrents.class, SlowCurrents.PAPER,
                    "paper: the cell as given; state_variables: the slow currents a mean field with slow_currents ="
                            + " state_variables carries (the adaptation W of AdEx cells, the M gate p of HH cells) are"
                            + " held at held_w_pa and held_p, and the samples say so"),
            ParameterSpec.Real.of("held_w", "Held adaptation current", Unit.PICOAMPERE, 0, Range.closed(-1e6, 1e6),
                    "slow_currents = state_variables, adapting AdEx cells: the adaptation current W held during the"
                            + " measurement (the cell is measured without its adaptation, W as a constant outward current)"),
            ParameterSpec.Real.of("held_p", "Held M gate", Unit.NONE, 0, Range.closed(0, 1),
                    "slow_currents = state_variables, HH cells with an M current: the gate p held during the measurement"
                            + " (the M current becomes the constant conductance gM p towards EK); samples record how a"
                            + " free gate would move"));
    private static final List<ParameterSpec> PARAMETERS = Stream.concat(TransferScan.PARAMETERS.stream(),
            HOLDING.stream()).toList();

    public TransferFunctionScanOperation() {
        super("transfer-function-scan", "Transfer Function Scan", "Measures the transfer function of a cell: one neuron"
                + " receives shot-noise conductances from the network's Ke excitatory and Ki inhibitory synapses firing at"
                + " fe and fi (Poisson trains as in the paper, or renewal trains and binomial in-degrees like a network's own"
                + " input); its output rate is averaged over seeds, with the mean and SD of the subthreshold potential."
                + " Without a point table it scans a grid: rows of fi, and in each row fe from 0 upwards, halving the fe"
                + " step where the output rises by more than max_jump_hz. Points run in parallel; the seed fixes the result.",
                PARAMETERS,
                List.of(Port.required("cell", "cell table of the neuron (one row)"),
                        Port.required("network", "network table: the synapses onto the cell's population (or onto the"
                                + " excitatory one when no population has this cell)"),
                        Port.optional("points", "table with fe_hz and fi_hz: measure these points instead of the grid")),
                List.of(Port.required("samples", "fe_hz, fi_hz, fout_hz, fout_sd_hz, muv_mv, sv_mv, seeds, w_pa and p_m"
                        + " (the slow currents held; 0: none), gate_drive_hz and gate_rate_hz (HH cells: how the M gate"
                        + " would move)")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        ParameterValues.of(PARAMETERS, parameters.asMap());
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
        ParameterValues v = ParameterValues.of(PARAMETERS, parameters.asMap());
        Map<String, Object> scan = new LinkedHashMap<>(v.asMap());
        HOLDING.forEach(h -> scan.remove(h.key()));
        TransferScan.Settings settings = TransferScan.Settings.of(scan);
        Cell cell = CellTable.single(inputs.get(0), "cell table");
        SlowCurrents slow = v.choice("slow_currents", SlowCurrents.class);
        double w = v.si("held_w_pa");
        double p = v.real("held_p");
        if (w != 0 && !(slow == SlowCurrents.STATE_VARIABLES && SlowCurrents.carriesAdaptation(cell))) {
            throw new ParameterException("held_w_pa", "held_w_pa = " + v.real("held_w_pa") + " holds an adaptation"
                    + " current, which only an adapting AdEx cell has, and only with slow_currents = state_variables"
                    + " (now " + v.get("slow_currents") + ", cell " + cell.name() + "): set it to 0");
        }
        if (p != 0 && !slow.carriesGate(cell)) {
            throw new ParameterException("held_p", "held_p = " + p + " holds the M gate, which only an HH cell with an M"
                    + " current has, and only with slow_currents = state_variables (now " + v.get("slow_currents")
                    + ", cell " + cell.name() + "): set it to 0");
        }
        Cell held = slow == SlowCurrents.PAPER ? cell : slow.held(cell, w, p);
        Network network = NetworkTable.fromTable(inputs.get(1));
        SynapticInput input = SynapticInput.forCell(network, cell);
        PresynapticInput presynaptic = settings.presynaptic(network, SynapticInput.populationOf(network, cell));
        List<Measurement> samples;
        if (inputs.size() > 2 && inputs.get(2) != null) {
            Table points = inputs.get(2);
            samples = TransferScan.points(held, input, presynaptic, TransferSamples.column(points, TransferSamples.FE,
                    "the point table"), TransferSamples.column(points, TransferSamples.FI, "the point table"), w, p, settings,
                    progress);
        } else {
            samples = TransferScan.grid(held, input, presynaptic, settings, progress).stream().map(m -> m.heldAt(w, p))
                    .toList();
        }
        return new OperationResult(List.of(TransferSamples.toTable(samples)), List.of());
    }
}
