package org.neuromf.core.table;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable, column-oriented table: one primitive array per column (double[], int[], long[] or
 * String[]). A missing double is NaN, a missing string null. This is the engine's side of a KNIME
 * BufferedDataTable and of a CSV file. It may remember where it came from ({@link #source}), so that
 * messages can name the file; equality ignores that. Serializable, so that a run's inputs can travel
 * to another machine (a sweep's runs on Spark).
 */
public final class Table implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final TableSchema schema;
    private final Object[] columns;
    private final int rows;
    private final String source;

    private Table(TableSchema schema, Object[] columns, int rows, String source) {
        this.schema = schema;
        this.columns = columns;
        this.rows = rows;
        this.source = source;
    }

    /**
     * A table from whole columns, which it takes over (the caller must not change them). Each
     * column must be an array of the column type's primitive and all must have the same length.
     */
    public static Table ofColumns(TableSchema schema, Object... columns) {
        if (columns.length != schema.size()) {
            throw new IllegalArgumentException(schema.size() + " columns declared, " + columns.length + " given");
        }
        int rows = -1;
        for (int c = 0; c < columns.length; c++) {
            int n = lengthOf(schema.column(c), columns[c]);
            if (rows >= 0 && n != rows) {
                throw new IllegalArgumentException("column " + schema.column(c).name() + " has " + n + " rows, not " + rows);
            }
            rows = n;
        }
        return new Table(schema, columns.clone(), Math.max(rows, 0), null);
    }

    private static int lengthOf(ColumnSpec spec, Object column) {
        switch (spec.type()) {
            case DOUBLE:
                if (column instanceof double[]) {
                    return ((double[]) column).length;
                }
                break;
            case INT:
                if (column instanceof int[]) {
                    return ((int[]) column).length;
                }
                break;
            case LONG:
                if (column instanceof long[]) {
                    return ((long[]) column).length;
                }
                break;
            case STRING:
                if (column instanceof String[]) {
                    return ((String[]) column).length;
                }
                break;
            default:
        }
        throw new IllegalArgumentException("column " + spec.name() + " of type " + spec.type() + " cannot hold "
                + (column == null ? "null" : column.getClass().getSimpleName()));
    }

    /** The named columns only, in the order given (they are shared, not copied: tables are immutable). */
    public Table select(String... names) {
        ColumnSpec[] specs = new ColumnSpec[names.length];
        Object[] selected = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            int c = schema.require(names[i], sourceOr("the table"));
            specs[i] = schema.column(c);
            selected[i] = columns[c];
        }
        return new Table(TableSchema.of(specs), selected, rows, source);
    }

    /** The same table, remembered as coming from {@code source} (a file path as the user gave it), for messages. */
    public Table withSource(String source) {
        return new Table(schema, columns, rows, source);
    }

    /** Where the table came from (e.g. the file it was read from), or null when it was made in memory. */
    public String source() {
        return source;
    }

    /** The table's name in messages: where it came from, else {@code otherwise} (e.g. "the rates table"). */
    public String sourceOr(String otherwise) {
        return source == null ? otherwise : source;
    }

    public static Builder builder(TableSchema schema) {
        return new Builder(schema);
    }

    public TableSchema schema() {
        return schema;
    }

    public int rowCount() {
        return rows;
    }

    public int columnCount() {
        return schema.size();
    }

    public double getDouble(int row, int column) {
        Object c = columns[column];
        if (c instanceof double[]) {
            return ((double[]) c)[row];
        }
        if (c instanceof int[]) {
            return ((int[]) c)[row];
        }
        if (c instanceof long[]) {
            return ((long[]) c)[row];
        }
        throw new IllegalArgumentException("column " + schema.column(column).name() + of() + " is text, not a number");
    }

    public int getInt(int row, int column) {
        Object c = columns[column];
        if (c instanceof int[]) {
            return ((int[]) c)[row];
        }
        if (c instanceof long[]) {
            return Math.toIntExact(((long[]) c)[row]);
        }
        throw new IllegalArgumentException("column " + schema.column(column).name() + of() + " is not a whole number");
    }

    public long getLong(int row, int column) {
        Object c = columns[column];
        if (c instanceof long[]) {
            return ((long[]) c)[row];
        }
        return getInt(row, column);
    }

    public String getString(int row, int column) {
        Object c = columns[column];
        if (c instanceof String[]) {
            return ((String[]) c)[row];
        }
        throw new IllegalArgumentException("column " + schema.column(column).name() + of() + " is a number, not text");
    }

    private String of() {
        return source == null ? "" : " of " + source;
    }

    /** The cell as an object (Double, Integer, Long, String), null where missing. */
    public Object get(int row, int column) {
        Object c = columns[column];
        if (c instanceof double[]) {
            double v = ((double[]) c)[row];
            return Double.isNaN(v) ? null : v;
        }
        if (c instanceof int[]) {
            return ((int[]) c)[row];
        }
        if (c instanceof long[]) {
            return ((long[]) c)[row];
        }
        return ((String[]) c)[row];
    }

    public double getDouble(int row, String column) {
        return getDouble(row, schema.require(column, sourceOr("the table")));
    }

    public String getString(int row, String column) {
        return getString(row, schema.require(column, sourceOr("the table")));
    }

    /** A copy of a numeric column. */
    public double[] doubleColumn(String name) {
        int c = schema.require(name, sourceOr("the table"));
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = getDouble(r, c);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Table)) {
            return false;
        }
        Table t = (Table) o;
        if (!t.schema.equals(schema) || t.rows != rows) {
            return false;
        }
        for (int c = 0; c < columns.length; c++) {
            if (!Arrays.deepEquals(new Object[] {columns[c]}, new Object[] {t.columns[c]})) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return schema.hashCode() * 31 + rows;
    }

    @Override
    public String toString() {
        return "Table" + schema.names() + " with " + rows + " rows" + (source == null ? "" : " from " + source);
    }

    /** Builds a table row by row; for large tables build the column arrays directly. */
    public static final class Builder {
        private final TableSchema schema;
        private final List<Object[]> rows = new java.util.ArrayList<>();

        private Builder(TableSchema schema) {
            this.schema = schema;
        }

        /** One row, one value per column: Number for numeric columns, String (or null) for text. */
        public Builder addRow(Object... values) {
            if (values.length != schema.size()) {
                throw new IllegalArgumentException("row has " + values.length + " values, table has " + schema.size() + " columns");
            }
            rows.add(values.clone());
            return this;
        }

        public Table build() {
            int n = rows.size();
            Object[] columns = new Object[schema.size()];
            for (int c = 0; c < columns.length; c++) {
                ColumnSpec spec = schema.column(c);
                switch (spec.type()) {
                    case DOUBLE: {
                        double[] col = new double[n];
                        for (int r = 0; r < n; r++) {
                            Object v = rows.get(r)[c];
                            col[r] = v == null ? Double.NaN : ((Number) v).doubleValue();
                        }
                        columns[c] = col;
                        break;
                    }
                    case INT: {
                        int[] col = new int[n];
                        for (int r = 0; r < n; r++) {
                            col[r] = ((Number) rows.get(r)[c]).intValue();
                        }
                        columns[c] = col;
                        break;
                    }
                    case LONG: {
                        long[] col = new long[n];
                        for (int r = 0; r < n; r++) {
                            col[r] = ((Number) rows.get(r)[c]).longValue();
                        }
                        columns[c] = col;
                        break;
                    }
                    default: {
                        String[] col = new String[n];
                        for (int r = 0; r < n; r++) {
                            Object v = rows.get(r)[c];
                            col[r] = v == null ? null : v.toString();
                        }
                        columns[c] = col;
                    }
                }
            }
            return new Table(schema, columns, n, null);
        }
    }
}
