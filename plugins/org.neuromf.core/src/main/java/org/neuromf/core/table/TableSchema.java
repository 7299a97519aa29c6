package org.neuromf.core.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The ordered columns of a table; names are unique. */
public record TableSchema(List<ColumnSpec> columns) implements java.io.Serializable {

    public TableSchema {
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (ColumnSpec c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("duplicate column " + c.name());
            }
        }
    }

    public static TableSchema of(ColumnSpec... columns) {
        return new TableSchema(List.of(columns));
    }

    public int size() {
        return columns.size();
    }

    public ColumnSpec column(int index) {
        return columns.get(index);
    }

    /** The index of a column, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of a column that must exist; the message lists the columns there are. */
    public int require(String name, String tableName) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(tableName + " has no column '" + name + "'; its columns are: "
                    + String.join(", ", names()));
        }
        return i;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (ColumnSpec c : columns) {
            names.add(c.name());
        }
        return names;
    }
}
