package org.neuromf.core.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, validated set of parameter values for a list of specs: every spec has a value
 * (its default unless given), every value was checked on construction, unknown keys are refused.
 */
public final class ParameterValues {

    private final List<ParameterSpec> specs;
    private final Map<String, Object> values;

    private ParameterValues(List<ParameterSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = values;
    }

    /** The defaults, overridden by {@code given}; throws ParameterException on any bad value or key. */
    public static ParameterValues of(List<ParameterSpec> specs, Map<String, ?> given) {
        Map<String, ParameterSpec> byKey = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            if (byKey.put(s.key(), s) != null) {
                throw new IllegalArgumentException("duplicate parameter key " + s.key());
            }
        }
        for (String key : given.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new ParameterException(key, "unknown parameter '" + key + "'; known parameters: "
                        + String.join(", ", byKey.keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            Object v = given.containsKey(s.key()) ? given.get(s.key()) : s.defaultValue();
            values.put(s.key(), s.check(v));
        }
        return new ParameterValues(List.copyOf(specs), Collections.unmodifiableMap(values));
    }

    public static ParameterValues defaults(List<ParameterSpec> specs) {
        return of(specs, Map.of());
    }

    /** A copy with some values replaced (checked like the rest). */
    public ParameterValues with(Map<String, ?> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(changes);
        return of(specs, merged);
    }

    public ParameterValues with(String key, Object value) {
        return with(Map.of(key, value));
    }

    public List<ParameterSpec> specs() {
        return specs;
    }

    public ParameterSpec spec(String key) {
        for (ParameterSpec s : specs) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        List<String> keys = new ArrayList<>(values.keySet());
        throw new ParameterException(key, "unknown parameter '" + key + "'; known parameters: " + String.join(", ", keys));
    }

    public Object get(String key) {
        spec(key);
        return values.get(key);
    }

    /** The value as the user sees it, in the unit its key names. */
    public double real(String key) {
        return ((Number) get(key)).doubleValue();
    }

    /** The value converted to SI. */
    public double si(String key) {
        return spec(key).unit().toSI(real(key));
    }

    public long whole(String key) {
        return ((Number) get(key)).longValue();
    }

    public int integer(String key) {
        return Math.toIntExact(whole(key));
    }

    public String text(String key) {
        return (String) get(key);
    }

    /** The value of a choice made with {@link ParameterSpec.Choice#of}, as its enum constant. */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        return Enum.valueOf(type, text(key).toUpperCase(java.util.Locale.ROOT));
    }

    public boolean flag(String key) {
        return (Boolean) get(key);
    }

    /** All values by key, in spec order. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterValues && ((ParameterValues) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
