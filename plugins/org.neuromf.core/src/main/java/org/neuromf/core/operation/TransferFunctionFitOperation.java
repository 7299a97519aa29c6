package org.neuromf.core.operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.FluctuationModel;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.transfer.TransferFit;
import org.neuromf.core.transfer.TransferSamples;
import org.neuromf.core.util.Progress;

/** Transfer Function Fit: the effective-threshold coefficients P0..P10 from measured samples. */
public final class TransferFunctionFitOperation extends OperationBase {

    public TransferFunctionFitOperation() {
        super("transfer-function-fit", "Transfer Function Fit", "Fits the semi-analytic transfer function of Zerlaut et al."
                + " 2018 to measured samples: the template is inverted at every sample with a rate it can reach, the"
                + " threshold polynomial is fitted to those thresholds by least squares, and the coefficients are then"
                + " refined on the rates themselves (Levenberg-Marquardt), each sample weighted by its standard error"
                + " unless weighting is none. Outputs the coefficients P0..P10 (V) with the RMS error, and the residual"
                + " of every sample.",
                TransferFit.PARAMETERS,
                List.of(Port.required("samples", "fe_hz, fi_hz and fout_hz of measured points, with fout_sd_hz"
                        + " and seeds for the weighting, w_pa and p_m where slow currents were held and gate_drive_hz,"
                        + " gate_rate_hz for an HH cell's M gate (Transfer Function Scan)"),
                        Port.required("cell", "cell table of the neuron (one row): for samples with a held M gate, the"
                        + " cell with its M current"),
                        Port.required("network", "network table the samples were measured in")),
                List.of(Port.required("coefficients", "one row: cell, p0_v .. p10_v, p4_term, fit_rms_error_hz, fit_samples,"
                        + " gate_spike_drive and gate_spike_rate (HH cells: the M gate's kinetics)"),
                        Port.required("residuals", "every sample with the fitted rate, the residual and the thresholds")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        ParameterValues.of(TransferFit.PARAMETERS, parameters.asMap());
        for (String c : List.of(TransferSamples.FE.name(), TransferSamples.FI.name(), TransferSamples.FOUT.name())) {
            inputs.get(0).require(c, "the sample table");
        }
        CellTable.requireFamilies(inputs.get(1), "cell table");
        NetworkTable.populations(inputs.get(2));
        return List.of(TransferCoefficients.SCHEMA, TransferSamples.RESIDUALS_SCHEMA);
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        TransferFit.Options options = TransferFit.Options.of(parameters);
        Table samples = inputs.get(0);
        double[] fe = TransferSamples.column(samples, TransferSamples.FE, "the sample table");
        double[] fi = TransferSamples.column(samples, TransferSamples.FI, "the sample table");
        double[] fout = TransferSamples.column(samples, TransferSamples.FOUT, "the sample table");
        Cell cell = CellTable.single(inputs.get(1), "cell table");
        SynapticInput input = SynapticInput.forCell(NetworkTable.fromTable(inputs.get(2)), cell);
        List<String> warnings = new ArrayList<>();
        double[] standardErrors = null;
        if (options.weighting() == TransferFit.Weighting.STANDARD_ERROR) {
            standardErrors = TransferSamples.standardErrors(samples);
            if (standardErrors == null) {
                warnings.add("the sample table gives no standard errors (it needs fout_sd_hz and seeds columns, at least"
                        + " 2 seeds at every point and some spread): fitted unweighted, as with weighting none");
            }
        }
        progress.report(0, "fitting the transfer function of " + cell.name());
        FluctuationModel template = FluctuationModel.of(cell, input);
        double[] gate = TransferSamples.gate(samples, "the sample table");
        double heldMost = gate == null ? 0 : Arrays.stream(gate).max().orElse(0);
        if (heldMost > 0 && template.mConductance() == 0) {
            throw new ParameterException("cell", "the samples were measured with the M gate held (p_m up to " + heldMost
                    + "), but cell " + cell.name() + " has no M current (gm_ns = 0), so the held gate would not enter"
                    + " the template: connect the cell with its M current, the one the mean field will use");
        }
        TransferFit.Result fit = TransferFit.fit(cell.name(), template, fe, fi,
                TransferSamples.adaptation(samples, "the sample table"), gate, fout, standardErrors, options.p4Term());
        TransferCoefficients coefficients = fit.coefficients().withGate(TransferSamples.gateKinetics(samples, template,
                "the sample table"));
        progress.report(1, "fitted");
        int fitted = options.p4Term() ? TransferCoefficients.COUNT : TransferCoefficients.COUNT - 1;
        if (fit.invertedSamples() < fitted) {
            warnings.add("only " + fit.invertedSamples() + " samples have a rate the template can invert; the start of"
                    + " the fit was a constant threshold. Measure more points where the neuron fires");
        }
        return new OperationResult(List.of(coefficients.toTable(), TransferSamples.residuals(fe, fi, fout, fit)),
                warnings);
    }
}
