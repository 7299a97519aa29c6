package org.neuromf.core.param;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitTest {

    /** A value typed in a unit survives the trip through SI exactly: 0.3 ms stays 0.3, not 0.30000000000000004. */
    @Test
    void customaryValuesSurviveTheTripThroughSi() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (Unit u : Unit.values()) {
            for (int i = 0; i < 20_000; i++) {
                double typed = Math.round((rng.nextDouble() - 0.5) * 2e6) / 100.0;
                assertEquals(typed, u.fromSI(u.toSI(typed)), 0, u + " " + typed);
            }
        }
    }

    @Test
    void keysCarryTheUnitSuffix() {
        assertEquals("tstop_ms", Unit.MILLISECOND.key("tstop"));
        assertEquals("phi_per_ms", Unit.PER_MILLISECOND.key("phi"));
        assertEquals("neurons", Unit.NONE.key("neurons"));
        assertEquals("(0, 1] ms", ParameterSpec.Real.of("dt", "", Unit.MILLISECOND, 0.1, Range.aboveUpTo(0, 1), "").allowed());
        assertEquals("tstop", ParameterSpec.Real.of("tstop", "", Unit.MILLISECOND, 1, Range.POSITIVE, "").flagName());
    }
}
