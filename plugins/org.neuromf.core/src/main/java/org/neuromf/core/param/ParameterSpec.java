package org.neuromf.core.param;

import java.util.List;
import java.util.Locale;

/**
 * A typed parameter: its key (the setting key, CSV column and command-line flag all derive from
 * it), label, description, default and allowed values. Values are held in the customary unit the
 * key names; {@link ParameterValues#si} converts once into the engine's SI.
 */
public sealed interface ParameterSpec permits ParameterSpec.Real, ParameterSpec.Whole, ParameterSpec.Choice,
        ParameterSpec.Flag, ParameterSpec.Text {

    /** snake_case, with the unit as suffix where there is one: {@code tstop_ms}. */
    String key();

    String label();

    String description();

    Object defaultValue();

    /** The value in canonical form (Double, Long, String, Boolean), or a ParameterException. */
    Object check(Object value);

    /** Reads the value from text, as typed on a command line or in a CSV cell. */
    Object parse(String text);

    /** What is allowed, for messages and documentation. */
    String allowed();

    /** The unit, {@link Unit#NONE} where there is none. */
    default Unit unit() {
        return Unit.NONE;
    }

    /** The key without its unit suffix, with dashes: {@code tstop_ms} is {@code tstop}. */
    default String flagName() {
        String key = key();
        String suffix = unit().suffix();
        String base = suffix.isEmpty() ? key : key.substring(0, key.length() - suffix.length() - 1);
        return base.replace('_', '-');
    }

    /** A real number in a unit, inside a range. */
    record Real(String key, String label, Unit unit, Double defaultValue, Range range, String description)
            implements ParameterSpec {
        public Real {
            if (!unit.suffix().isEmpty() && !key.endsWith("_" + unit.suffix())) {
                throw new IllegalArgumentException(key + ": key must end with _" + unit.suffix());
            }
            if (!range.contains(defaultValue)) {
                throw new IllegalArgumentException(key + ": default " + defaultValue + " outside " + range);
            }
        }

        /** A real parameter whose key is {@code base} plus the unit suffix. */
        public static Real of(String base, String label, Unit unit, double defaultValue, Range range,
                String description) {
            return new Real(unit.key(base), label, unit, defaultValue, range, description);
        }

        @Override
        public Object check(Object value) {
            if (!(value instanceof Number)) {
                throw new ParameterException(key, key + " = " + value + " is not a number; allowed range " + range);
            }
            double v = ((Number) value).doubleValue();
            if (!range.contains(v)) {
                throw ParameterException.outOfRange(key, Range.format(v), rangeWithUnit(), null);
            }
            return v;
        }

        @Override
        public Object parse(String text) {
            try {
                return check(Double.valueOf(text.trim()));
            } catch (NumberFormatException e) {
                throw new ParameterException(key, key + " = '" + text + "' is not a number; allowed range "
                        + rangeWithUnit());
            }
        }

        @Override
        public String allowed() {
            return rangeWithUnit();
        }

        private String rangeWithUnit() {
            return unit.symbol().isEmpty() ? range.toString() : range + " " + unit.symbol();
        }
    }

    /** A whole number (counts, seeds) inside a range. */
    record Whole(String key, String label, Long defaultValue, long min, long max, String description)
            implements ParameterSpec {
        public Whole {
            if (defaultValue < min || defaultValue > max) {
                throw new IllegalArgumentException(key + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
            }
        }

        public Whole(String key, String label, long defaultValue, long min, long max, String description) {
            this(key, label, Long.valueOf(defaultValue), min, max, description);
        }

        @Override
        public Object check(Object value) {
            if (!(value instanceof Number)) {
                throw new ParameterException(key, key + " = " + value + " is not a whole number; allowed " + allowed());
            }
            Number n = (Number) value;
            double d = n.doubleValue();
            if (Double.isNaN(d) || d != Math.rint(d) || d < min || d > max) {
                throw ParameterException.outOfRange(key, value, allowed(), d == Math.rint(d) ? null : "must be a whole number");
            }
            return n instanceof Long ? n : Long.valueOf(n.longValue());
        }

        @Override
        public Object parse(String text) {
            try {
                return check(Long.valueOf(text.trim()));
            } catch (NumberFormatException e) {
                try {
                    return check(Double.valueOf(text.trim()));
                } catch (NumberFormatException e2) {
                    throw new ParameterException(key, key + " = '" + text + "' is not a whole number; allowed " + allowed());
                }
            }
        }

        @Override
        public String allowed() {
            return "[" + min + ", " + max + "]";
        }
    }

    /** One of a fixed list of names; matching ignores case and returns the canonical spelling. */
    record Choice(String key, String label, List<String> choices, String defaultValue, String description)
            implements ParameterSpec {
        public Choice {
            choices = List.copyOf(choices);
            if (!choices.contains(defaultValue)) {
                throw new IllegalArgumentException(key + ": default " + defaultValue + " not in " + choices);
            }
        }

        /** The constants of an enum, named in lower case: {@code POISSON} is offered as {@code poisson}. */
        public static <E extends Enum<E>> Choice of(String key, String label, Class<E> type, E defaultValue,
                String description) {
            List<String> names = new java.util.ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name().toLowerCase(Locale.ROOT));
            }
            return new Choice(key, label, names, defaultValue.name().toLowerCase(Locale.ROOT), description);
        }

        @Override
        public Object check(Object value) {
            if (value != null) {
                String text = value.toString().trim();
                for (String c : choices) {
                    if (c.equalsIgnoreCase(text)) {
                        return c;
                    }
                }
            }
            throw new ParameterException(key, key + " = '" + value + "' is not one of " + allowed());
        }

        @Override
        public Object parse(String text) {
            return check(text);
        }

        @Override
        public String allowed() {
            return String.join(", ", choices);
        }
    }

    /** true or false. */
    record Flag(String key, String label, Boolean defaultValue, String description) implements ParameterSpec {
        @Override
        public Object check(Object value) {
            if (value instanceof Boolean) {
                return value;
            }
            throw new ParameterException(key, key + " = " + value + " is not true or false");
        }

        @Override
        public Object parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("yes") || t.equals("1")) {
                return Boolean.TRUE;
            }
            if (t.equals("false") || t.equals("no") || t.equals("0")) {
                return Boolean.FALSE;
            }
            throw new ParameterException(key, key + " = '" + text + "' is not true or false");
        }

        @Override
        public String allowed() {
            return "true, false";
        }
    }

    /** Free text, such as a name; never null. */
    record Text(String key, String label, String defaultValue, String description) implements ParameterSpec {
        @Override
        public Object check(Object value) {
            if (value == null) {
                throw new ParameterException(key, key + " must not be empty");
            }
            return value.toString();
        }

        @Override
        public Object parse(String text) {
            return check(text);
        }

        @Override
        public String allowed() {
            return "any text";
        }
    }
}
