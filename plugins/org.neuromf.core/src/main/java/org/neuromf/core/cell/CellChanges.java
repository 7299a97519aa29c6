package org.neuromf.core.cell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;

/**
 * Parameter changes written as text, {@code gm_ns=15, gl_ns=20}, checked against a cell family; and
 * the name a preset's cell takes when it is changed, {@code RS-cell (custom)}.
 */
public final class CellChanges {

    /** Added to a preset's name when its parameters are changed and no other name is given. */
    public static final String CHANGED = " (custom)";

    private CellChanges() {
    }

    /**
     * The changes as key to value (customary units); empty text means none. Items are separated by
     * commas, semicolons or white space; spaces around '=' are allowed. Each key may appear once.
     */
    public static Map<String, Object> parse(String text, CellFamily family) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return changes;
        }
        Map<String, String> items = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (ParameterSpec s : family.parameters()) {
            keys.add(s.key());
        }
        for (String part : text.replaceAll("\\s*=\\s*", "=").split("[,;]", -1)) {
            if (part.isBlank()) {
                throw new ParameterException("changes", "changes '" + text + "' has an empty item (two commas in a row, or"
                        + " one at the start or the end); write key=value items separated by commas, e.g. gm_ns=15,gl_ns=20");
            }
            for (String item : part.trim().split("\\s+")) {
                int eq = item.indexOf('=');
                if (eq < 0) {
                    throw new ParameterException("changes", "changes: '" + item + "' is not of the form key=value, e.g."
                            + " gm_ns=15");
                }
                String key = item.substring(0, eq);
                if (!keys.contains(key)) {
                    throw new ParameterException("changes", "changes: '" + item + "': a " + family.label() + " cell has no"
                            + " parameter '" + key + "'; its parameters are " + String.join(", ", keys));
                }
                if (items.containsKey(key)) {
                    throw new ParameterException(key, "changes: " + key + " is given twice ('" + items.get(key)
                            + "' and '" + item + "'); give each parameter once");
                }
                items.put(key, item);
                try {
                    changes.put(key, family.parameters().get(keys.indexOf(key)).parse(item.substring(eq + 1)));
                } catch (ParameterException e) {
                    throw new ParameterException(key, "changes: '" + item + "': " + e.getMessage());
                }
            }
        }
        return changes;
    }

    /** The name of a preset's cell with changed parameters: {@code RS-cell (custom)}. */
    public static String changedName(String preset) {
        return preset + CHANGED;
    }

    /** The preset a cell's name says it came from: the name without {@link #CHANGED}; other names as they are. */
    public static String presetName(String cellName) {
        return cellName.endsWith(CHANGED) ? cellName.substring(0, cellName.length() - CHANGED.length()) : cellName;
    }
}
