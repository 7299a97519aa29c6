package org.neuromf.knime;

import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.ColumnType;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * The KNIME-free half of the engine-table / KNIME-table mapping: an engine table as rows of boxed
 * cell values (Double, Integer, Long, String; null for a missing value, which is NaN or null in
 * the engine), and rows back into an engine table. The KNIME half only turns these values into
 * DataCells and back; column names and types pass through unchanged.
 */
public final class TableRows {

    private TableRows() {
    }

    /** The values of row r, null where missing. */
    public static Object[] row(Table table, int r) {
        Object[] values = new Object[table.columnCount()];
        for (int c = 0; c < values.length; c++) {
            Object v = table.get(r, c);
            values[c] = v instanceof Double d && Double.isNaN(d) ? null : v;
        }
        return values;
    }

    /** Collects rows of values (null for missing) into an engine table of the given schema. */
    public static final class Collector {
        private final TableSchema schema;
        private final Table.Builder builder;
        private int count;

        public Collector(TableSchema schema) {
            this.schema = schema;
            this.builder = Table.builder(schema);
        }

        public void add(Object[] values) {
            if (values.length != schema.size()) {
                throw new IllegalArgumentException(values.length + " values for " + schema.size() + " columns");
            }
            for (int c = 0; c < values.length; c++) {
                ColumnSpec spec = schema.column(c);
                if (values[c] == null && (spec.type() == ColumnType.INT || spec.type() == ColumnType.LONG)) {
                    throw new IllegalArgumentException("column " + spec.name() + ", row " + (count + 1)
                            + ": a missing value where a " + spec.type().name().toLowerCase() + " is needed");
                }
            }
            builder.addRow(values);
            count++;
        }

        public Table build() {
            return builder.build();
        }
    }
}
