package org.neuromf.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationRegistry;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

/**
 * How closely HH_RS--HH_FS--CONFIG1 (10 000 neurons, 2 s, Poisson drive 4 Hz) follows the
 * second-order mean field with the published transfer functions, over seeds 1-3: regression guards
 * on what was measured, with bounds from the spread over seeds 1-5 (values below).
 */
@Tag("slow")
class NetworkVersusMeanFieldTest {

    private static final OperationRegistry OPS = OperationRegistry.standard();
    private static final int SEEDS = 3;
    /** Per condition ("spontaneous", "waveform"): population.quantity -> network value per seed. */
    private static final Map<String, Map<String, double[]>> NETWORK = new HashMap<>();
    private static final Map<String, Map<String, Double>> MEAN_FIELD = new HashMap<>();

    @BeforeAll
    static void simulate() {
        Table network = NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"));
        Operation stim = OPS.get("stimulus-waveform");
        Table waveform = stim.run(List.of(), stim.defaults().with(Map.of("tstop_ms", 2000.0)), Progress.NONE).table(0);
        Operation mf = OPS.get("mean-field");
        Operation sim = OPS.get("network-simulation");
        Operation compare = OPS.get("compare");
        for (String condition : List.of("spontaneous", "waveform")) {
            Table stimulus = condition.equals("waveform") ? waveform : null;
            Table field = mf.run(Arrays.asList(network, null, null, stimulus), mf.defaults(), Progress.NONE).table(0);
            Map<String, double[]> values = new HashMap<>();
            Map<String, Double> predicted = new HashMap<>();
            for (int seed = 1; seed <= SEEDS; seed++) {
                Table rates = sim.run(Arrays.asList(network, stimulus), sim.defaults().with(Map.of("tstop_ms", 2000.0,
                        "seed", seed, "record_spikes", false)), Progress.NONE).table(0);
                Table c = compare.run(Arrays.asList(rates, field, null), compare.defaults(), Progress.NONE).table(0);
                for (int r = 0; r < c.rowCount(); r++) {
                    String key = c.getString(r, "population") + "." + c.getString(r, "quantity");
                    values.computeIfAbsent(key, k -> new double[SEEDS])[seed - 1] = c.getDouble(r, "network");
                    predicted.put(key, c.getDouble(r, "mean_field"));
                }
            }
            NETWORK.put(condition, values);
            MEAN_FIELD.put(condition, predicted);
        }
    }

    private static double network(String condition, String key) {
        return Arrays.stream(NETWORK.get(condition).get(key)).average().orElseThrow();
    }

    private static double meanField(String condition, String key) {
        return MEAN_FIELD.get(condition).get(key);
    }

    /**
     * Seeds 1-5 with step synaptic timing: nu_e 1.19 +- 0.045 Hz against 1.231, nu_i 7.67 +- 0.04
     * against 7.731; bounds about four standard errors of a 3-seed mean around the measured
     * difference. With exact timing (the default), which takes the 1 % bias of step timing off the
     * conductances, seeds 1-3 give 1.175 +- 0.041 and 7.610 +- 0.049 Hz.
     */
    @Test
    void spontaneousRatesAreTheMeanFields() {
        assertEquals(meanField("spontaneous", "exc.mean_rate"), network("spontaneous", "exc.mean_rate"), 0.1);
        assertEquals(meanField("spontaneous", "inh.mean_rate"), network("spontaneous", "inh.mean_rate"), 0.15);
    }

    /**
     * The network's rate fluctuates more in 5 ms bins than the mean field's finite-size variance
     * says: 1.6 times (exc) and 3.0 times (inh) over seeds 1-5, SD 0.1 and 0.15. The second-order
     * closure keeps the covariance of rates but not the network's own correlated fluctuations.
     */
    @Test
    void networkFluctuatesMoreThanTheSecondOrderSays() {
        double exc = network("spontaneous", "exc.rate_sd_5.0ms_bins") / meanField("spontaneous", "exc.rate_sd_5.0ms_bins");
        double inh = network("spontaneous", "inh.rate_sd_5.0ms_bins") / meanField("spontaneous", "inh.rate_sd_5.0ms_bins");
        assertTrue(exc > 1.2 && exc < 2.1, "exc SD ratio " + exc);
        assertTrue(inh > 2.4 && inh < 3.6, "inh SD ratio " + inh);
    }

    /**
     * The double-Gaussian stimulus: over seeds 1-5 the responses correlate at 0.70 +- 0.03 (exc)
     * and 0.735 +- 0.007 (inh); the network's excitatory rate rises 2.2 +- 0.2 times as high as the
     * mean field's, its inhibitory one 1.4 +- 0.1 times as high: the M-current of HH_RS, slow and not
     * in a stationary transfer function, lets the network overshoot and then adapt. The time of the
     * excitatory peak is bimodal over seeds: within 15 ms of the mean field's, or 75-130 ms before it
     * (the overshoot on the rising flank wins). Seeds 1-6 gave shifts of +10, -110, -75, -75, +15, -90 ms
     * with {@link Math#exp} and -130, -95, -5, -5, 0, +10 ms with {@link org.neuromf.core.util.Exp}
     * (round-off alone moves a seed between the modes), so the mean of seeds 1-3 is bounded, not
     * the median, which lands in either mode: it must be earlier than the mean field's, by less
     * than the early mode.
     */
    @Test
    void waveformResponseIsFasterAndStrongerThanTheMeanFields() {
        assertEquals(meanField("waveform", "exc.mean_rate"), network("waveform", "exc.mean_rate"), 0.12);
        double corrE = network("waveform", "exc.response_correlation");
        double corrI = network("waveform", "inh.response_correlation");
        assertTrue(corrE > 0.6 && corrE < 0.8, "exc correlation " + corrE);
        assertTrue(corrI > 0.68 && corrI < 0.8, "inh correlation " + corrI);
        double peakE = network("waveform", "exc.peak_increase") / meanField("waveform", "exc.peak_increase");
        double peakI = network("waveform", "inh.peak_increase") / meanField("waveform", "inh.peak_increase");
        assertTrue(peakE > 1.6 && peakE < 2.9, "exc peak ratio " + peakE);
        assertTrue(peakI > 1.1 && peakI < 1.8, "inh peak ratio " + peakI);
        double shift = network("waveform", "exc.peak_time") - meanField("waveform", "exc.peak_time");
        assertTrue(shift < 0 && shift > -130, "exc peak shift " + shift + " ms");
    }
}
