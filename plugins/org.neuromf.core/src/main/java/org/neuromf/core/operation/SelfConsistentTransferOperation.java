package org.neuromf.core.operation;

import java.util.List;

import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.simulation.PresynapticInput;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.SelfConsistentTransfer;
import org.neuromf.core.transfer.SelfConsistentTransfer.Iteration;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.transfer.TransferSamples;
import org.neuromf.core.util.Progress;

/** Self-Consistent Transfer Functions: the scan, mean field and rescan loop of {@link SelfConsistentTransfer}. */
public final class SelfConsistentTransferOperation extends OperationBase {

    public static final TableSchema ITERATIONS_SCHEMA = TableSchema.of(
            ColumnSpec.integer("iteration", "0: Poisson input (the paper's scans); then renewal trains from the previous"
                    + " iteration's output"),
            ColumnSpec.real("nu_e_hz", "excitatory rate of the mean field's spontaneous fixed point, of the loop's order"
                    + " (Hz)"),
            ColumnSpec.real("nu_i_hz", "inhibitory rate of the fixed point (Hz)"),
            ColumnSpec.real("change_percent", "largest relative change of nu_e, nu_i from the previous iteration (%)"),
            ColumnSpec.real("in_cv_exc", "CV of the intervals of the excitatory input trains scanned with"),
            ColumnSpec.real("in_cv_inh", "CV of the intervals of the inhibitory input trains"),
            ColumnSpec.real("out_rate_exc_hz", "rate of the excitatory cell measured at the fixed point (Hz)"),
            ColumnSpec.real("out_cv_exc", "CV of its interspike intervals there"),
            ColumnSpec.real("out_rate_inh_hz", "rate of the inhibitory cell measured at the fixed point (Hz)"),
            ColumnSpec.real("out_cv_inh", "CV of its interspike intervals there"));

    public SelfConsistentTransferOperation() {
        super("self-consistent-transfer", "Self-Consistent Transfer Functions", "Measures the transfer functions of"
                + " both cells of a network under input like the network's own: scans under Poisson input (the paper's"
                + " method), finds the mean field's spontaneous fixed point, measures each cell's output spike trains"
                + " there, and scans again with renewal input trains of those interspike intervals (optionally with the"
                + " network's binomial in-degrees), until the fixed point moves by less than the tolerance. No network is"
                + " simulated: a network run is only the check. The fits are meant for the mean field of the order the"
                + " loop follows (first by default: set the Mean-Field Model's order to match).",
                SelfConsistentTransfer.PARAMETERS,
                List.of(Port.required("network", "network table of two populations, excitatory then inhibitory")),
                List.of(Port.required("iterations", "one row per iteration: the fixed point, the input trains scanned"
                        + " with, the output measured at the fixed point"),
                        Port.required("excitatory coefficients", "the last iteration's fit for the excitatory cell"),
                        Port.required("inhibitory coefficients", "the last iteration's fit for the inhibitory cell"),
                        Port.required("excitatory samples", "the last iteration's samples of the excitatory cell"),
                        Port.required("inhibitory samples", "the last iteration's samples of the inhibitory cell")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        ParameterValues.of(SelfConsistentTransfer.PARAMETERS, parameters.asMap());
        NetworkTable.populations(inputs.get(0));
        return List.of(ITERATIONS_SCHEMA, TransferCoefficients.SCHEMA,
                TransferCoefficients.SCHEMA, TransferSamples.SCHEMA, TransferSamples.SCHEMA);
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        Network network = NetworkTable.fromTable(inputs.get(0));
        SelfConsistentTransfer.Result result = SelfConsistentTransfer.run(network, parameters, progress);
        Iteration last = result.last();
        List<String> warnings = result.converged() ? List.of() : List.of("the fixed point still moved by more than the"
                + " tolerance after " + (result.iterations().size() - 1) + " rescans; the last iteration is given");
        return new OperationResult(List.of(iterations(result), last.coefficients()[0].toTable(),
                last.coefficients()[1].toTable(), TransferSamples.toTable(last.samples().get(0)),
                TransferSamples.toTable(last.samples().get(1))), warnings);
    }

    static Table iterations(SelfConsistentTransfer.Result result) {
        Table.Builder b = Table.builder(ITERATIONS_SCHEMA);
        Iteration previous = null;
        for (Iteration it : result.iterations()) {
            double change = previous == null ? Double.NaN : 100 * Math.max(Math.abs(it.nuE() / previous.nuE() - 1),
                    Math.abs(it.nuI() / previous.nuI() - 1));
            // both populations receive trains of the same models; the excitatory one's input shows them
            PresynapticInput in = it.inputs()[0];
            b.addRow(it.index(), it.nuE(), it.nuI(), change, in.excitatory().cv(it.nuE()), in.inhibitory().cv(it.nuI()),
                    it.atFixedPoint()[0].meanRate(),
                    it.atFixedPoint()[0].intervals().cv(), it.atFixedPoint()[1].meanRate(),
                    it.atFixedPoint()[1].intervals().cv());
            previous = it;
        }
        return b.build();
    }
}
