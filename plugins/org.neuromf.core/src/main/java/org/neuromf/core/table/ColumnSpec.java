package org.neuromf.core.table;

import java.util.regex.Pattern;

/** A column: snake_case name with the unit as suffix ({@code rate_hz}), type and description. */
public record ColumnSpec(String name, ColumnType type, String description) implements java.io.Serializable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public ColumnSpec {
        if (!isName(name)) {
            throw new IllegalArgumentException("column name '" + Csv.visible(name) + "' is not snake_case");
        }
    }

    /** Whether the text is a column name: lower-case letters, digits and _, starting with a letter. */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    public static ColumnSpec real(String name, String description) {
        return new ColumnSpec(name, ColumnType.DOUBLE, description);
    }

    public static ColumnSpec integer(String name, String description) {
        return new ColumnSpec(name, ColumnType.INT, description);
    }

    public static ColumnSpec text(String name, String description) {
        return new ColumnSpec(name, ColumnType.STRING, description);
    }
}
