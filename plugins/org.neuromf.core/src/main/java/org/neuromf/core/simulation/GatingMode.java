package org.neuromf.core.simulation;

/** How Hodgkin-Huxley gating coefficients are evaluated each step. */
public enum GatingMode {
    /** Tabulated every 0.01 mV and interpolated linearly (default; see GatingTable for the error). */
    TABULATED,
    /** Rate functions evaluated with exp at every step, as Brian2 does. */
    EXACT
}
