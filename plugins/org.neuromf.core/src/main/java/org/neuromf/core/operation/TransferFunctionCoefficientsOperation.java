package org.neuromf.core.operation;

import java.util.List;

import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.util.Progress;

/** Published Transfer Function: the coefficient table of a published fit, ready for the mean field. */
public final class TransferFunctionCoefficientsOperation extends OperationBase {

    public static final List<ParameterSpec> PARAMETERS = List.of(new ParameterSpec.Choice("cell", "Cell",
            TransferCoefficients.presetNames(), TransferCoefficients.presetNames().get(0),
            "the cell whose published fit (Carlu et al. 2020, network CONFIG1) to output"));

    public TransferFunctionCoefficientsOperation() {
        super("transfer-function-coefficients", "Published Transfer Function", "Outputs the published transfer-function"
                + " coefficients P0..P10 (V) of a cell, fitted by Carlu et al. 2020 in network CONFIG1 without the P4 term."
                + " Coefficients of other cells can be typed into a table with the same columns, or read from a CSV file.",
                PARAMETERS, List.of(),
                List.of(Port.required("coefficients", "one row: cell, p0_v .. p10_v, p4_term, fit_rms_error_hz, fit_samples")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        ParameterValues.of(PARAMETERS, parameters.asMap());
        return List.of(TransferCoefficients.SCHEMA);
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        String cell = ParameterValues.of(PARAMETERS, parameters.asMap()).text("cell");
        return new OperationResult(List.of(TransferCoefficients.preset(cell).toTable()), List.of());
    }
}
