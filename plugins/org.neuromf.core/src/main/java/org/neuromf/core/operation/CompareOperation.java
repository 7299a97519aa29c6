package org.neuromf.core.operation;

import static org.neuromf.core.param.Unit.MILLISECOND;

import java.util.List;

import org.neuromf.core.analysis.Comparison;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

/** Compare: a network simulation against the mean field of the same network. */
public final class CompareOperation extends OperationBase {

    public static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.Real.of("transient", "Transient", MILLISECOND, 500, Range.closed(0, 1e8),
                    "initial time left out of the comparison"),
            ParameterSpec.Real.of("bin", "Rate bin", MILLISECOND, 5, Range.aboveUpTo(0, 1e6),
                    "bin of the population rates: the mean field's SDs are those of rates over its time constant T;"
                            + " a whole multiple of the rates' time step, and at least the mean field's"));

    public CompareOperation() {
        super("compare", "Compare", "Measures how closely the spiking network follows the mean field: time-averaged"
                + " rates and their SDs in bins, the distribution of the binned rates against the predicted Gaussian,"
                + " for a stimulus the error, correlation, peak and peak time of the response, and with traces the"
                + " membrane-potential and conductance statistics against their predictions.",
                PARAMETERS,
                List.of(Port.required("rates", "rates table of Network Simulation"),
                        Port.required("mean field", "time course of Mean-Field Model"),
                        Port.optional("traces", "traces table of Network Simulation (recorded neurons)")),
                List.of(Port.required("comparison", "one row per population and quantity: network, mean field, difference"),
                        Port.required("histogram", "binned-rate distribution of the network and the predicted Gaussian")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        ParameterValues.of(PARAMETERS, parameters.asMap());
        Comparison.checkSchemas(inputs.get(0), inputs.get(1), inputs.size() > 2 ? inputs.get(2) : null);
        return List.of(Comparison.SCHEMA, Comparison.HISTOGRAM_SCHEMA);
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        ParameterValues v = ParameterValues.of(PARAMETERS, parameters.asMap());
        Comparison.Result r = Comparison.compare(inputs.get(0), inputs.get(1), inputs.size() > 2 ? inputs.get(2) : null,
                v.real("transient_ms"), v.real("bin_ms"));
        return new OperationResult(List.of(r.comparison(), r.histogram()), List.of());
    }
}
