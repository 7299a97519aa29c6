package org.neuromf.workflow;

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

    private SettingsMapping() {
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
