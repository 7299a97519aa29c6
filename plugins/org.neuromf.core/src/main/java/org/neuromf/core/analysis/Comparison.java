package org.neuromf.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.Range;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.InputTable;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * A spiking network measured against its mean field, population by population (the network's
 * first population against the mean field's e, the second against i), after a transient:
 * <ul>
 * <li>the time-averaged rate, and the SD of the population rate in bins of {@code bin} (the mean
 * field's SD is that of rates counted over its time constant, so the bin should be T);</li>
 * <li>the distribution of those binned rates against the Gaussian the mean field predicts;</li>
 * <li>when the drive varies (a stimulus): the RMS difference and the correlation of the two
 * responses in the same bins, and the peak of each (rise above the rate where the stimulus is
 * below 1 % of its maximum, and its time; the network's peak is located on a 5-bin moving
 * average);</li>
 * <li>with traces of recorded neurons: the mean and SD of each neuron's subthreshold potential
 * (V < -40 mV) and of its conductances, averaged over neurons, against muV, sV, muG and sG.</li>
 * </ul>
 * In the table, quantities whose mean-field value is an ideal rather than a prediction
 * (response_rms_error: 0, response_correlation: 1) carry that ideal.
 */
public final class Comparison {

    public static final TableSchema SCHEMA = TableSchema.of(
            ColumnSpec.text("population", "population of the network"),
            ColumnSpec.text("quantity", "what is compared"),
            ColumnSpec.text("unit", "unit of the values"),
            ColumnSpec.real("network", "value measured in the spiking network"),
            ColumnSpec.real("mean_field", "value predicted by the mean field"),
            ColumnSpec.real("difference", "network - mean_field"),
            ColumnSpec.real("relative_difference", "difference / |mean_field| (empty where mean_field is 0)"));

    public static final TableSchema HISTOGRAM_SCHEMA = TableSchema.of(
            ColumnSpec.text("population", "population of the network"),
            ColumnSpec.real("rate_hz", "centre of the bin of the population rate (Hz)"),
            ColumnSpec.real("network_density_per_hz", "fraction of the network's binned rates in the bin, per Hz"),
            ColumnSpec.real("mean_field_density_per_hz", "Gaussian density of the mean field's mean and SD (1/Hz)"));

    private static final int HISTOGRAM_BINS = 30;
    /** Relative tolerance on time steps, and absolute on times (ms): tables hold times rounded to 1e-9 ms (TimeGrid). */
    private static final double TOLERANCE = 1e-6;
    private static final String[] MF = {"e", "i"};

    private final Table.Builder rows = Table.builder(SCHEMA);
    private final Table.Builder histogram = Table.builder(HISTOGRAM_SCHEMA);

    /** The comparison table and the histogram table. */
    public record Result(Table comparison, Table histogram) {
    }

    private Comparison() {
    }

    /**
     * Every input is checked row by row before anything is computed: times finite and increasing,
     * rates, SDs and conductances finite and non-negative, potentials finite. The rates must be on a
     * regular time grid (the bins of Network Simulation) and {@code bin} a whole multiple of its step,
     * so that every bin averages the same number of rates; it must also be at least the largest step
     * of the mean field, so that every bin holds a mean-field sample. Both tables must start by
     * {@code from}.
     *
     * @param rates the network's rates table (time_ms, rate_POP_hz for its two populations)
     * @param meanField the mean field's time course (time_ms, drive_hz, nu_e_hz, ...)
     * @param traces recorded neurons (time_ms, population, neuron, v_mv, g_POP_ns), or null
     * @param from the end of the transient left out at the start (ms)
     * @param bin width of the rate bins (ms)
     */
    public static Result compare(Table rates, Table meanField, Table traces, double from, double bin) {
        List<String> populations = checkSchemas(rates.schema(), rates.sourceOr("the rates table"), meanField.schema(),
                meanField.sourceOr("the mean-field table"), traces == null ? null : traces.schema(),
                traces == null ? null : traces.sourceOr("the traces table"));
        InputTable r = InputTable.of(rates, "the rates table").requireRows(2, ": times a step apart");
        double[] time = r.times("time_ms");
        double[][] net = new double[2][];
        for (int a = 0; a < 2; a++) {
            net[a] = r.numbers("rate_" + populations.get(a) + "_hz", InputTable.NON_NEGATIVE);
        }
        InputTable m = InputTable.of(meanField, "the mean-field table").requireRows(2, ": times a step apart");
        double[] mfTime = m.times("time_ms");
        double[] mfDrive = m.numbers("drive_hz", InputTable.NON_NEGATIVE);
        double[][] nu = new double[2][];
        double[][] sd = new double[2][];
        for (int a = 0; a < 2; a++) {
            nu[a] = m.numbers("nu_" + MF[a] + "_hz", InputTable.NON_NEGATIVE);
            sd[a] = m.numbers("sd_" + MF[a] + "_hz", InputTable.NON_NEGATIVE);
        }
        checkBin(r, time, mfTime, bin);
        double end = Math.min(time[time.length - 1], mfTime[mfTime.length - 1]);
        if (!(end - from >= 2 * bin)) {
            throw new ParameterException("transient_ms", "transient_ms = " + Range.format(from) + " leaves less than two"
                    + " bins of " + Range.format(bin) + " ms before the end of the shorter run (" + Range.format(end)
                    + " ms)");
        }
        startsBy(r, time, from);
        startsBy(m, mfTime, from);
        Traces recorded = traces == null ? null : Traces.of(traces, populations, m, from);
        Comparison c = new Comparison();
        double[] drive = binned(mfTime, mfDrive, from, end, bin);
        double driveMin = min(drive);
        double driveRange = max(drive) - driveMin;
        for (int a = 0; a < 2; a++) {
            String pop = populations.get(a);
            double[] netBinned = binned(time, net[a], from, end, bin);
            double[] mf = binned(mfTime, nu[a], from, end, bin);
            double mfSd = mean(binned(mfTime, sd[a], from, end, bin));
            c.add(pop, "mean_rate", "Hz", mean(netBinned), mean(mf));
            // a first-order mean field has no variances (its SD is 0 throughout): it predicts no SD, so none is compared
            c.add(pop, "rate_sd_" + Math.round(bin * 1000) / 1000.0 + "ms_bins", "Hz", sd(netBinned),
                    mfSd > 0 ? mfSd : Double.NaN);
            c.histogram(pop, netBinned, mean(mf), mfSd);
            if (driveRange > 1e-9) {
                c.response(pop, netBinned, mf, drive, driveMin, driveRange, from, bin);
            }
            if (recorded != null) {
                c.traces(pop, a, recorded, mfTime, from);
            }
        }
        return new Result(c.rows.build(), c.histogram.build());
    }

    private static void startsBy(InputTable table, double[] time, double from) {
        if (time[0] > from + TOLERANCE) {
            throw new ParameterException("transient_ms", table.name() + " starts at " + Range.format(time[0]) + " ms,"
                    + " after transient_ms = " + Range.format(from) + " ms, so the first bins would be empty: give a"
                    + " transient_ms of at least " + Range.format(time[0]) + " ms");
        }
    }

    /**
     * Refuses rates off a regular grid, a bin that is not a whole multiple of the rates' step, and a
     * bin shorter than the mean field's largest step.
     */
    private static void checkBin(InputTable rates, double[] time, double[] mfTime, double bin) {
        double step = (time[time.length - 1] - time[0]) / (time.length - 1);
        for (int k = 1; k < time.length; k++) {
            double gap = time[k] - time[k - 1];
            if (Math.abs(gap - step) > TOLERANCE * step) {
                throw new ParameterException("time_ms", rates.row(k) + ", column time_ms: " + ms(time[k])
                        + " ms is " + ms(gap) + " ms after the row before, but the rates' average step is "
                        + ms(step) + " ms: the rates must be on a regular time grid (the bins of Network"
                        + " Simulation)");
            }
        }
        double multiple = bin / step;
        if (multiple < 1 - TOLERANCE) {
            throw new ParameterException("bin_ms", "bin_ms = " + Range.format(bin) + " is finer than the rates' time step"
                    + " of " + ms(step) + " ms, so some bins would hold no rate: use a whole multiple of "
                    + ms(step) + " ms");
        }
        if (Math.abs(multiple - Math.rint(multiple)) > TOLERANCE * multiple) {
            throw new ParameterException("bin_ms", "bin_ms = " + Range.format(bin) + " is not a whole multiple of the"
                    + " rates' time step of " + ms(step) + " ms, so its bins would average unequal numbers of"
                    + " rates: use " + ms(Math.floor(multiple) * step) + " or "
                    + ms(Math.ceil(multiple) * step) + " ms");
        }
        double mfStep = 0;
        for (int k = 1; k < mfTime.length; k++) {
            mfStep = Math.max(mfStep, mfTime[k] - mfTime[k - 1]);
        }
        if (bin < mfStep * (1 - TOLERANCE)) {
            throw new ParameterException("bin_ms", "bin_ms = " + Range.format(bin) + " is finer than the mean field's"
                    + " time step of " + ms(mfStep) + " ms, so some bins could hold no mean-field sample: use a"
                    + " bin of at least " + ms(mfStep) + " ms, or a smaller dt_ms in the Mean-Field Model");
        }
    }

    /** A time or step for messages, rounded to 1e-9 ms as tables hold them (0.3, not 0.30000000000000004). */
    private static String ms(double t) {
        return Range.format(Math.round(t * 1e9) / 1e9);
    }

    /** The population rate of population {@code pop} averaged in bins of {@code bin} ms from {@code from} ms on. */
    public static double[] binnedRates(Table rates, String pop, double from, double bin) {
        double[] time = rates.doubleColumn("time_ms");
        return binned(time, rates.doubleColumn("rate_" + pop + "_hz"), from, time[time.length - 1], bin);
    }

    /**
     * Column {@code column} of a time course (time_ms, e.g. a mean-field series) averaged in bins
     * of {@code bin} ms from {@code from} to {@code to} ms, the bins of {@link #binnedRates}.
     */
    public static double[] binned(Table series, String column, double from, double to, double bin) {
        return binned(series.doubleColumn("time_ms"), series.doubleColumn(column), from, to, bin);
    }

    /** The two population names of a rates table, from its rate_POP_hz columns. */
    public static List<String> populations(Table rates) {
        return populations(rates.schema());
    }

    /** The two population names of a rates table's schema, from its rate_POP_hz columns. */
    public static List<String> populations(TableSchema rates) {
        return populations(rates, "the rates table");
    }

    private static List<String> populations(TableSchema rates, String name) {
        List<String> pops = new ArrayList<>();
        for (String column : rates.names()) {
            if (column.startsWith("rate_") && column.endsWith("_hz")) {
                pops.add(column.substring(5, column.length() - 3));
            }
        }
        if (pops.size() != 2) {
            throw new IllegalArgumentException(name + " should have the rates of two populations (rate_exc_hz,"
                    + " rate_inh_hz); its columns are: " + String.join(", ", rates.names()));
        }
        return pops;
    }

    /**
     * Checks that the tables have the columns a comparison reads (traces may be null) and gives the
     * rates' two populations.
     */
    public static List<String> checkSchemas(TableSchema rates, TableSchema meanField, TableSchema traces) {
        return checkSchemas(rates, "the rates table", meanField, "the mean-field table", traces, "the traces table");
    }

    /** As {@link #checkSchemas(TableSchema, TableSchema, TableSchema)}, with the tables' names for messages. */
    private static List<String> checkSchemas(TableSchema rates, String ratesName, TableSchema meanField, String mfName,
            TableSchema traces, String tracesName) {
        List<String> populations = populations(rates, ratesName);
        rates.require("time_ms", ratesName);
        for (String c : List.of("time_ms", "drive_hz", "nu_e_hz", "nu_i_hz", "sd_e_hz", "sd_i_hz")) {
            meanField.require(c, mfName);
        }
        if (traces != null) {
            for (String c : List.of("time_ms", "population", "neuron", "v_mv", "g_" + populations.get(0) + "_ns",
                    "g_" + populations.get(1) + "_ns")) {
                traces.require(c, tracesName);
            }
            for (String p : MF) {
                for (String c : predictionColumns(p)) {
                    meanField.require(c, mfName);
                }
            }
        }
        return populations;
    }

    /** The mean field's columns that traces are compared with, for population p (e, i): muV, sV, muGe, sGe, muGi, sGi. */
    private static List<String> predictionColumns(String p) {
        return List.of("muv_" + p + "_mv", "sv_" + p + "_mv", "muge_" + p + "_ns", "sge_" + p + "_ns", "mugi_" + p + "_ns",
                "sgi_" + p + "_ns");
    }

    /** The checked traces of recorded neurons, with the mean field's predictions for them. */
    private record Traces(double[] time, String[] population, int[] neuron, double[] v, double[] ge, double[] gi,
            Map<String, double[]> predicted) {

        static Traces of(Table table, List<String> populations, InputTable meanField, double from) {
            InputTable in = InputTable.of(table, "the traces table").requireRows(1, "");
            double[] time = in.numbers("time_ms", InputTable.FINITE);
            String[] population = new String[time.length];
            int[] neuron = new int[time.length];
            boolean[] found = new boolean[2];
            for (int r = 0; r < time.length; r++) {
                population[r] = in.text(r, "population");
                neuron[r] = in.whole(r, "neuron", 0, Integer.MAX_VALUE);
                int a = populations.indexOf(population[r]);
                if (a >= 0 && time[r] >= from) {
                    found[a] = true;
                }
            }
            for (int a = 0; a < 2; a++) {
                if (!found[a]) {
                    throw new IllegalArgumentException(in.name() + " has no rows of population " + populations.get(a)
                            + " at or after transient_ms = " + Range.format(from) + " ms: record that population"
                            + " (n_rec) over the compared time, or leave the traces out");
                }
            }
            Map<String, double[]> predicted = new LinkedHashMap<>();
            for (String p : MF) {
                for (String c : predictionColumns(p)) {
                    // muV is a potential, of either sign; the others are SDs and conductances
                    predicted.put(c, meanField.numbers(c, c.startsWith("muv_") ? InputTable.FINITE : InputTable.NON_NEGATIVE));
                }
            }
            return new Traces(time, population, neuron, in.numbers("v_mv", InputTable.FINITE),
                    in.numbers("g_" + populations.get(0) + "_ns", InputTable.NON_NEGATIVE),
                    in.numbers("g_" + populations.get(1) + "_ns", InputTable.NON_NEGATIVE), predicted);
        }
    }

    private void add(String pop, String quantity, String unit, double network, double meanField) {
        double difference = network - meanField;
        rows.addRow(pop, quantity, unit, network, meanField, difference,
                meanField == 0 ? Double.NaN : difference / Math.abs(meanField));
    }

    private void histogram(String pop, double[] net, double mean, double sd) {
        double lo = Math.min(min(net), mean - 3 * sd);
        double hi = Math.max(max(net), mean + 3 * sd);
        double width = (hi - lo) / HISTOGRAM_BINS;
        if (!(width > 0)) {
            width = 1e-3;
        }
        double[] counts = new double[HISTOGRAM_BINS];
        for (double r : net) {
            counts[Math.min(HISTOGRAM_BINS - 1, (int) ((r - lo) / width))]++;
        }
        for (int k = 0; k < HISTOGRAM_BINS; k++) {
            double centre = lo + (k + 0.5) * width;
            double gauss = sd > 0 ? Math.exp(-0.5 * Math.pow((centre - mean) / sd, 2)) / (sd * Math.sqrt(2 * Math.PI))
                    : Double.NaN;
            histogram.addRow(pop, centre, counts[k] / (net.length * width), gauss);
        }
    }

    private void response(String pop, double[] net, double[] mf, double[] drive, double driveMin, double driveRange,
            double from, double bin) {
        double squares = 0;
        for (int k = 0; k < net.length; k++) {
            squares += (net[k] - mf[k]) * (net[k] - mf[k]);
        }
        add(pop, "response_rms_error", "Hz", Math.sqrt(squares / net.length), 0);
        add(pop, "response_correlation", "", correlation(net, mf), 1);
        double[] smooth = movingAverage(net, 5);
        int netPeak = argmax(smooth);
        int mfPeak = argmax(mf);
        add(pop, "peak_increase", "Hz", smooth[netPeak] - baseline(smooth, drive, driveMin, driveRange),
                mf[mfPeak] - baseline(mf, drive, driveMin, driveRange));
        add(pop, "peak_time", "ms", from + (netPeak + 0.5) * bin, from + (mfPeak + 0.5) * bin);
    }

    /** The mean of r over the bins where the drive is within 1 % of its range above its minimum; NaN if none. */
    static double baseline(double[] r, double[] drive, double driveMin, double driveRange) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < r.length; k++) {
            if (drive[k] - driveMin < 0.01 * driveRange) {
                sum += r[k];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private void traces(String pop, int a, Traces t, double[] mfTime, double from) {
        Map<Integer, double[]> sums = new LinkedHashMap<>(); // per neuron: n, V, V^2, nV, ge, ge^2, gi, gi^2
        for (int r = 0; r < t.time.length; r++) {
            if (t.time[r] < from || !pop.equals(t.population[r])) {
                continue;
            }
            double[] s = sums.computeIfAbsent(t.neuron[r], k -> new double[8]);
            double v = t.v[r];
            if (v < -40) {
                s[0]++;
                s[1] += v;
                s[2] += v * v;
            }
            s[3]++;
            s[4] += t.ge[r];
            s[5] += t.ge[r] * t.ge[r];
            s[6] += t.gi[r];
            s[7] += t.gi[r] * t.gi[r];
        }
        double[] means = new double[6];
        for (double[] s : sums.values()) {
            means[0] += s[1] / s[0];
            means[1] += Math.sqrt(Math.max(0, s[2] / s[0] - Math.pow(s[1] / s[0], 2)));
            means[2] += s[4] / s[3];
            means[3] += Math.sqrt(Math.max(0, s[5] / s[3] - Math.pow(s[4] / s[3], 2)));
            means[4] += s[6] / s[3];
            means[5] += Math.sqrt(Math.max(0, s[7] / s[3] - Math.pow(s[6] / s[3], 2)));
        }
        String p = MF[a];
        double end = mfTime[mfTime.length - 1];
        List<String> columns = predictionColumns(p);
        String[] names = {"muv", "sv", "muge", "sge", "mugi", "sgi"};
        String[] units = {"mV", "mV", "nS", "nS", "nS", "nS"};
        for (int k = 0; k < 6; k++) {
            double predicted = mean(binned(mfTime, t.predicted.get(columns.get(k)), from, end, end - from));
            add(pop, names[k], units[k], means[k] / sums.size(), predicted);
        }
    }

    /** Means of {@code values} over consecutive bins of width {@code bin} from {@code from} to {@code to}. */
    static double[] binned(double[] time, double[] values, double from, double to, double bin) {
        int bins = (int) Math.floor((to - from) / bin + 1e-9);
        double[] sum = new double[bins];
        int[] n = new int[bins];
        for (int i = 0; i < time.length; i++) {
            int k = (int) Math.floor((time[i] - from) / bin + 1e-9);
            if (k >= 0 && k < bins) {
                sum[k] += values[i];
                n[k]++;
            }
        }
        for (int k = 0; k < bins; k++) {
            sum[k] = n[k] == 0 ? Double.NaN : sum[k] / n[k];
        }
        return sum;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }

    static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (int k = 0; k < x.length; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static double[] movingAverage(double[] x, int width) {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            int lo = Math.max(0, k - width / 2);
            int hi = Math.min(x.length, lo + width);
            double s = 0;
            for (int j = lo; j < hi; j++) {
                s += x[j];
            }
            out[k] = s / (hi - lo);
        }
        return out;
    }

    static int argmax(double[] x) {
        int best = 0;
        for (int k = 1; k < x.length; k++) {
            if (x[k] > x[best]) {
                best = k;
            }
        }
        return best;
    }

    static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
