package org.neuromf.core.stimulus;

import static org.neuromf.core.param.Unit.DEGREE;
import static org.neuromf.core.param.Unit.HERTZ;
import static org.neuromf.core.param.Unit.MILLISECOND;

import java.util.List;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;
import org.neuromf.core.table.InputTable;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/** The waveform shapes users choose by name, with their parameters (MODEL.md section 3). */
public final class Stimuli {

    public static final String DOUBLE_GAUSSIAN = "double-gaussian";
    public static final String SMOOTH_DOUBLE_GAUSSIAN = "smooth-double-gaussian";
    public static final String CONSTANT = "constant";
    public static final String STEP = "step";
    public static final String RAMP = "ramp";
    public static final String SINUSOID = "sinusoid";

    private static final Range TIME = Range.closed(-1e7, 1e7);
    private static final Range WIDTH = Range.aboveUpTo(0, 1e7);
    private static final Range RATE = Range.closed(-1e5, 1e5);

    public static final List<ParameterSpec> PARAMETERS = List.of(
            new ParameterSpec.Choice("stimulus", "Waveform",
                    List.of(DOUBLE_GAUSSIAN, SMOOTH_DOUBLE_GAUSSIAN, CONSTANT, STEP, RAMP, SINUSOID), DOUBLE_GAUSSIAN,
                    "shape of the rate added to the external drive of every population"),
            ParameterSpec.Real.of("amp", "Amplitude", HERTZ, 1.5, RATE,
                    "peak (gaussians, ramp), level (constant, step) or amplitude (sinusoid) of the added rate, per external synapse"),
            ParameterSpec.Real.of("t0", "Peak time", MILLISECOND, 1000, TIME, "double gaussians: time of the peak"),
            ParameterSpec.Real.of("t1", "Rise width", MILLISECOND, 100, WIDTH, "double gaussians: width of the rising half"),
            ParameterSpec.Real.of("t2", "Decay width", MILLISECOND, 150, WIDTH, "double gaussians: width of the decaying half"),
            ParameterSpec.Real.of("smoothing", "Smoothing", MILLISECOND, 0.01, WIDTH,
                    "smooth double gaussian: width of the erf blend of the two halves (the seed's default is 0.01 ms)"),
            ParameterSpec.Real.of("onset", "Onset", MILLISECOND, 500, TIME, "step and ramp: start time"),
            ParameterSpec.Real.of("offset", "Offset", MILLISECOND, 1500, TIME, "step and ramp: end time"),
            ParameterSpec.Real.of("frequency", "Frequency", HERTZ, 10, Range.closed(0, 1e5), "sinusoid: frequency"),
            ParameterSpec.Real.of("phase", "Phase", DEGREE, 0, Range.closed(-360, 360), "sinusoid: phase at t = 0"),
            ParameterSpec.Real.of("baseline", "Baseline", HERTZ, 0, RATE, "sinusoid: mean rate around which it oscillates"));

    private Stimuli() {
    }

    /** The parameter keys a shape uses besides its name: setting any other one has no effect on it. */
    public static List<String> keysOf(String shape) {
        switch (shape) {
            case DOUBLE_GAUSSIAN:
                return List.of("amp_hz", "t0_ms", "t1_ms", "t2_ms");
            case SMOOTH_DOUBLE_GAUSSIAN:
                return List.of("amp_hz", "t0_ms", "t1_ms", "t2_ms", "smoothing_ms");
            case CONSTANT:
                return List.of("amp_hz");
            case STEP:
            case RAMP:
                return List.of("amp_hz", "onset_ms", "offset_ms");
            case SINUSOID:
                return List.of("amp_hz", "frequency_hz", "phase_deg", "baseline_hz");
            default:
                throw new ParameterException("stimulus", "stimulus = '" + shape + "' is not one of "
                        + PARAMETERS.get(0).allowed());
        }
    }

    /** The waveform the values describe; onset must precede offset for step and ramp. */
    public static Waveform fromParameters(ParameterValues v) {
        v = ParameterValues.of(PARAMETERS, v.asMap());
        String shape = v.text("stimulus");
        double amp = v.real("amp_hz");
        switch (shape) {
            case DOUBLE_GAUSSIAN:
                return Waveform.doubleGaussian(v.si("t0_ms"), v.si("t1_ms"), v.si("t2_ms"), amp);
            case SMOOTH_DOUBLE_GAUSSIAN:
                return Waveform.smoothDoubleGaussian(v.si("t0_ms"), v.si("t1_ms"), v.si("t2_ms"), amp, v.si("smoothing_ms"));
            case CONSTANT:
                return Waveform.constant(amp);
            case STEP:
            case RAMP:
                if (!(v.real("offset_ms") > v.real("onset_ms"))) {
                    throw new ParameterException("offset_ms", "offset_ms = " + v.real("offset_ms")
                            + " must be later than onset_ms = " + v.real("onset_ms"));
                }
                return shape.equals(STEP) ? Waveform.step(v.si("onset_ms"), v.si("offset_ms"), amp)
                        : Waveform.ramp(v.si("onset_ms"), v.si("offset_ms"), amp);
            default:
                return Waveform.sinusoid(v.real("frequency_hz"), v.si("phase_deg"), amp, v.real("baseline_hz"));
        }
    }

    /** Checks a stimulus table's schema: it needs time_ms and rate_hz. */
    public static void checkTable(TableSchema schema) {
        schema.require("time_ms", "the stimulus table");
        schema.require("rate_hz", "the stimulus table");
    }

    /**
     * The waveform of a (time_ms, rate_hz) table, checked row by row: at least one row, times finite
     * and increasing, rates finite; negative rates are clipped at 0 Hz, with a warning.
     */
    public static Waveform fromTable(Table table, List<String> warnings) {
        InputTable in = InputTable.of(table, "the stimulus table").requireRows(1, "");
        double[] timeMs = in.times("time_ms");
        double[] rate = in.numbers("rate_hz", InputTable.FINITE);
        double[] time = new double[timeMs.length];
        int clipped = 0;
        for (int i = 0; i < time.length; i++) {
            time[i] = timeMs[i] * 1e-3;
            if (rate[i] < 0) {
                rate[i] = 0;
                clipped++;
            }
        }
        if (clipped > 0) {
            warnings.add(in.name() + " has " + clipped + " negative rates; they are clipped at 0 Hz");
        }
        return Waveform.table(time, rate);
    }
}
