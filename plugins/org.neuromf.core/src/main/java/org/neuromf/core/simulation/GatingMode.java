package org.neuromf.core.simulation;

/** How Hodgkin-Huxley gating coefficients are evaluated each step. */
public enum GatingMode {
    /** Tabulated every 0.01 mV and interpolated linearly (default; see GatingTable for the error). */
    TABULATED("tabulated"),
    /** Rate functions evaluated with exp at every step, as Brian2 does. */
    EXACT("exact");

    private final String label;

    GatingMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static GatingMode byLabel(String label) {
        for (GatingMode g : values()) {
            if (g.label.equalsIgnoreCase(label)) {
                return g;
            }
        }
        throw new IllegalArgumentException("gating = '" + label + "' is not one of tabulated, exact");
    }
}
