package org.neuromf.core.operation;

import java.util.ArrayList;
import java.util.List;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;
import org.neuromf.core.param.Unit;
import org.neuromf.core.stimulus.Stimuli;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;
import org.neuromf.core.util.TimeGrid;

/** Stimulus Waveform: a rate added to the external drive, sampled into a (time_ms, rate_hz) table. */
public final class StimulusWaveformOperation extends OperationBase {

    public static final TableSchema SCHEMA = TableSchema.of(
            ColumnSpec.real("time_ms", "time"),
            ColumnSpec.real("rate_hz", "rate added to the external drive of every population, per external synapse"));

    private static final long MAX_SAMPLES = 50_000_000L;

    public static final List<ParameterSpec> PARAMETERS;

    static {
        List<ParameterSpec> p = new ArrayList<>(Stimuli.PARAMETERS);
        p.add(ParameterSpec.Real.of("tstop", "Duration", Unit.MILLISECOND, 2000, Range.aboveUpTo(0, 1e8),
                "the waveform is sampled from 0 to this time"));
        p.add(ParameterSpec.Real.of("dt", "Sampling step", Unit.MILLISECOND, 0.1, Range.aboveUpTo(0, 1e6),
                "time between samples; the simulation interpolates linearly between them, so use its time step"));
        PARAMETERS = List.copyOf(p);
    }

    public StimulusWaveformOperation() {
        super("stimulus-waveform", "Stimulus Waveform", "Shapes a time-varying rate that Network Simulation adds to the"
                + " external drive of every population: double gaussian (the paper's waveform), smooth double gaussian,"
                + " constant, step, ramp or sinusoid. Rates below zero are clipped to zero, with a warning. Any table with"
                + " columns time_ms and rate_hz works as a stimulus too.", PARAMETERS, List.of(),
                List.of(Port.required("stimulus", "time_ms and rate_hz")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        samples(parameters);
        Stimuli.fromParameters(stimulusValues(parameters));
        return List.of(SCHEMA);
    }

    private static long samples(ParameterValues v) {
        long n = (long) Math.floor(v.real("tstop_ms") / v.real("dt_ms") + 1e-9) + 1;
        if (n > MAX_SAMPLES) {
            throw new ParameterException("dt_ms", "dt_ms = " + v.real("dt_ms") + " over tstop_ms = " + v.real("tstop_ms")
                    + " gives " + n + " samples, more than " + MAX_SAMPLES + "; use a larger dt_ms");
        }
        return n;
    }

    private static ParameterValues stimulusValues(ParameterValues v) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (ParameterSpec s : Stimuli.PARAMETERS) {
            m.put(s.key(), v.get(s.key()));
        }
        return ParameterValues.of(Stimuli.PARAMETERS, m);
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        ParameterValues v = ParameterValues.of(PARAMETERS, parameters.asMap());
        int n = (int) samples(v);
        Waveform w = Stimuli.fromParameters(stimulusValues(v));
        double dtMs = v.real("dt_ms");
        double[] time = new double[n];
        double[] rate = new double[n];
        int clipped = 0;
        double firstClipped = Double.NaN;
        for (int k = 0; k < n; k++) {
            time[k] = TimeGrid.ms(k, dtMs);
            double r = w.rate(time[k] * 1e-3);
            if (r < 0) {
                if (clipped++ == 0) {
                    firstClipped = time[k];
                }
                r = 0;
            }
            rate[k] = r;
        }
        List<String> warnings = new ArrayList<>();
        if (clipped > 0) {
            warnings.add(String.format("the %s waveform goes below 0 Hz at %d of %d samples (first at t = %s ms);"
                    + " rates are clipped at 0", v.text("stimulus"), clipped, n, Range.format(firstClipped)));
        }
        return new OperationResult(List.of(Table.ofColumns(SCHEMA, time, rate)), warnings);
    }
}
