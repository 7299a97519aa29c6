package org.neuromf.core.cell;

import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.Range;
import org.neuromf.core.param.Unit;

/** Parameter specs shared by several cell families; one definition each. */
final class CellParameters {

    private CellParameters() {
    }

    static final Range POTENTIAL = Range.closed(-200, 200);
    static final Range CONDUCTANCE = Range.closed(0, 1e7);

    static ParameterSpec.Real leak(double defaultNs) {
        return ParameterSpec.Real.of("gl", "Leak conductance", Unit.NANOSIEMENS, defaultNs, Range.aboveUpTo(0, 1e6),
                "conductance of the leak current");
    }

    static ParameterSpec.Real capacitance(double defaultPf) {
        return ParameterSpec.Real.of("cm", "Membrane capacitance", Unit.PICOFARAD, defaultPf, Range.aboveUpTo(0, 1e6),
                "membrane capacitance");
    }

    static ParameterSpec.Real leakReversal(double defaultMv) {
        return ParameterSpec.Real.of("el", "Leak reversal", Unit.MILLIVOLT, defaultMv, POTENTIAL,
                "reversal potential of the leak current (resting potential without input)");
    }

    static ParameterSpec.Real potassium(double defaultNs) {
        return ParameterSpec.Real.of("gk", "Potassium conductance", Unit.NANOSIEMENS, defaultNs, CONDUCTANCE,
                "maximal conductance of the delayed-rectifier potassium current");
    }

    static ParameterSpec.Real potassiumReversal(double defaultMv) {
        return ParameterSpec.Real.of("ek", "Potassium reversal", Unit.MILLIVOLT, defaultMv, POTENTIAL,
                "reversal potential of the potassium currents");
    }

    static ParameterSpec.Real spikeDetection(double defaultMv) {
        return ParameterSpec.Real.of("v_spike", "Spike detection threshold", Unit.MILLIVOLT, defaultMv, POTENTIAL,
                "a spike is counted when V rises above this value; no new spike until V has fallen below it again"
                        + " (there is no reset: the dynamics repolarise by themselves)");
    }

    static final ParameterSpec.Real CURRENT = ParameterSpec.Real.of("i0", "Injected current", Unit.PICOAMPERE, 0,
            Range.closed(-1e6, 1e6), "constant current injected into every cell of this type");
}
