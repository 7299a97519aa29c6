package org.neuromf.core.meanfield;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.Fluctuations;
import org.neuromf.core.util.Progress;
import org.neuromf.core.util.TimeGrid;

/**
 * The tables of the mean field: its time course, and fixed points with their stability. Both carry
 * the same prediction columns: rates, their SDs and covariance (0 to first order), adaptation, and
 * for each population (suffix _e, _i) muV, sV, tauV, TvN and the conductance means and SDs.
 */
public final class MeanFieldTables {

    private static final String[] POPULATIONS = {"e", "i"};

    /** The prediction columns, in order. */
    static final List<ColumnSpec> PREDICTIONS = predictions();

    public static final TableSchema SERIES_SCHEMA = withFirst(List.of(
            ColumnSpec.real("time_ms", "time (ms)"),
            ColumnSpec.real("drive_hz", "external rate per synapse: drive plus stimulus (Hz)")));

    public static final TableSchema FIXED_POINT_SCHEMA = withFirst(List.of(
            ColumnSpec.real("drive_hz", "external rate per synapse (Hz)")), List.of(
            ColumnSpec.real("max_real_eigenvalue_per_s", "largest real part of the Jacobian's eigenvalues (1/s)"),
            ColumnSpec.real("oscillation_hz", "frequency of the slowest mode (0: it does not oscillate) (Hz)"),
            ColumnSpec.integer("stable", "1 when every eigenvalue has a negative real part")));

    private MeanFieldTables() {
    }

    private static List<ColumnSpec> predictions() {
        List<ColumnSpec> c = new ArrayList<>();
        c.add(ColumnSpec.real("nu_e_hz", "excitatory rate (Hz)"));
        c.add(ColumnSpec.real("nu_i_hz", "inhibitory rate (Hz)"));
        c.add(ColumnSpec.real("sd_e_hz", "SD of the excitatory rate, sqrt(c_ee) (Hz)"));
        c.add(ColumnSpec.real("sd_i_hz", "SD of the inhibitory rate, sqrt(c_ii) (Hz)"));
        c.add(ColumnSpec.real("cov_ei_hz2", "covariance c_ei of the two rates (Hz^2)"));
        for (String p : POPULATIONS) {
            c.add(ColumnSpec.real("w_" + p + "_pa", "adaptation current of population " + p + " (pA)"));
        }
        for (String p : POPULATIONS) {
            c.add(ColumnSpec.real("p_" + p, "mean M-current gate of population " + p + " (0 unless slow_currents ="
                    + " state_variables makes it a state variable)"));
            c.add(ColumnSpec.real("im_" + p + "_pa", "mean M current gM p (muV - EK) of population " + p + ", outward"
                    + " positive (pA)"));
        }
        for (String p : POPULATIONS) {
            c.add(ColumnSpec.real("muv_" + p + "_mv", "mean membrane potential of population " + p + " (mV)"));
            c.add(ColumnSpec.real("sv_" + p + "_mv", "SD of the membrane potential of population " + p + " (mV)"));
            c.add(ColumnSpec.real("tauv_" + p + "_ms", "autocorrelation time of the potential of population " + p + " (ms)"));
            c.add(ColumnSpec.real("tvn_" + p, "tauV gL / Cm of population " + p));
            c.add(ColumnSpec.real("muge_" + p + "_ns", "mean excitatory conductance of population " + p + " (nS)"));
            c.add(ColumnSpec.real("sge_" + p + "_ns", "SD of the excitatory conductance of population " + p + " (nS)"));
            c.add(ColumnSpec.real("mugi_" + p + "_ns", "mean inhibitory conductance of population " + p + " (nS)"));
            c.add(ColumnSpec.real("sgi_" + p + "_ns", "SD of the inhibitory conductance of population " + p + " (nS)"));
        }
        return c;
    }

    @SafeVarargs
    private static TableSchema withFirst(List<ColumnSpec> first, List<ColumnSpec>... last) {
        List<ColumnSpec> all = new ArrayList<>(first);
        all.addAll(PREDICTIONS);
        for (List<ColumnSpec> l : last) {
            all.addAll(l);
        }
        return new TableSchema(all);
    }

