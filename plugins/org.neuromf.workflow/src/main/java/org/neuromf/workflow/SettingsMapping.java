package org.neuromf.workflow;

import java.util.Map;
import java.util.Set;

import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.Range;

/**
 * How a parameter becomes a KNIME setting, defined without KNIME: the setting key is the parameter
 * key; reals are doubles bounded by their range, whole numbers longs (ints where the range fits),
 * choices and texts strings, flags booleans. Values go in and come back unchanged.
 */
public final class SettingsMapping {

    /** The KNIME settings model a parameter maps to. */
    public enum Kind {
        DOUBLE, INTEGER, LONG, CHOICE, STRING, BOOLEAN
    }

    /**
     * Per node, the parameters added after workflows were first saved, with the value that a saved
     * setting without them computed with: such a workflow loads and computes as it did (the
     * network's binomial in-degrees and whole-Q delivery, the unweighted fit, Poisson scans), until it is saved again.
     */
    private static final Map<String, Map<String, Object>> SAVED_BEFORE = Map.of(
            "network-builder", Map.of("in_degree", "binomial"),
            "network-simulation", Map.of("synaptic_timing", "step"),
            "transfer-function-fit", Map.of("weighting", "none"),
            "transfer-function-scan", Map.ofEntries(Map.entry("target_spikes", 0L), Map.entry("max_seeds", 200L),
                    Map.entry("input_trains", "poisson"), Map.entry("isi_refractory_exc_ms", 0.0),
                    Map.entry("isi_cv_exc", 1.0), Map.entry("isi_refractory_inh_ms", 0.0), Map.entry("isi_cv_inh", 1.0),
                    Map.entry("in_degree", "fixed"), Map.entry("slow_currents", "paper"), Map.entry("held_w_pa", 0.0),
                    Map.entry("held_p", 0.0)),
            "mean-field", Map.of("slow_currents", "paper"),
            "mean-field-sweep", Map.of("slow_currents", "paper"),
            "self-consistent-transfer", Map.of("slow_currents", "paper"));

    private SettingsMapping() {
    }

    /**
     * The value a setting of node {@code nodeId} saved before parameter {@code s} existed stands
     * for, in canonical form; null when the parameter was always there (its absence is an error).
     */
    /** The keys of the parameters of node {@code nodeId} added after workflows were first saved. */
    public static Set<String> addedLater(String nodeId) {
        return SAVED_BEFORE.getOrDefault(nodeId, Map.of()).keySet();
    }

    public static Object savedBefore(String nodeId, ParameterSpec s) {
        Object v = SAVED_BEFORE.getOrDefault(nodeId, Map.of()).get(s.key());
        return v == null ? null : s.check(v);
    }

    public static Kind kind(ParameterSpec s) {
        if (s instanceof ParameterSpec.Real) {
            return Kind.DOUBLE;
        }
        if (s instanceof ParameterSpec.Whole w) {
            return w.min() >= Integer.MIN_VALUE && w.max() <= Integer.MAX_VALUE ? Kind.INTEGER : Kind.LONG;
        }
        if (s instanceof ParameterSpec.Choice) {
            return Kind.CHOICE;
        }
        if (s instanceof ParameterSpec.Flag) {
            return Kind.BOOLEAN;
        }
        return Kind.STRING;
    }

    /** The setting's value for a parameter value in canonical form (Double, Long, String, Boolean). */
    public static Object toSetting(ParameterSpec s, Object value) {
        Object v = s.check(value);
        return kind(s) == Kind.INTEGER ? (Object) Math.toIntExact((Long) v) : v;
    }

    /** The parameter value of a setting's value. */
    public static Object fromSetting(ParameterSpec s, Object setting) {
        if (setting instanceof Integer i) {
            return s.check(i.longValue());
        }
        return s.check(setting);
    }

    /** Bounds of a numeric setting, the closed hull of the allowed range (open ends are checked by the spec). */
    public static double lowerBound(ParameterSpec s) {
        if (s instanceof ParameterSpec.Real r) {
            return r.range().min();
        }
        return ((ParameterSpec.Whole) s).min();
    }

    public static double upperBound(ParameterSpec s) {
        if (s instanceof ParameterSpec.Real r) {
            return r.range().max();
        }
        return ((ParameterSpec.Whole) s).max();
    }

    /** The dialog label: the parameter's label with its unit, {@code Duration (ms)}. */
    public static String label(ParameterSpec s) {
        String unit = s.unit().symbol();
        return unit.isEmpty() ? s.label() : s.label() + " (" + unit + ")";
    }

    /** The tooltip and description: what it is, its default and what is allowed. */
    public static String help(ParameterSpec s) {
        Object d = s.defaultValue();
        String def = d instanceof Double x ? Range.format(x) : String.valueOf(d);
        String unit = s.unit().symbol().isEmpty() ? "" : " " + s.unit().symbol();
        String what = s.description().isEmpty() ? "" : Character.toUpperCase(s.description().charAt(0))
                + s.description().substring(1) + ". ";
        return what + "Default " + (def.isEmpty() ? "empty" : def + unit) + "; allowed " + s.allowed() + ".";
    }
}
