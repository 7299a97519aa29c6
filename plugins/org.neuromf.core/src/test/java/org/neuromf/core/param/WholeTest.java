package org.neuromf.core.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

/** Whole numbers are read and checked exactly, never through a double. */
class WholeTest {

    private static final ParameterSpec SEED = new ParameterSpec.Whole("seed", "Seed", 1, 0, Long.MAX_VALUE, "");
    private static final ParameterSpec COUNT = new ParameterSpec.Whole("count", "Count", 1, -5, 5000, "");

    private static String refused(ParameterSpec spec, String text) {
        return assertThrows(ParameterException.class, () -> spec.parse(text), text).getMessage();
    }

    @Test
    void theLargestLongIsTheLargestSeed() {
        assertEquals(Long.MAX_VALUE, SEED.parse("9223372036854775807"));
        assertEquals("seed = 9223372036854775808 is outside the allowed range [0, 9223372036854775807]",
                refused(SEED, "9223372036854775808"));
        assertEquals("seed = 1e30 is outside the allowed range [0, 9223372036854775807]", refused(SEED, "1e30"));
        assertEquals("seed = -1 is outside the allowed range [0, 9223372036854775807]", refused(SEED, "-1"));
        assertEquals("count = -9223372036854775809 is outside the allowed range [-5, 5000]",
                refused(COUNT, "-9223372036854775809"));
    }

    @Test
    void exponentsAreWholeWhenTheirValueIs() {
        assertEquals(1000L, COUNT.parse("1e3"));
        assertEquals(1000L, COUNT.parse(" 1.0E3 "));
        assertEquals(-5L, COUNT.parse("-5"));
        assertEquals(0L, COUNT.parse("0.000"));
        assertEquals(1L, COUNT.parse("+1"));
        assertEquals("count = 2.5 is not a whole number; allowed [-5, 5000]", refused(COUNT, "2.5"));
        assertEquals("count = 1e-3 is not a whole number; allowed [-5, 5000]", refused(COUNT, "1e-3"));
        assertEquals("count = 'abc' is not a whole number; allowed [-5, 5000]", refused(COUNT, "abc"));
        assertEquals("count = 'NaN' is not a whole number; allowed [-5, 5000]", refused(COUNT, "NaN"));
        assertEquals("count = '0x10' is not a whole number; allowed [-5, 5000]", refused(COUNT, "0x10"));
    }

    @Test
    void valuesFromSettingsAreComparedExactly() {
        assertEquals(7L, COUNT.check(7));
        assertEquals(7L, COUNT.check(7.0));
        assertEquals(Long.MAX_VALUE, SEED.check(Long.MAX_VALUE));
        // 2^63 as a double: rounding it to a long would give Long.MAX_VALUE
        assertThrows(ParameterException.class, () -> SEED.check(9.223372036854775807E18));
        assertThrows(ParameterException.class, () -> SEED.check(BigInteger.TWO.pow(63)));
        assertThrows(ParameterException.class, () -> COUNT.check(2.5));
        assertThrows(ParameterException.class, () -> COUNT.check(Double.NaN));
        assertThrows(ParameterException.class, () -> COUNT.check(Double.POSITIVE_INFINITY));
        assertThrows(ParameterException.class, () -> COUNT.check("7"));
    }
}