    /** The prediction values of state y at {@code time}, in the columns' units, into {@code out} from {@code at}. */
    static void predictions(MeanFieldModel m, double[] y, double time, double[] out, int at) {
        int c = at;
        out[c++] = y[MeanFieldModel.NU_E];
        out[c++] = y[MeanFieldModel.NU_I];
        boolean second = m.order() == 2;
        out[c++] = second ? Math.sqrt(Math.max(0, y[MeanFieldModel.C_EE])) : 0.0;
        out[c++] = second ? Math.sqrt(Math.max(0, y[MeanFieldModel.C_II])) : 0.0;
        out[c++] = second ? y[MeanFieldModel.C_EI] : 0.0;
        for (int a = 0; a < 2; a++) {
            out[c++] = m.adaptation(y, a) * 1e12;
        }
        for (int a = 0; a < 2; a++) {
            out[c++] = m.gate(y, a);
            out[c++] = m.mCurrent(y, a, time) * 1e12;
        }
        for (int a = 0; a < 2; a++) {
            Fluctuations f = m.fluctuations(y, a, time);
            out[c++] = f.muV() * 1e3;
            out[c++] = f.sV() * 1e3;
            out[c++] = f.tauV() * 1e3;
            out[c++] = f.tvN();
            out[c++] = f.muGe() * 1e9;
            out[c++] = f.sGe() * 1e9;
            out[c++] = f.muGi() * 1e9;
            out[c++] = f.sGi() * 1e9;
        }
    }

    /**
     * The bytes one row of a time course takes while it is made: the integration's series (time and
     * {@code dimension} state variables) and every column of the table.
     */
    public static double seriesBytesPerRow(int dimension) {
        return 8.0 * (1 + dimension) + 8.0 * SERIES_SCHEMA.size();
    }

    /**
     * The bytes one fixed point of a sweep takes while it is made: the point (state and eigenvalues,
     * {@code dimension} each, with the arrays' and record's headers) and its row of the table.
     */
    public static double fixedPointBytes(int dimension) {
        return 3 * (16 + 8.0 * dimension) + 40 + 8.0 * FIXED_POINT_SCHEMA.size();
    }

    /**
     * The time course from the columns {@link MeanField#integrate} returns: time (s), then the state;
     * cancellable (millions of rows take seconds).
     */
    public static Table series(MeanFieldModel m, double[][] samples, Progress progress) {
        int rows = samples[0].length;
        double[][] columns = new double[SERIES_SCHEMA.size()][rows];
        double dtMs = rows > 1 ? (samples[0][1] - samples[0][0]) * 1e3 : 0;
        double[] y = new double[m.getDimension()];
        double[] row = new double[columns.length];
        for (int r = 0; r < rows; r++) {
            if (r % 10_000 == 0) {
                progress.checkCancelled();
            }
            double t = samples[0][r];
            for (int i = 0; i < y.length; i++) {
                y[i] = samples[1 + i][r];
            }
            row[0] = TimeGrid.ms(r, dtMs);
            row[1] = m.externalRate(t);
            predictions(m, y, t, row, 2);
            for (int c = 0; c < row.length; c++) {
                columns[c][r] = row[c];
            }
        }
        return Table.ofColumns(SERIES_SCHEMA, (Object[]) columns);
    }

    /** Fixed points, one row each, at time 0; {@code modelAt} gives the model each was found in, by its drive. */
    public static Table fixedPoints(DoubleFunction<MeanFieldModel> modelAt, List<FixedPoint> points) {
        int rows = points.size();
        int predictions = PREDICTIONS.size();
        double[][] real = new double[1 + predictions + 2][rows];
        int[] stable = new int[rows];
        double[] row = new double[real.length];
        for (int r = 0; r < rows; r++) {
            FixedPoint p = points.get(r);
            row[0] = p.externalRate();
            predictions(modelAt.apply(p.externalRate()), p.state(), 0, row, 1);
            row[1 + predictions] = p.largestRealPart();
            row[2 + predictions] = p.leadingFrequency();
            for (int c = 0; c < row.length; c++) {
                real[c][r] = row[c];
            }
            stable[r] = p.stable() ? 1 : 0;
        }
        Object[] columns = new Object[real.length + 1];
        System.arraycopy(real, 0, columns, 0, real.length);
        columns[real.length] = stable;
        return Table.ofColumns(FIXED_POINT_SCHEMA, columns);
    }
}
