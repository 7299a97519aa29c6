package org.neuromf.knime;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.ColumnType;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/** The KNIME half of the table mapping (see {@link TableRows} for the other): specs, cells, tables. */
final class KnimeTables {

    private KnimeTables() {
    }

    static DataTableSpec spec(TableSchema schema) {
        DataColumnSpec[] columns = new DataColumnSpec[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            ColumnSpec s = schema.column(c);
            columns[c] = new DataColumnSpecCreator(s.name(), type(s.type())).createSpec();
        }
        return new DataTableSpec(columns);
    }

    /** The engine schema of a KNIME table spec: double, int, long and string columns, by compatibility. */
    static TableSchema schema(DataTableSpec spec) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c = 0; c < spec.getNumColumns(); c++) {
            DataColumnSpec s = spec.getColumnSpec(c);
            columns.add(new ColumnSpec(s.getName(), columnType(s), s.getName()));
        }
        return new TableSchema(columns);
    }

    private static DataType type(ColumnType t) {
        switch (t) {
            case DOUBLE:
                return DoubleCell.TYPE;
            case INT:
                return IntCell.TYPE;
            case LONG:
                return LongCell.TYPE;
            default:
                return StringCell.TYPE;
        }
    }

    private static ColumnType columnType(DataColumnSpec s) {
        DataType t = s.getType();
        if (t.isCompatible(IntValue.class)) {
            return ColumnType.INT;
        }
        if (t.isCompatible(LongValue.class)) {
            return ColumnType.LONG;
        }
        if (t.isCompatible(DoubleValue.class)) {
            return ColumnType.DOUBLE;
        }
        return ColumnType.STRING;
    }

    static Table table(BufferedDataTable data) {
        TableSchema schema = schema(data.getDataTableSpec());
        TableRows.Collector rows = new TableRows.Collector(schema);
        for (DataRow row : data) {
            Object[] values = new Object[schema.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = value(row.getCell(c), schema.column(c).type());
            }
            rows.add(values);
        }
        return rows.build();
    }

    private static Object value(DataCell cell, ColumnType type) {
        if (cell.isMissing()) {
            return null;
        }
        switch (type) {
            case INT:
                return ((IntValue) cell).getIntValue();
            case LONG:
                return ((LongValue) cell).getLongValue();
            case DOUBLE:
                return ((DoubleValue) cell).getDoubleValue();
            default:
                return cell instanceof StringValue sv ? sv.getStringValue() : cell.toString();
        }
    }

    static BufferedDataTable table(Table table, ExecutionContext exec) throws CanceledExecutionException {
        BufferedDataContainer out = exec.createDataContainer(spec(table.schema()));
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] values = TableRows.row(table, r);
            DataCell[] cells = new DataCell[values.length];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cell(values[c]);
            }
            out.addRowToTable(new DefaultRow(RowKey.createRowKey((long) r), cells));
            if (r % 10_000 == 0) {
                exec.checkCanceled();
            }
        }
        out.close();
        return out.getTable();
    }

    private static DataCell cell(Object v) {
        if (v == null) {
            return DataType.getMissingCell();
        }
        if (v instanceof Double d) {
            return new DoubleCell(d);
        }
        if (v instanceof Integer i) {
            return new IntCell(i);
        }
        if (v instanceof Long l) {
            return new LongCell(l);
        }
        return new StringCell(v.toString());
    }
}
