package org.neuromf.core.stimulus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.operation.StimulusWaveformOperation;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

class WaveformTest {

    private static Waveform shape(Map<String, Object> values) {
        return Stimuli.fromParameters(ParameterValues.of(Stimuli.PARAMETERS, values));
    }

    /** The seed's waveform: amp at t0, amp e^-1/2 one width before (T1) and after (T2). */
    @Test
    void doubleGaussianHasTheSeedsShape() {
        Waveform w = shape(Map.of());
        assertEquals(1.5, w.rate(1.0), 1e-15);
        assertEquals(1.5 * Math.exp(-0.5), w.rate(0.9), 1e-12);
        assertEquals(1.5 * Math.exp(-0.5), w.rate(1.15), 1e-12);
        assertEquals(1.5 * Math.exp(-2), w.rate(1.3), 1e-12);
    }

    /** The erf blend tends to the sharp version away from t0 and is their mean at t0. */
    @Test
    void smoothDoubleGaussianBlendsTheHalves() {
        Waveform sharp = shape(Map.of());
        Waveform smooth = shape(Map.of("stimulus", "smooth-double-gaussian", "smoothing_ms", 20.0));
        assertEquals(1.5, smooth.rate(1.0), 1e-12, "both halves peak at t0");
        assertEquals(sharp.rate(0.8), smooth.rate(0.8), 1e-6 * 1.5, "10 smoothing widths before t0");
        assertEquals(sharp.rate(1.2), smooth.rate(1.2), 1e-6 * 1.5);
        double t = 1.01;
        double rise = 1.5 * Math.exp(-0.01 * 0.01 / (2 * 0.1 * 0.1));
        double decay = 1.5 * Math.exp(-0.01 * 0.01 / (2 * 0.15 * 0.15));
        double w = 0.5 * (1 + org.apache.commons.math3.special.Erf.erf(-0.5));
        assertEquals(rise * w + decay * (1 - w), smooth.rate(t), 1e-12);
    }

    @Test
    void stepRampSinusoidAndConstant() {
        Waveform step = shape(Map.of("stimulus", "step", "onset_ms", 100.0, "offset_ms", 200.0, "amp_hz", 3.0));
        assertEquals(0, step.rate(0.0999));
        assertEquals(3, step.rate(0.1));
        assertEquals(3, step.rate(0.1999));
        assertEquals(0, step.rate(0.2));
        Waveform ramp = shape(Map.of("stimulus", "ramp", "onset_ms", 100.0, "offset_ms", 300.0, "amp_hz", 4.0));
        assertEquals(0, ramp.rate(0.05));
        assertEquals(2, ramp.rate(0.2), 1e-12);
        assertEquals(0, ramp.rate(0.3));
        Waveform sine = shape(Map.of("stimulus", "sinusoid", "frequency_hz", 5.0, "phase_deg", 90.0, "amp_hz", 2.0,
                "baseline_hz", 1.0));
        assertEquals(3, sine.rate(0), 1e-12, "cos at t = 0");
        assertEquals(-1, sine.rate(0.1), 1e-12, "half a period later");
        assertEquals(0, sine.clippedRate(0.1), "never below zero");
        assertEquals(2.5, shape(Map.of("stimulus", "constant", "amp_hz", 2.5)).rate(7));
    }

    @Test
    void rateTableInterpolatesLinearlyAndHoldsItsEnds() {
        Waveform w = Waveform.table(new double[] {0.1, 0.2, 0.4}, new double[] {1, 3, 0});
        assertEquals(1, w.rate(0));
        assertEquals(2, w.rate(0.15), 1e-12);
        assertEquals(3, w.rate(0.2));
        assertEquals(1.5, w.rate(0.3), 1e-12);
        assertEquals(0, w.rate(1));
    }

    /** A sinusoid that dips below zero is clipped in the table, and the user is told. */
    @Test
    void theOperationClipsAndWarns() {
        StimulusWaveformOperation op = new StimulusWaveformOperation();
        OperationResult r = op.run(List.of(), op.defaults().with(Map.of("stimulus", "sinusoid", "amp_hz", 2.0,
                "baseline_hz", 1.0, "tstop_ms", 1000.0, "dt_ms", 1.0)), Progress.NONE);
        Table t = r.table(0);
        assertEquals(1001, t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            assertTrue(t.getDouble(i, "rate_hz") >= 0);
        }
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("below 0 Hz"), r.warnings().toString());
        assertEquals(0, op.run(List.of(), op.defaults(), Progress.NONE).warnings().size(), "the default never dips");
    }
}
