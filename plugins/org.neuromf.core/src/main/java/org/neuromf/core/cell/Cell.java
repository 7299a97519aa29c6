package org.neuromf.core.cell;

import java.util.Objects;

import org.neuromf.core.param.ParameterValues;

/**
 * A single-cell model: its family, a name (the preset it came from, or a custom name) and its
 * parameters in customary units, keyed as in tables and settings. Subclasses expose the same
 * values in SI as final fields for the engine. Immutable; checked on construction.
 */
public abstract class Cell {

    private final String name;
    private final CellFamily family;
    private final ParameterValues parameters;

    Cell(String name, CellFamily family, ParameterValues parameters) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a cell needs a name");
        }
        this.name = name;
        this.family = family;
        this.parameters = ParameterValues.of(family.parameters(), parameters.asMap());
    }

    public final String name() {
        return name;
    }

    public final CellFamily family() {
        return family;
    }

    /** Every parameter, in the units its key names (mV, nS, pF, ms, pA). */
    public final ParameterValues parameters() {
        return parameters;
    }

    /** A copy with another name. */
    public final Cell named(String newName) {
        return family.create(newName, parameters);
    }

    /** A copy with some parameters changed (customary units, checked). */
    public final Cell with(java.util.Map<String, ?> changes) {
        return family.create(name, parameters.with(changes));
    }

    /** Membrane capacitance (F); every family has one. */
    public final double capacitance() {
        return parameters.si("cm_pf");
    }

    /** Leak conductance (S); every family has one. */
    public final double leakConductance() {
        return parameters.si("gl_ns");
    }

    /**
     * The slowest time constant of the cell's own dynamics (s), over every membrane potential: how
     * long the cell takes to forget its initial state. At least the membrane's C/gL.
     */
    public abstract double slowestTimeConstant();

    /** Leak reversal potential (V); every family has one. */
    public final double leakReversal() {
        return parameters.si("el_mv");
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Cell && ((Cell) o).name.equals(name) && ((Cell) o).family == family
                && ((Cell) o).parameters.equals(parameters);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(name, family, parameters);
    }

    @Override
    public String toString() {
        return family.label() + " cell " + name + " " + parameters;
    }
}
