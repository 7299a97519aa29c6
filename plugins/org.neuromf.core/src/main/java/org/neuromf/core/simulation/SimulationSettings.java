package org.neuromf.core.simulation;

import static org.neuromf.core.param.Unit.HERTZ;
import static org.neuromf.core.param.Unit.MILLISECOND;

import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;

/**
 * How a network simulation runs and what it records. Times in s (SI); steps counted from 0 at
 * t = 0. Build it from parameter values ({@link #of}), which checks every value and the
 * relations between them.
 */
public record SimulationSettings(double tstop, double dt, long seed, DriveProcess driveProcess, double kickValue,
        double kickDuration, double transientTime, int rateBinSteps, int syncBinSteps, boolean recordSpikes,
        long maxSpikes, int nRec, int threads, GatingMode gating, SynapticTiming synapticTiming) {

    /**
     * More trace samples than this (neurons x steps, per population) are refused before the run
     * starts: each takes 8 bytes per variable (V and one conductance per population), twice over
     * once the traces table is made.
     */
    public static final long MAX_TRACE_SAMPLES = 5_000_000L;

    public SimulationSettings {
        if (!(dt > 0) || !(tstop >= dt) || !(transientTime >= 0 && transientTime < tstop) || rateBinSteps < 1
                || syncBinSteps < 1 || maxSpikes < 0 || nRec < 0 || threads < 0 || !(kickValue >= 0)
                || !(kickDuration >= 0) || driveProcess == null || gating == null
                || synapticTiming == null) {
            throw new IllegalArgumentException("inconsistent simulation settings; build them with SimulationSettings.of,"
                    + " which names the parameter at fault");
        }
    }

    public static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.Real.of("tstop", "Duration", MILLISECOND, 2000, Range.aboveUpTo(0, 1e8),
                    "simulated time; rounded to a whole number of steps"),
            ParameterSpec.Real.of("dt", "Time step", MILLISECOND, 0.1, Range.aboveUpTo(0, 1),
                    "integration step of the exponential Euler scheme; above 1 ms the HH and AdEx dynamics are not resolved"),
            new ParameterSpec.Whole("seed", "Seed", 5, 0, Long.MAX_VALUE,
                    "seed of every random draw (initial state, connectivity, drive): the same seed gives the same result"),
            ParameterSpec.Choice.of("drive_process", "Drive process", DriveProcess.class, DriveProcess.POISSON,
                    "poisson: exact Poisson event counts per step (what the transfer function assumes);"
                            + " bernoulli: at most one event per neuron and step, as in the authors' scripts"),
            ParameterSpec.Choice.of("synaptic_timing", "Synaptic timing", SynapticTiming.class, SynapticTiming.EXACT,
                    "exact: a synaptic event enters at its time within the step (external events at uniform times,"
                            + " spikes at their interpolated threshold crossing), decayed by the rest of the step, as in"
                            + " the transfer-function scan; step: it adds its whole Q at the end of the step, as in"
                            + " Brian2, which raises the mean conductances by about dt/(2 tau)"),
            ParameterSpec.Real.of("kick_value", "Kick", HERTZ, 0, Range.closed(0, 1e5),
                    "drive reached at the end of the initial ramp: for t < kick_duration the drive is"
                            + " kick_value t/kick_duration + drive t/kick_duration"),
            ParameterSpec.Real.of("kick_duration", "Kick duration", MILLISECOND, 20, Range.closed(0, 1e8),
                    "length of the initial ramp of the drive; 0 switches it off"),
            ParameterSpec.Real.of("transient", "Transient", MILLISECOND, 500, Range.closed(0, 1e8),
                    "initial time left out of the summary statistics"),
            ParameterSpec.Real.of("rate_bin", "Rate bin", MILLISECOND, 0.1, Range.aboveUpTo(0, 1e6),
                    "width of the bins of the recorded population rates; a whole multiple of dt"),
            ParameterSpec.Real.of("sync_bin", "Synchrony bin", MILLISECOND, 5, Range.aboveUpTo(0, 1e6),
                    "bin of the spike counts behind the synchrony index and the rate SD; a whole multiple of dt"),
            new ParameterSpec.Flag("record_spikes", "Record spikes", true, "keep every spike (time, neuron, population)"),
            new ParameterSpec.Whole("max_spikes", "Spike limit", 10_000_000, 0, 500_000_000,
                    "spikes kept at most; later ones are counted in the statistics but not kept, with a warning"),
            new ParameterSpec.Whole("n_rec", "Recorded neurons", 0, 0, 100_000,
                    "traces of V and of the conductances are kept for the first n_rec neurons of each population"),
            new ParameterSpec.Whole("threads", "Threads", 0, 0, 1024,
                    "threads of the state update; 0 uses every core. Results do not depend on it"),
            ParameterSpec.Choice.of("gating", "HH gating", GatingMode.class, GatingMode.TABULATED,
                    "tabulated: HH gate coefficients from a 0.01 mV table (fast, error below 1e-6);"
                            + " exact: rate functions evaluated every step"));

    public static SimulationSettings defaults() {
        return of(ParameterValues.defaults(PARAMETERS));
    }

    public static SimulationSettings of(Map<String, ?> values) {
        return of(ParameterValues.of(PARAMETERS, values));
    }

    public static SimulationSettings of(ParameterValues v) {
        v = ParameterValues.of(PARAMETERS, v.asMap());
        double dtMs = v.real("dt_ms");
        double tstopMs = v.real("tstop_ms");
        long steps = Math.round(tstopMs / dtMs);
        if (steps < 1 || steps > Integer.MAX_VALUE / 2) {
            throw new ParameterException("tstop_ms", "tstop_ms = " + tstopMs + " with dt_ms = " + dtMs + " gives " + steps
                    + " steps; allowed [1, " + Integer.MAX_VALUE / 2 + "]");
        }
        double transientMs = v.real("transient_ms");
        if (transientMs >= tstopMs) {
            throw ParameterException.outOfRange("transient_ms", transientMs, "[0, tstop_ms = " + tstopMs + ")",
                    "the summary needs time after the transient");
        }
        int rateBin = wholeSteps(v, "rate_bin_ms", dtMs);
        int syncBin = wholeSteps(v, "sync_bin_ms", dtMs);
        int nRec = v.integer("n_rec");
        if (nRec * (double) steps > MAX_TRACE_SAMPLES) {
            throw new ParameterException("n_rec", "n_rec = " + nRec + " over " + steps + " steps would keep "
                    + (long) (nRec * (double) steps) + " samples per population, more than " + MAX_TRACE_SAMPLES
                    + "; lower n_rec or tstop_ms");
        }
        return new SimulationSettings(v.si("tstop_ms"), v.si("dt_ms"), v.whole("seed"),
                v.choice("drive_process", DriveProcess.class), v.real("kick_value_hz"), v.si("kick_duration_ms"),
                v.si("transient_ms"), rateBin, syncBin, v.flag("record_spikes"), v.whole("max_spikes"), nRec,
                v.integer("threads"), v.choice("gating", GatingMode.class),
                v.choice("synaptic_timing", SynapticTiming.class));
    }

    private static int wholeSteps(ParameterValues v, String key, double dtMs) {
        double ratio = v.real(key) / dtMs;
        long n = Math.round(ratio);
        if (n < 1 || Math.abs(ratio - n) > 1e-6 * Math.max(1, ratio)) {
            throw new ParameterException(key, key + " = " + v.real(key) + " must be a whole multiple of dt_ms = " + dtMs);
        }
        return Math.toIntExact(n);
    }

    /** The number of steps: tstop / dt, rounded. */
    public int steps() {
        return (int) Math.round(tstop / dt);
    }

    public int transientSteps() {
        return (int) Math.round(transientTime / dt);
    }

    /** Threads to use: the setting, or every available core when it is 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
