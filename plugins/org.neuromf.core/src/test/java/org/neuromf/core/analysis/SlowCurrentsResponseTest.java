package org.neuromf.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.operation.MeanFieldOperation;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.StimulusWaveformOperation;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

/**
 * Regression guard of the HH mean field with the M current as a state variable (docs/mean-field.md
 * section 6): with the self-consistent transfer functions of the slow variables (committed in test
 * resources, from {@code tf-self-consistent --slow-currents state_variables}, seed 1), its responses
 * to the double Gaussian and to a step must stay within the goals of the network's, measured
 * by SlowCurrentsBenchmark on HH_RS--HH_FS--CONFIG1 over seeds 1-5 (2000 ms, 500 ms transient,
 * 5 ms bins, the {@link Response} measures). The stationary self-consistent transfer functions give
 * a mean field that does not overshoot a step at all, which the test also pins: it is what the slow
 * variable adds.
 */
class SlowCurrentsResponseTest {

    // the network, seeds 1-5 (SlowCurrentsBenchmark)
    private static final double PEAK_TIME_MS = 973.5;
    private static final double PEAK_RISE_HZ = 1.442;
    private static final double RATE_AT_1200_HZ = 1.4065;
    private static final double OVERSHOOT_RATIO = 3.936;
    private static final double RELAXATION_MS = 31.33;
    /** The jackknife standard error over the 5 seeds of the network's relaxation time. */
    private static final double RELAXATION_SE_MS = 16.2;

    private static final Table NETWORK = NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"));

    @Test
    void theSlowMeanFieldFollowsTheNetworksResponses() {
        double[] drive = drive(pulse());
        double[] pulse = meanField("slow", "state_variables", pulse());
        Response.Pulse p = Response.pulse(pulse, drive, 500, 5, 1200);
        assertEquals(PEAK_TIME_MS, p.peakTime(), 15, "peak time");
        assertEquals(PEAK_RISE_HZ, p.peakRise(), 0.2 * PEAK_RISE_HZ, "peak rise");
        assertEquals(RATE_AT_1200_HZ, p.valueAt(), 0.15 * RATE_AT_1200_HZ, "rate at 1200 ms");
        Response.Step s = Response.step(meanField("slow", "state_variables", step()), drive(step()), 5);
        assertEquals(OVERSHOOT_RATIO, s.overshootRatio(), 0.2 * OVERSHOOT_RATIO, "step overshoot ratio");
        // the goal's 20 % is not resolved by the network itself (single seeds give -19 to 65 ms): the mean
        // field (21 ms) must lie within 2 of the network value's standard errors
        assertEquals(RELAXATION_MS, s.relaxationTime(), 2 * RELAXATION_SE_MS, "step relaxation time");
    }

    @Test
    void theStationaryMeanFieldDoesNotOvershoot() {
        Response.Step s = Response.step(meanField("stationary", "paper", step()), drive(step()), 5);
        assertTrue(s.overshootRatio() < 1.2, "overshoot ratio " + s.overshootRatio());
        Response.Pulse p = Response.pulse(meanField("stationary", "paper", pulse()), drive(pulse()), 500, 5, 1200);
        assertTrue(p.peakTime() > PEAK_TIME_MS + 30, "the stationary mean field peaks late: " + p.peakTime());
    }

    /** The mean field's excitatory rate in 5 ms bins from 500 to 2000 ms. */
    private static double[] meanField(String kind, String slow, Table stimulus) {
        Operation mf = new MeanFieldOperation();
        Table series = mf.run(Arrays.asList(NETWORK, resource("coefficients_" + kind + "_HH_RS.csv"),
                resource("coefficients_" + kind + "_HH_FS.csv"), stimulus), mf.defaults().with(Map.of("tstop_ms", 2000.0,
                        "order", 1, "slow_currents", slow)), Progress.NONE).table(0);
        return Comparison.binned(series, "nu_e_hz", 500, 2000, 5);
    }

    private static double[] drive(Table stimulus) {
        return Comparison.binned(stimulus, "rate_hz", 500, 2000, 5);
    }

    private static Table pulse() {
        Operation stim = new StimulusWaveformOperation();
        return stim.run(List.of(), stim.defaults().with(Map.of("tstop_ms", 2000.0, "t0_ms", 1000.0)), Progress.NONE)
                .table(0);
    }

    private static Table step() {
        Operation stim = new StimulusWaveformOperation();
        return stim.run(List.of(), stim.defaults().with(Map.of("tstop_ms", 2000.0, "stimulus", "step", "amp_hz", 1.0,
                "onset_ms", 1000.0, "offset_ms", 1600.0)), Progress.NONE).table(0);
    }

    private static Table resource(String name) {
        try {
            return Csv.read(Path.of(SlowCurrentsResponseTest.class.getResource("/slow-currents/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
