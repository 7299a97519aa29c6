package org.neuromf.core.meanfield;

import java.util.ArrayList;
import java.util.List;

import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.Fluctuations;

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

    /** The prediction values of state y at time {@code time}, in the units of the columns. */
    static List<Object> predictions(MeanFieldModel m, double[] y, double time) {
        List<Object> v = new ArrayList<>();
        v.add(y[MeanFieldModel.NU_E]);
        v.add(y[MeanFieldModel.NU_I]);
        boolean second = m.order() == 2;
        v.add(second ? Math.sqrt(Math.max(0, y[MeanFieldModel.C_EE])) : 0.0);
        v.add(second ? Math.sqrt(Math.max(0, y[MeanFieldModel.C_II])) : 0.0);
        v.add(second ? y[MeanFieldModel.C_EI] : 0.0);
        for (int a = 0; a < 2; a++) {
            v.add(m.adaptation(y, a) * 1e12);
        }
        for (int a = 0; a < 2; a++) {
            Fluctuations f = m.fluctuations(y, a, time);
            v.add(f.muV() * 1e3);
            v.add(f.sV() * 1e3);
            v.add(f.tauV() * 1e3);
            v.add(f.tvN());
            v.add(f.muGe() * 1e9);
            v.add(f.sGe() * 1e9);
            v.add(f.muGi() * 1e9);
            v.add(f.sGi() * 1e9);
        }
        return v;
    }

    /** The time course: rows {t, state...} as returned by {@link MeanField#integrate}. */
    public static Table series(MeanFieldModel m, List<double[]> samples) {
        Table.Builder b = Table.builder(SERIES_SCHEMA);
        double[] y = new double[m.getDimension()];
        for (double[] row : samples) {
            System.arraycopy(row, 1, y, 0, y.length);
            List<Object> values = new ArrayList<>();
            values.add(row[0] * 1e3);
            values.add(m.externalRate(row[0]));
            values.addAll(predictions(m, y, row[0]));
            b.addRow(values.toArray());
        }
        return b.build();
    }

    /** Fixed points, one row each; {@code models} gives the model each was found in. */
    public static Table fixedPoints(List<MeanFieldModel> models, List<FixedPoint> points) {
        Table.Builder b = Table.builder(FIXED_POINT_SCHEMA);
        for (int i = 0; i < points.size(); i++) {
            FixedPoint p = points.get(i);
            List<Object> values = new ArrayList<>();
            values.add(p.externalRate());
            values.addAll(predictions(models.get(i), p.state(), 0));
            values.add(p.largestRealPart());
            values.add(p.leadingFrequency());
            values.add(p.stable() ? 1 : 0);
            b.addRow(values.toArray());
        }
        return b.build();
    }
}
