package org.neuromf.core.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.param.ParameterException;

/** Parameter changes typed as text: each item is checked, and a refusal names it. */
class CellChangesTest {

    private static String refused(String text, String... expected) {
        ParameterException e = assertThrows(ParameterException.class, () -> CellChanges.parse(text, CellFamily.HH), text);
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), "message '" + e.getMessage() + "' should contain '" + s + "'");
        }
        return e.getMessage();
    }

    @Test
    void itemsMaybeSeparatedByCommasSemicolonsOrSpaces() {
        Map<String, Object> expected = Map.of("gm_ns", 15.0, "gl_ns", 20.0);
        assertEquals(expected, CellChanges.parse("gm_ns=15,gl_ns=20", CellFamily.HH));
        assertEquals(expected, CellChanges.parse(" gm_ns = 15 ; gl_ns= 20 ", CellFamily.HH));
        assertEquals(expected, CellChanges.parse("gm_ns=15 gl_ns=20", CellFamily.HH));
        assertEquals(Map.of(), CellChanges.parse("  ", CellFamily.HH));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertEquals("changes: gm_ns is given twice ('gm_ns=15' and 'gm_ns=20'); give each parameter once",
                refused("gm_ns=15,gm_ns=20"));
    }

    @Test
    void badItemsAreNamed() {
        refused("gm_ns=15,,gl_ns=20", "changes 'gm_ns=15,,gl_ns=20' has an empty item");
        refused("gm_ns=15,", "has an empty item");
        refused("gm_ns", "'gm_ns' is not of the form key=value");
        refused("gm_ns=abc", "'gm_ns=abc'", "gm_ns = 'abc' is not a number");
        refused("gm_ns=", "'gm_ns='", "is not a number");
        refused("gm=15", "'gm=15'", "has no parameter 'gm'", "gm_ns");
        refused("gl_ns=-3", "'gl_ns=-3'", "gl_ns = -3 is outside the allowed range (0, 1000000] nS");
    }

    @Test
    void aChangedPresetIsNamedAfterIt() {
        assertEquals("RS-cell (custom)", CellChanges.changedName("RS-cell"));
        assertEquals("RS-cell", CellChanges.presetName("RS-cell (custom)"));
        assertEquals("my cell", CellChanges.presetName("my cell"));
    }
}
