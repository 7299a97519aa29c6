package org.neuromf.core.param;

/** An interval of allowed values; either end may be open, closed or infinite. NaN and infinities are never inside. */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public static final Range POSITIVE = new Range(0, false, Double.POSITIVE_INFINITY, false);
    public static final Range PROBABILITY = closed(0, 1);

    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
        }
    }

    /** [min, max]; an infinite end is treated as open. */
    public static Range closed(double min, double max) {
        return new Range(min, true, max, true);
    }

    /** (min, max]. */
    public static Range aboveUpTo(double min, double max) {
        return new Range(min, false, max, true);
    }

    public boolean contains(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    @Override
    public String toString() {
        return (minInclusive && Double.isFinite(min) ? "[" : "(") + format(min) + ", " + format(max)
                + (maxInclusive && Double.isFinite(max) ? "]" : ")");
    }

    /** The range followed by the unit's symbol, {@code [0, inf) Hz}; just the range for a number without unit. */
    public String withUnit(Unit unit) {
        return unit.symbol().isEmpty() ? toString() : this + " " + unit.symbol();
    }

    /** Numbers as people write them: integers without a decimal point, others in shortest form. */
    public static String format(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
