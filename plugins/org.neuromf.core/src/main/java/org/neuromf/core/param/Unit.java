package org.neuromf.core.param;

/**
 * The customary units a person sees. The engine works in SI; values cross into it once, through
 * {@link #toSI(double)}, and out of it through {@link #fromSI(double)}.
 */
public enum Unit {
    MILLIVOLT("mV", "mv", 1e-3),
    VOLT("V", "v", 1.0),
    MILLISECOND("ms", "ms", 1e-3),
    NANOSIEMENS("nS", "ns", 1e-9),
    PICOFARAD("pF", "pf", 1e-12),
    PICOAMPERE("pA", "pa", 1e-12),
    HERTZ("Hz", "hz", 1.0),
    PER_MILLISECOND("1/ms", "per_ms", 1e3),
    DEGREE("deg", "deg", Math.PI / 180),
    PERCENT("%", "percent", 0.01),
    NONE("", "", 1.0);

    private final String symbol;
    private final String suffix;
    private final double siFactor;

    Unit(String symbol, String suffix, double siFactor) {
        this.symbol = symbol;
        this.suffix = suffix;
        this.siFactor = siFactor;
    }

    /** The printed symbol, e.g. {@code mV}. */
    public String symbol() {
        return symbol;
    }

    /** The snake_case suffix of column names and setting keys, e.g. {@code mv}; empty for NONE. */
    public String suffix() {
        return suffix;
    }

    public double toSI(double value) {
        return value * siFactor;
    }

    /**
     * The SI value in this unit, rounded to 12 significant digits, so that a value typed in this
     * unit comes back exactly as typed after a trip through SI (5 ms, not 5.000000000000001).
     */
    public double fromSI(double value) {
        double v = value / siFactor;
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }

    /** {@code base} with this unit's suffix: {@code "tstop"} becomes {@code "tstop_ms"}. */
    public String key(String base) {
        return suffix.isEmpty() ? base : base + "_" + suffix;
    }
}
