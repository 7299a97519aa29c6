package org.neuromf.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.table.ColumnSpec;
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
    private static final String[] MF = {"e", "i"};

    private final Table.Builder rows = Table.builder(SCHEMA);
    private final Table.Builder histogram = Table.builder(HISTOGRAM_SCHEMA);

    /** The comparison table and the histogram table. */
    public record Result(Table comparison, Table histogram) {
    }

    private Comparison() {
    }

    /**
     * @param rates the network's rates table (time_ms, rate_POP_hz for its two populations)
     * @param meanField the mean field's time course (time_ms, drive_hz, nu_e_hz, ...)
     * @param traces recorded neurons (time_ms, population, neuron, v_mv, g_POP_ns), or null
     * @param from the end of the transient left out at the start (ms)
     * @param bin width of the rate bins (ms)
     */
    public static Result compare(Table rates, Table meanField, Table traces, double from, double bin) {
        List<String> populations = populations(rates);
        double[] time = rates.doubleColumn("time_ms");
        double[] mfTime = meanField.doubleColumn("time_ms");
        double end = Math.min(time[time.length - 1], mfTime[mfTime.length - 1]);
        if (!(end - from >= 2 * bin)) {
            throw new ParameterException("transient_ms", "transient_ms = " + from + " leaves less than two bins of "
                    + bin + " ms before the end of the shorter run (" + end + " ms)");
        }
        Comparison c = new Comparison();
        double[] drive = binned(mfTime, meanField.doubleColumn("drive_hz"), from, end, bin);
        double driveMin = min(drive);
        double driveRange = max(drive) - driveMin;
        for (int a = 0; a < 2; a++) {
            String pop = populations.get(a);
            double[] net = binned(time, rates.doubleColumn("rate_" + pop + "_hz"), from, end, bin);
            double[] mf = binned(mfTime, meanField.doubleColumn("nu_" + MF[a] + "_hz"), from, end, bin);
            double mfSd = mean(binned(mfTime, meanField.doubleColumn("sd_" + MF[a] + "_hz"), from, end, bin));
            c.add(pop, "mean_rate", "Hz", mean(net), mean(mf));
            c.add(pop, "rate_sd_" + Math.round(bin * 1000) / 1000.0 + "ms_bins", "Hz", sd(net), mfSd);
            c.histogram(pop, net, mean(mf), mfSd);
            if (driveRange > 1e-9) {
                c.response(pop, net, mf, drive, driveMin, driveRange, from, bin);
            }
            if (traces != null) {
                c.traces(pop, a, populations, traces, meanField, from);
            }
        }
        return new Result(c.rows.build(), c.histogram.build());
    }

    /** The population rate of population {@code pop} averaged in bins of {@code bin} ms from {@code from} ms on. */
    public static double[] binnedRates(Table rates, String pop, double from, double bin) {
        double[] time = rates.doubleColumn("time_ms");
        return binned(time, rates.doubleColumn("rate_" + pop + "_hz"), from, time[time.length - 1], bin);
    }

    /** The two population names of a rates table, from its rate_POP_hz columns. */
    public static List<String> populations(Table rates) {
        List<String> pops = new ArrayList<>();
        for (String name : rates.schema().names()) {
            if (name.startsWith("rate_") && name.endsWith("_hz")) {
                pops.add(name.substring(5, name.length() - 3));
            }
        }
        if (pops.size() != 2) {
            throw new IllegalArgumentException("the rates table should have the rates of two populations (rate_exc_hz,"
                    + " rate_inh_hz); its columns are: " + String.join(", ", rates.schema().names()));
        }
        return pops;
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

    private static double baseline(double[] r, double[] drive, double driveMin, double driveRange) {
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

    private void traces(String pop, int a, List<String> populations, Table traces, Table meanField, double from) {
        double[] time = traces.doubleColumn("time_ms");
        int popColumn = traces.schema().require("population", "the traces table");
        int neuronColumn = traces.schema().require("neuron", "the traces table");
        double[] v = traces.doubleColumn("v_mv");
        double[] ge = traces.doubleColumn("g_" + populations.get(0) + "_ns");
        double[] gi = traces.doubleColumn("g_" + populations.get(1) + "_ns");
        Map<Integer, double[]> sums = new LinkedHashMap<>(); // per neuron: n, V, V^2, nV, ge, ge^2, gi, gi^2
        for (int r = 0; r < time.length; r++) {
            if (time[r] < from || !pop.equals(traces.getString(r, popColumn))) {
                continue;
            }
            double[] s = sums.computeIfAbsent(traces.getInt(r, neuronColumn), k -> new double[8]);
            if (v[r] < -40) {
                s[0]++;
                s[1] += v[r];
                s[2] += v[r] * v[r];
            }
            s[3]++;
            s[4] += ge[r];
            s[5] += ge[r] * ge[r];
            s[6] += gi[r];
            s[7] += gi[r] * gi[r];
        }
        if (sums.isEmpty()) {
            return;
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
        double[] mfTime = meanField.doubleColumn("time_ms");
        double end = mfTime[mfTime.length - 1];
        String[] columns = {"muv_" + p + "_mv", "sv_" + p + "_mv", "muge_" + p + "_ns", "sge_" + p + "_ns",
            "mugi_" + p + "_ns", "sgi_" + p + "_ns"};
        String[] names = {"muv", "sv", "muge", "sge", "mugi", "sgi"};
        String[] units = {"mV", "mV", "nS", "nS", "nS", "nS"};
        for (int k = 0; k < 6; k++) {
            double predicted = mean(binned(mfTime, meanField.doubleColumn(columns[k]), from, end, end - from));
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

    private static int argmax(double[] x) {
        int best = 0;
        for (int k = 1; k < x.length; k++) {
            if (x[k] > x[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
