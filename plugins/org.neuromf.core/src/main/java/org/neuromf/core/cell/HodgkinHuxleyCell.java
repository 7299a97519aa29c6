package org.neuromf.core.cell;

import static org.neuromf.core.param.Unit.MILLIVOLT;
import static org.neuromf.core.param.Unit.NANOSIEMENS;

import java.util.List;

import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;

/**
 * Hodgkin-Huxley cell of the Traub-Miles type with Pospischil's slow M current (Carlu et al. 2020):
 * {@code C dV/dt = gL(EL-V) - gNa m^3 h (V-ENa) - gK n^4 (V-EK) - gM p (V-EK) + Isyn + I0}, with the
 * rate functions of {@link HodgkinHuxleyRates}. A spike is an upward crossing of {@code v_spike}.
 */
public final class HodgkinHuxleyCell extends Cell {

    public static final List<ParameterSpec> PARAMETERS = List.of(
            CellParameters.leak(10),
            CellParameters.capacitance(200),
            ParameterSpec.Real.of("gna", "Sodium conductance", NANOSIEMENS, 20000, CellParameters.CONDUCTANCE,
                    "maximal conductance of the fast sodium current"),
            CellParameters.potassium(6000),
            ParameterSpec.Real.of("gm", "M-current conductance", NANOSIEMENS, 30, CellParameters.CONDUCTANCE,
                    "maximal conductance of the slow non-inactivating potassium (M) current, the source of"
                            + " spike-frequency adaptation; 0 for fast-spiking cells"),
            CellParameters.leakReversal(-65),
            ParameterSpec.Real.of("ena", "Sodium reversal", MILLIVOLT, 50, CellParameters.POTENTIAL,
                    "reversal potential of the sodium current"),
            CellParameters.potassiumReversal(-90),
            ParameterSpec.Real.of("vt", "Rate-function offset", MILLIVOLT, -53.5, Range.closed(-120, 60),
                    "VT of the Traub-Miles rate functions: shifts the voltage dependence of m, h and n"),
            CellParameters.spikeDetection(-40),
            CellParameters.CURRENT);

    /** SI values. */
    public final double gL, cm, gNa, gK, gM, eL, eNa, eK, vT, vSpike, i0;

    HodgkinHuxleyCell(String name, ParameterValues v) {
        super(name, CellFamily.HH, v);
        v = parameters();
        gL = v.si("gl_ns");
        cm = v.si("cm_pf");
        gNa = v.si("gna_ns");
        gK = v.si("gk_ns");
        gM = v.si("gm_ns");
        eL = v.si("el_mv");
        eNa = v.si("ena_mv");
        eK = v.si("ek_mv");
        vT = v.si("vt_mv");
        vSpike = v.si("v_spike_mv");
        i0 = v.si("i0_pa");
    }

    /**
     * C/gL, or the M-current gate's largest tau_p when the cell has that current; the gates m, h and n
     * are faster than the membrane (below 10 ms at every V).
     */
    @Override
    public double slowestTimeConstant() {
        return Math.max(cm / gL, gM > 0 ? HodgkinHuxleyRates.TAU_P_MAX * 1e-3 : 0);
    }
}
