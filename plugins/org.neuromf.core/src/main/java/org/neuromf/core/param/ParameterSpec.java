package org.neuromf.core.param;

import java.math.BigDecimal;
import java.math.BigInteger;
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
                throw ParameterException.outOfRange(key, Range.format(v), range.withUnit(unit), null);
            }
            return v;
        }

        @Override
        public Object parse(String text) {
            try {
                return check(Double.valueOf(text.trim()));
            } catch (NumberFormatException e) {
                throw new ParameterException(key, key + " = '" + text + "' is not a number; allowed range "
                        + range.withUnit(unit));
            }
        }

        @Override
        public String allowed() {
            return range.withUnit(unit);
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
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return exact(BigDecimal.valueOf(((Number) value).longValue()), value.toString());
            }
            if (value instanceof BigDecimal d) {
                return exact(d, d.toString());
            }
            if (value instanceof BigInteger i) {
                return exact(new BigDecimal(i), i.toString());
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (!Double.isFinite(d)) {
                    throw ParameterException.outOfRange(key, Range.format(d), allowed(), null);
                }
                return exact(new BigDecimal(d), Range.format(d)); // the double's exact value, no rounding
            }
            throw new ParameterException(key, key + " = " + value + " is not a whole number; allowed " + allowed());
        }

        /** Compared and converted exactly, never through a double, so that 2^63 is not taken for 2^63 - 1. */
        private Long exact(BigDecimal value, String shown) {
            if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
                throw new ParameterException(key, key + " = " + shown + " is not a whole number; allowed " + allowed());
            }
            if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw ParameterException.outOfRange(key, shown, allowed(), null);
            }
            return value.longValueExact();
        }

        /** Reads a whole number exactly: {@code 12}, {@code 1e3}, {@code 1.0E3}; not {@code 2.5}. */
        @Override
        public Object parse(String text) {
            String t = text.trim();
            BigDecimal value;
            try {
                value = new BigDecimal(t);
            } catch (NumberFormatException e) {
                throw new ParameterException(key, key + " = '" + text + "' is not a whole number; allowed " + allowed());
            }
            return exact(value, t);
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
