package org.neuromf.core.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.Range;
import org.neuromf.core.param.Unit;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.InputTable;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * The eleven coefficients P0..P10 (V) of the effective-threshold polynomial of a cell's transfer
 * function (MODEL.md 4b), whether the P4 ln(muG/gL) term is used, and how well they fit their data
 * (NaN when they were typed in or come from a publication); for an HH cell scanned here, also how
 * its M gate moves ({@link MCurrentGate}, null when not measured).
 *
 * <p>As a table (the Transfer Function Fit output, the Mean-Field Model input) it is one row per
 * cell with columns {@code cell, p0_v ... p10_v, p4_term, fit_rms_error_hz, fit_samples,
 * gate_spike_drive, gate_spike_rate}, so a published fit can be typed into a stock table node or read
 * from CSV (the last two may be left out or empty).
 */
public record TransferCoefficients(String cell, double[] p, boolean p4Term, double fitRmsError, int fitSamples,
        MCurrentGate gate) {

    public static final int COUNT = 11;
    /** The values a coefficient may have (V); one typed in mV instead (-48 for -0.048) falls outside. */
    public static final Range RANGE = Range.closed(-10, 10);
    public static final ColumnSpec CELL = ColumnSpec.text("cell", "the cell these coefficients describe");
    public static final ColumnSpec P4_TERM = ColumnSpec.integer("p4_term",
            "1 when the P4 ln(muG/gL) term is part of the threshold, 0 when it is left out");
    public static final ColumnSpec FIT_ERROR = ColumnSpec.real("fit_rms_error_hz",
            "root-mean-square difference between the fitted and the measured rates (empty when not fitted here)");
    public static final ColumnSpec FIT_SAMPLES = ColumnSpec.integer("fit_samples",
            "number of measured points the fit used (0 when not fitted here)");
    public static final ColumnSpec GATE_SPIKE_DRIVE = ColumnSpec.real("gate_spike_drive", "HH cells: the integral of"
            + " p_inf/tau_p of the M gate that a spike adds beyond the subthreshold Gaussian's (empty: not measured)");
    public static final ColumnSpec GATE_SPIKE_RATE = ColumnSpec.real("gate_spike_rate", "HH cells: the integral of"
            + " 1/tau_p of the M gate that a spike adds beyond the subthreshold Gaussian's (empty: not measured)");
    public static final TableSchema SCHEMA = schema();

    /**
     * The published fits of Carlu et al. 2020 for CONFIG1 (made with the P4 term switched off), as
     * given in {@code reference/hh_config1.json}.
     */
    private static final Map<String, TransferCoefficients> PRESETS = presets();

    public TransferCoefficients {
        if (p == null || p.length != COUNT) {
            throw new ParameterException("p0_v", "a transfer function needs " + COUNT + " coefficients P0..P10, not "
                    + (p == null ? 0 : p.length));
        }
        for (int k = 0; k < COUNT; k++) {
            if (!RANGE.contains(p[k])) {
                throw ParameterException.outOfRange(column(k), Range.format(p[k]), RANGE.withUnit(Unit.VOLT), "cell " + cell);
            }
        }
        p = p.clone();
    }

    /** Coefficients typed in or loaded, not fitted here. */
    public static TransferCoefficients of(String cell, double[] p, boolean p4Term) {
        return new TransferCoefficients(cell, p, p4Term, Double.NaN, 0, null);
    }

    /** These coefficients with the M gate's kinetics measured alongside them. */
    public TransferCoefficients withGate(MCurrentGate kinetics) {
        return new TransferCoefficients(cell, p, p4Term, fitRmsError, fitSamples, kinetics);
    }

    @Override
    public double[] p() {
        return p.clone();
    }

    public double p(int k) {
        return p[k];
    }

    /** The published coefficients for a cell; the message lists the cells that have them. */
    public static TransferCoefficients preset(String cell) {
        TransferCoefficients c = PRESETS.get(cell);
        if (c == null) {
            throw new ParameterException("coefficients", "no published transfer function for cell '" + cell
                    + "'; published fits exist for " + String.join(", ", PRESETS.keySet())
                    + ". Scan and fit one (Transfer Function Scan, Transfer Function Fit) or load a coefficient table");
        }
        return c;
    }

    public static boolean hasPreset(String cell) {
        return PRESETS.containsKey(cell);
    }

    public static List<String> presetNames() {
        return List.copyOf(PRESETS.keySet());
    }

    /**
     * The effective threshold (V) for these fluctuations: the sum of P_k times the terms of
     * {@link #basis}, written out because it runs in the mean field's inner loop.
     */
    public double threshold(Fluctuations f) {
        double x = (f.muV() + 60e-3) / 10e-3;
        double y = (f.sV() - 4e-3) / 6e-3;
        double z = f.tvN() - 0.5;
        double log = p4Term ? p[4] * Math.log(f.muGn()) : 0;
        return p[0] + p[1] * x + p[2] * y + p[3] * z + log + p[5] * x * x + p[6] * y * y + p[7] * z * z + p[8] * x * y
                + p[9] * x * z + p[10] * y * z;
    }

    /**
     * The terms multiplying P0..P10: 1, x, y, z, ln(muG/gL) (0 without the P4 term), x^2, y^2, z^2,
     * xy, xz, yz, with x = (muV + 60 mV)/10 mV, y = (sV - 4 mV)/6 mV, z = (TvN - 0.5)/1.
     */
    public static void basis(Fluctuations f, boolean p4Term, double[] out) {
        double x = (f.muV() + 60e-3) / 10e-3;
        double y = (f.sV() - 4e-3) / 6e-3;
        double z = f.tvN() - 0.5;
        out[0] = 1;
        out[1] = x;
        out[2] = y;
        out[3] = z;
        out[4] = p4Term ? Math.log(f.muGn()) : 0;
        out[5] = x * x;
        out[6] = y * y;
        out[7] = z * z;
        out[8] = x * y;
        out[9] = x * z;
        out[10] = y * z;
    }

    public static String column(int k) {
        return "p" + k + "_v";
    }

    public Table toTable() {
        return toTable(List.of(this));
    }

    public static Table toTable(List<TransferCoefficients> rows) {
        Table.Builder b = Table.builder(SCHEMA);
        for (TransferCoefficients c : rows) {
            List<Object> row = new ArrayList<>();
            row.add(c.cell);
            for (double x : c.p) {
                row.add(x);
            }
            row.add(c.p4Term ? 1 : 0);
            row.add(c.fitRmsError);
            row.add(c.fitSamples);
            row.add(c.gate == null ? Double.NaN : c.gate.spikeDrive());
            row.add(c.gate == null ? Double.NaN : c.gate.spikeRate());
            b.addRow(row.toArray());
        }
        return b.build();
    }

    /**
     * The coefficients of a table for one cell, which must have exactly one row: a table of several
     * is refused, so that no row is chosen in silence.
     */
    public static TransferCoefficients single(Table table, String what) {
        if (table.rowCount() != 1) {
            throw new IllegalArgumentException(InputTable.of(table, what).name() + " has "
                    + (table.rowCount() == 0 ? "no" : table.rowCount())
                    + " rows; a coefficient table for one cell has one row: filter it to the row of that cell");
        }
        return fromTable(table, 0, what);
    }

    /**
     * Row {@code row} of a coefficient table, checked: p0_v .. p10_v numbers in {@link #RANGE},
     * p4_term 0 or 1 (no column: 0), fit_rms_error_hz empty or at least 0, fit_samples a count (empty
     * or no column: 0). {@code what} names the table when it did not come from a file.
     */
    public static TransferCoefficients fromTable(Table table, int row, String what) {
        InputTable in = InputTable.of(table, what);
        if (row >= table.rowCount()) {
            throw new IllegalArgumentException(in.name() + " has " + table.rowCount() + " rows; it needs one row of"
                    + " coefficients (columns " + String.join(", ", SCHEMA.names()) + ")");
        }
        double[] p = new double[COUNT];
        for (int k = 0; k < COUNT; k++) {
            p[k] = in.number(row, column(k), RANGE);
        }
        String cell = in.has(CELL.name()) ? table.getString(row, in.column(CELL.name())) : null;
        boolean p4Term = in.has(P4_TERM.name()) && in.whole(row, P4_TERM.name(), 0, 1) == 1;
        double error = in.has(FIT_ERROR.name()) ? in.optionalNumber(row, FIT_ERROR.name(), InputTable.NON_NEGATIVE)
                : Double.NaN;
        int samples = 0;
        if (in.has(FIT_SAMPLES.name())
                && !Double.isNaN(in.optionalNumber(row, FIT_SAMPLES.name(), InputTable.NON_NEGATIVE))) {
            samples = in.whole(row, FIT_SAMPLES.name(), 0, Integer.MAX_VALUE);
        }
        MCurrentGate gate = null;
        if (in.has(GATE_SPIKE_DRIVE.name()) && in.has(GATE_SPIKE_RATE.name())) {
            double drive = in.optionalNumber(row, GATE_SPIKE_DRIVE.name(), InputTable.FINITE);
            double rate = in.optionalNumber(row, GATE_SPIKE_RATE.name(), InputTable.FINITE);
            gate = Double.isNaN(drive) || Double.isNaN(rate) ? null : new MCurrentGate(drive, rate);
        }
        return new TransferCoefficients(cell == null ? "cell" : cell, p, p4Term, error, samples, gate);
    }

    private static TableSchema schema() {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(CELL);
        for (int k = 0; k < COUNT; k++) {
            columns.add(ColumnSpec.real(column(k), "coefficient P" + k + " of the effective threshold (V)"));
        }
        columns.add(P4_TERM);
        columns.add(FIT_ERROR);
        columns.add(FIT_SAMPLES);
        columns.add(GATE_SPIKE_DRIVE);
        columns.add(GATE_SPIKE_RATE);
        return new TableSchema(columns);
    }

    private static Map<String, TransferCoefficients> presets() {
        Map<String, TransferCoefficients> m = new LinkedHashMap<>();
        m.put("HH_RS", of("HH_RS", new double[] {-0.04806749060124378, 0.003197999964940932, 0.01093190510433658,
                -0.0003232356875324839, 0.005798930172352594, 0.0009773520605831335, 0.0010890578402720365,
                -1.1945168989832035e-06, -0.0013679007220597748, 0.0038755844524793106, -0.00010554248968467408}, false));
        m.put("HH_FS", of("HH_FS", new double[] {-0.051152637972705514, 0.0017519080428420502, -0.006082750406551209,
                -0.0008649059345809573, -0.0015604220080664547, 0.0013817148998829004, -0.0007029269946245943,
                -0.011300911025476923, -0.00018365899371757178, 0.001224453827113251, -0.0011917654813679932}, false));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferCoefficients c && cell.equals(c.cell) && Arrays.equals(p, c.p) && p4Term == c.p4Term
                && Double.compare(fitRmsError, c.fitRmsError) == 0 && fitSamples == c.fitSamples
                && java.util.Objects.equals(gate, c.gate);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(p) * 31 + cell.hashCode();
    }

    @Override
    public String toString() {
        return "TransferCoefficients " + cell + " " + Arrays.toString(p) + (p4Term ? " with" : " without") + " P4 term";
    }
}
