package org.neuromf.core.cell;

import static org.neuromf.core.param.Unit.MILLIVOLT;
import static org.neuromf.core.param.Unit.NANOSIEMENS;
import static org.neuromf.core.param.Unit.PER_MILLISECOND;

import java.util.List;

import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;

/**
 * Morris-Lecar cell: {@code C dV/dt = gL(EL-V) - gCa m_inf(V)(V-ECa) - gK w (V-EK) + Isyn + I0},
 * {@code m_inf = (1+tanh((V-V1)/V2))/2}, {@code w_inf = (1+tanh((V-V3)/V4))/2},
 * {@code tau_w = 1/(phi cosh((V-V3)/(2 V4)))}. A spike is an upward crossing of {@code v_spike}.
 */
public final class MorrisLecarCell extends Cell {

    private static final Range SLOPE = Range.aboveUpTo(0, 100);

    public static final List<ParameterSpec> PARAMETERS = List.of(
            CellParameters.leak(60),
            CellParameters.capacitance(200),
            CellParameters.leakReversal(-60),
            ParameterSpec.Real.of("gca", "Calcium conductance", NANOSIEMENS, 120, CellParameters.CONDUCTANCE,
                    "maximal conductance of the fast, instantaneously activating calcium current"),
            ParameterSpec.Real.of("eca", "Calcium reversal", MILLIVOLT, 120, CellParameters.POTENTIAL,
                    "reversal potential of the calcium current"),
            CellParameters.potassium(240),
            CellParameters.potassiumReversal(-84),
            ParameterSpec.Real.of("v1", "Calcium half-activation", MILLIVOLT, -16.2, CellParameters.POTENTIAL,
                    "V1: potential of half activation of the calcium current"),
            ParameterSpec.Real.of("v2", "Calcium activation slope", MILLIVOLT, 18, SLOPE,
                    "V2: slope of the calcium activation"),
            ParameterSpec.Real.of("v3", "Potassium half-activation", MILLIVOLT, -3, CellParameters.POTENTIAL,
                    "V3: potential of half activation of the potassium recovery variable w"),
            ParameterSpec.Real.of("v4", "Potassium activation slope", MILLIVOLT, 17.4, SLOPE,
                    "V4: slope of the potassium activation"),
            ParameterSpec.Real.of("phi", "Recovery rate", PER_MILLISECOND, 0.13, Range.aboveUpTo(0, 100),
                    "phi: rate scale of the recovery variable w"),
            CellParameters.spikeDetection(0),
            CellParameters.CURRENT);

    /** SI values. */
    public final double gL, cm, eL, gCa, eCa, gK, eK, v1, v2, v3, v4, phi, vSpike, i0;

    MorrisLecarCell(String name, ParameterValues v) {
        super(name, CellFamily.ML, v);
        v = parameters();
        gL = v.si("gl_ns");
        cm = v.si("cm_pf");
        eL = v.si("el_mv");
        gCa = v.si("gca_ns");
        eCa = v.si("eca_mv");
        gK = v.si("gk_ns");
        eK = v.si("ek_mv");
        v1 = v.si("v1_mv");
        v2 = v.si("v2_mv");
        v3 = v.si("v3_mv");
        v4 = v.si("v4_mv");
        phi = v.si("phi_per_ms");
        vSpike = v.si("v_spike_mv");
        i0 = v.si("i0_pa");
    }

    /** Steady-state calcium activation at V (SI). */
    public double mInf(double v) {
        return 0.5 * (1 + Math.tanh((v - v1) / v2));
    }

    /** Steady-state potassium activation at V (SI). */
    public double wInf(double v) {
        return 0.5 * (1 + Math.tanh((v - v3) / v4));
    }

    /** C/gL, or the longest tau_w(V), 1/phi (at V = V3), when it is longer. */
    @Override
    public double slowestTimeConstant() {
        return Math.max(cm / gL, 1 / phi);
    }

    /** Time constant of w at V (s). */
    public double tauW(double v) {
        return 1 / (phi * Math.cosh((v - v3) / (2 * v4)));
    }
}
