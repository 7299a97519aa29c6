package org.neuromf.core.transfer;

import java.util.ArrayList;
import java.util.Comparator;
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
    public static final ColumnSpec FOUT_SD = ColumnSpec.real("fout_sd_hz",
            "standard deviation of the output rate over seeds (Hz)");
    public static final ColumnSpec W = ColumnSpec.real("w_pa", "adaptation current held fixed during the measurement"
            + " (pA): the mean field's W at which an AdEx cell without its adaptation was measured; 0 for a plain scan");
    public static final ColumnSpec P = ColumnSpec.real("p_m", "M-current gate held fixed during the measurement: the"
            + " mean field's p at which an HH cell was measured with its M current a constant conductance; 0 for a plain"
            + " scan");
    public static final ColumnSpec GATE_DRIVE = ColumnSpec.real("gate_drive_hz", "HH cells: mean of p_inf(V)/tau_p(V)"
            + " of the M gate over the counted time (1/s; empty for other cells)");
    public static final ColumnSpec GATE_RATE = ColumnSpec.real("gate_rate_hz", "HH cells: mean of 1/tau_p(V) of the M"
            + " gate over the counted time (1/s; empty for other cells)");
    public static final ColumnSpec SEEDS = ColumnSpec.integer("seeds", "independent simulations behind the point");

    /** The rates fe, fi and fout may have (Hz): the input rates the single-neuron simulation accepts. */
    public static final Range RATES = new Range(0, true, 1e6, false);

    public static final TableSchema POINTS_SCHEMA = TableSchema.of(FE, FI);

    public static final TableSchema SCHEMA = TableSchema.of(FE, FI, FOUT, FOUT_SD,
            ColumnSpec.real("muv_mv", "mean membrane potential over subthreshold samples (V < -40 mV) (mV)"),
            ColumnSpec.real("sv_mv", "standard deviation of the subthreshold membrane potential (mV)"), SEEDS, W, P,
            GATE_DRIVE, GATE_RATE);

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
            b.addRow(m.fe(), m.fi(), m.meanRate(), m.rateSd(), m.muV() * 1e3, m.sV() * 1e3, m.rates().length,
                    m.w() * 1e12, m.p(), m.gateDrive(), m.gateRate());
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

    /**
     * The adaptation current each sample was measured at (A), from the w_pa column; null when the
     * table has none (a scan from before the column existed, or made elsewhere): every sample at 0.
     */
    public static double[] adaptation(Table table, String what) {
        InputTable in = InputTable.of(table, what);
        if (!in.has(W.name())) {
            return null;
        }
        double[] w = in.numbers(W.name(), InputTable.FINITE);
        for (int i = 0; i < w.length; i++) {
            w[i] *= 1e-12;
        }
        return w;
    }

    /**
     * The M gate each sample was measured at, from the p_m column; null when the table has none:
     * every sample at 0.
     */
    public static double[] gate(Table table, String what) {
        InputTable in = InputTable.of(table, what);
        return in.has(P.name()) ? in.numbers(P.name(), Range.closed(0, 1)) : null;
    }

    /**
     * The M-gate kinetics behind these samples ({@link MCurrentGate#measure}), from the
     * gate_drive_hz and gate_rate_hz columns; null when the table has none or they are empty (not
     * an HH cell).
     */
    public static MCurrentGate gateKinetics(Table table, FluctuationModel model, String what) {
        InputTable in = InputTable.of(table, what);
        if (!in.has(GATE_DRIVE.name()) || !in.has(GATE_RATE.name())) {
            return null;
        }
        int n = table.rowCount();
        double[] drive = new double[n];
        double[] rate = new double[n];
        for (int r = 0; r < n; r++) {
            drive[r] = in.optionalNumber(r, GATE_DRIVE.name(), InputTable.NON_NEGATIVE);
            rate[r] = in.optionalNumber(r, GATE_RATE.name(), InputTable.NON_NEGATIVE);
        }
        return MCurrentGate.measure(model, column(table, FE, what), column(table, FI, what), adaptation(table, what),
                gate(table, what), column(table, FOUT, what), drive, rate);
    }

    /** Samples whose variances are pooled into each one's standard error, see {@link #standardErrors(double[], double[], int[])}. */
    static final int POOLED = 11;

    /**
     * The standard error of every sample's mean rate (Hz), by {@link #standardErrors(double[], double[], int[])}
     * from the fout_hz, fout_sd_hz and seeds columns; null when the table cannot give it: fout_sd_hz
     * or seeds is missing, a point has fewer than 2 seeds, or no point has any spread.
     */
    public static double[] standardErrors(Table samples) {
        InputTable in = InputTable.of(samples, "the sample table");
        if (!in.has(FOUT_SD.name()) || !in.has(SEEDS.name())) {
            return null;
        }
        double[] sd = in.numbers(FOUT_SD.name(), RATES);
        int[] seeds = new int[sd.length];
        for (int r = 0; r < seeds.length; r++) {
            seeds[r] = in.whole(r, SEEDS.name(), 1, Integer.MAX_VALUE);
        }
        return standardErrors(column(samples, FOUT, "the sample table"), sd, seeds);
    }

    /**
     * The standard errors (Hz) of mean rates {@code fout} over {@code seeds} repetitions whose
     * population SD (numpy's std, as the scan writes it) is {@code sd}; null when a point has fewer
     * than 2 seeds (no spread to measure) or no point has any spread.
     *
     * <p>Pooled: for a firing point, the variance of one repetition's rate is the mean, weighted by
     * degrees of freedom, of the sample variances (sd^2 seeds / (seeds - 1)) of the {@value #POOLED}
     * firing points nearest in rate (ties by row), and SE = sqrt(variance / seeds). The variance of
     * a spike count is a smooth function of its rate, and a point's own estimate, from 3 degrees of
     * freedom with 4 seeds, is too noisy to weight by (1/s^2 then has three times the right mean and
     * a long tail). Synthetic scans of the published fits at the points of a default scan (100
     * draws, Poisson-like counts) gave the fixed point with an RMS error of 0.105 Hz weighted by
     * per-point SEs, 0.085 unweighted, 0.078 pooled, 0.073 with the true SEs.
     *
     * <p>Floor: a rate is a spike count over the counted time T, and a point whose repetitions count
     * the same but for one spike more in one of them has SE = 1/(seeds T) exactly, the smallest
     * positive SE a point can have. A silent point, or one with equal counts by chance, is known to
     * about that one spike, not exactly, and must not get an infinite weight: every SE is at least
     * 1/(seeds T), and a silent point's is that. The table does not hold T: 1/T is taken as the
     * smallest positive SE x seeds of a single point, which is exactly 1/T when some point has that
     * one-spike pattern (usual in a scan, with its nearly silent rows) and larger otherwise, erring
     * towards a larger floor.
     */
    public static double[] standardErrors(double[] fout, double[] sd, int[] seeds) {
        int n = fout.length;
        double perTime = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (seeds[i] < 2) {
                return null;
            }
            if (sd[i] > 0) {
                perTime = Math.min(perTime, sd[i] / Math.sqrt(seeds[i] - 1) * seeds[i]);
            }
        }
        if (perTime == Double.POSITIVE_INFINITY) {
            return null;
        }
        List<Integer> firing = new ArrayList<>();
        double[] se = new double[n];
        for (int i = 0; i < n; i++) {
            if (fout[i] > 0) {
                firing.add(i);
            }
            se[i] = perTime / seeds[i];
        }
        firing.sort(Comparator.comparingDouble(i -> fout[i]));
        int window = Math.min(POOLED, firing.size());
        for (int r = 0; r < firing.size(); r++) {
            int from = Math.max(0, Math.min(r - window / 2, firing.size() - window));
            double squares = 0;
            double dof = 0;
            for (int k = from; k < from + window; k++) {
                int j = firing.get(k);
                squares += sd[j] * sd[j] * seeds[j];
                dof += seeds[j] - 1;
            }
            int i = firing.get(r);
            se[i] = Math.max(se[i], Math.sqrt(squares / dof / seeds[i]));
        }
        return se;
    }
}
