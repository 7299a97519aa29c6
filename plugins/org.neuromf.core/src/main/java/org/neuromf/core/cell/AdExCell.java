package org.neuromf.core.cell;

import static org.neuromf.core.param.Unit.MILLISECOND;
import static org.neuromf.core.param.Unit.MILLIVOLT;
import static org.neuromf.core.param.Unit.NANOSIEMENS;
import static org.neuromf.core.param.Unit.PICOAMPERE;

import java.util.List;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;

/**
 * Adaptive exponential integrate-and-fire cell (Brette and Gerstner 2005):
 * {@code C dV/dt = gL(EL-V) + gL dV exp((V-Vthre)/dV) - w + Isyn + I0}, {@code tau_w dw/dt = a(V-EL) - w}.
 * A spike is V above {@code Vthre + 5 dV} (Vthre when dV = 0); then V is set to Vreset and held
 * there for the refractory time, and w jumps by b. LIF is the case dV = 0, a = b = 0.
 */
public final class AdExCell extends Cell {

    public static final List<ParameterSpec> PARAMETERS = List.of(
            CellParameters.leak(10),
            CellParameters.capacitance(200),
            CellParameters.leakReversal(-65),
            ParameterSpec.Real.of("vthre", "Threshold", MILLIVOLT, -50, CellParameters.POTENTIAL,
                    "threshold of the exponential term; spikes are counted at vthre + 5 delta_v"),
            ParameterSpec.Real.of("vreset", "Reset potential", MILLIVOLT, -65, CellParameters.POTENTIAL,
                    "membrane potential after a spike, held for the refractory time"),
            ParameterSpec.Real.of("delta_v", "Slope factor", MILLIVOLT, 2, Range.closed(0, 50),
                    "sharpness of spike initiation; 0 gives a leaky integrate-and-fire cell"),
            ParameterSpec.Real.of("a", "Subthreshold adaptation", NANOSIEMENS, 4, Range.closed(-1e4, 1e4),
                    "coupling of the adaptation current to the membrane potential"),
            ParameterSpec.Real.of("b", "Spike-triggered adaptation", PICOAMPERE, 20, Range.closed(-1e5, 1e5),
                    "increment of the adaptation current at each spike"),
            ParameterSpec.Real.of("tau_w", "Adaptation time constant", MILLISECOND, 500, Range.aboveUpTo(0, 1e7),
                    "time constant of the adaptation current"),
            ParameterSpec.Real.of("t_refrac", "Refractory time", MILLISECOND, 5, Range.closed(0, 1000),
                    "time the membrane potential is held at vreset after a spike"),
            CellParameters.CURRENT);

    /** SI values. */
    public final double gL, cm, eL, vThre, vReset, deltaV, a, b, tauW, tRefrac, i0;

    AdExCell(String name, ParameterValues v) {
        super(name, CellFamily.ADEX, v);
        v = parameters();
        gL = v.si("gl_ns");
        cm = v.si("cm_pf");
        eL = v.si("el_mv");
        vThre = v.si("vthre_mv");
        vReset = v.si("vreset_mv");
        deltaV = v.si("delta_v_mv");
        a = v.si("a_ns");
        b = v.si("b_pa");
        tauW = v.si("tau_w_ms");
        tRefrac = v.si("t_refrac_ms");
        i0 = v.si("i0_pa");
        if (vReset >= spikeThreshold()) {
            throw new ParameterException("vreset_mv", "vreset_mv = " + v.real("vreset_mv")
                    + " must lie below the spike threshold vthre_mv + 5 delta_v_mv = "
                    + (v.real("vthre_mv") + 5 * v.real("delta_v_mv")) + " mV");
        }
    }

    /** Whether the cell has an adaptation current: a or b nonzero (w starts at 0 and stays there otherwise). */
    public boolean adapts() {
        return a != 0 || b != 0;
    }

    /** C/gL, or tau_w when the cell adapts and tau_w is longer. */
    @Override
    public double slowestTimeConstant() {
        return Math.max(cm / gL, adapts() ? tauW : 0);
    }

    /** V at which a spike is emitted (V). */
    public double spikeThreshold() {
        return vThre + 5 * deltaV;
    }
}
