package org.neuromf.core.operation;

/** An input or output table of an operation. */
public record Port(String name, String description, boolean optional) {

    public static Port required(String name, String description) {
        return new Port(name, description, false);
    }

    public static Port optional(String name, String description) {
        return new Port(name, description, true);
    }
}
