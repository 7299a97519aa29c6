package org.neuromf.core.cell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;

/** Parameter changes written as text, {@code gm_ns=15, gl_ns=20}, checked against a cell family. */
public final class CellChanges {

    private CellChanges() {
    }

    /** The changes as key to value (customary units); empty text means none. */
    public static Map<String, Object> parse(String text, CellFamily family) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return changes;
        }
        List<String> keys = new ArrayList<>();
        for (ParameterSpec s : family.parameters()) {
            keys.add(s.key());
        }
        for (String item : text.split("[,;\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new ParameterException("changes", "changes: '" + item + "' is not of the form key=value, e.g. gm_ns=15");
            }
            String key = item.substring(0, eq).trim();
            if (!keys.contains(key)) {
                throw new ParameterException("changes", "changes: a " + family.label() + " cell has no parameter '" + key
                        + "'; its parameters are " + String.join(", ", keys));
            }
            ParameterSpec spec = family.parameters().get(keys.indexOf(key));
            changes.put(key, spec.parse(item.substring(eq + 1)));
        }
        return changes;
    }
}
