package org.neuromf.core.transfer;

import java.util.List;

import org.neuromf.core.param.Range;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.InputTable;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/** The tables of a transfer function: measured samples, points to measure, and a fit's residuals. */
public final class TransferSamples {

    public static final ColumnSpec FE = ColumnSpec.real("fe_hz", "excitatory input rate per synapse (Hz)");
    public static final ColumnSpec FI = ColumnSpec.real("fi_hz", "inhibitory input rate per synapse (Hz)");
    public static final ColumnSpec FOUT = ColumnSpec.real("fout_hz", "output rate, mean over seeds (Hz)");

    /** The rates fe, fi and fout may have (Hz): the input rates the single-neuron simulation accepts. */
    public static final Range RATES = new Range(0, true, 1e6, false);

    public static final TableSchema POINTS_SCHEMA = TableSchema.of(FE, FI);

    public static final TableSchema SCHEMA = TableSchema.of(FE, FI, FOUT,
            ColumnSpec.real("fout_sd_hz", "standard deviation of the output rate over seeds (Hz)"),
            ColumnSpec.real("muv_mv", "mean membrane potential over subthreshold samples (V < -40 mV) (mV)"),
            ColumnSpec.real("sv_mv", "standard deviation of the subthreshold membrane potential (mV)"),
            ColumnSpec.integer("seeds", "independent simulations behind the point"));

    public static final TableSchema RESIDUALS_SCHEMA = TableSchema.of(FE, FI, FOUT,
            ColumnSpec.real("fit_hz", "rate of the fitted template (Hz)"),
            ColumnSpec.real("residual_hz", "fit_hz - fout_hz (Hz)"),
            ColumnSpec.real("veff_data_mv", "effective threshold inverted from fout_hz; empty where fout is 0 or "
                    + "above 1/(2 tauV) (mV)"),
            ColumnSpec.real("veff_fit_mv", "effective threshold of the fitted polynomial (mV)"),
            ColumnSpec.real("muv_template_mv", "mean membrane potential of the template (mV)"),
            ColumnSpec.real("sv_template_mv", "membrane potential SD of the template (mV)"),
            ColumnSpec.real("tvn", "tauV gL / Cm of the template"));

    private TransferSamples() {
    }

    public static Table toTable(List<Measurement> measurements) {
        Table.Builder b = Table.builder(SCHEMA);
        for (Measurement m : measurements) {
            b.addRow(m.fe(), m.fi(), m.meanRate(), m.rateSd(), m.muV() * 1e3, m.sV() * 1e3, m.rates().length);
        }
        return b.build();
    }

    public static Table residuals(double[] fe, double[] fi, double[] fout, TransferFit.Result fit) {
        Table.Builder b = Table.builder(RESIDUALS_SCHEMA);
        for (int i = 0; i < fe.length; i++) {
            Fluctuations f = fit.fluctuations()[i];
            b.addRow(fe[i], fi[i], fout[i], fit.fitted()[i], fit.residuals()[i], fit.measuredThreshold()[i] * 1e3,
                    fit.fittedThreshold()[i] * 1e3, f.muV() * 1e3, f.sV() * 1e3, f.tvN());
        }
        return b.build();
    }

    /**
     * A column of rates (fe_hz, fi_hz, fout_hz), every row a number in {@link #RATES} (Hz);
     * {@code what} names the table when it did not come from a file.
     */
    public static double[] column(Table table, ColumnSpec column, String what) {
        return InputTable.of(table, what).requireRows(1, "").numbers(column.name(), RATES);
    }
}
