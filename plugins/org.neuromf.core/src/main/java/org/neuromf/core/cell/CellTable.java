package org.neuromf.core.cell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.InputTable;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * Cells as table rows: {@code cell} (name), {@code cell_model} (HH, AdEx, ML), then every parameter
 * of the family, one column each, named by its key ({@code gl_ns}, {@code cm_pf}, ...). A table may
 * hold cells of several families: it then has the union of their columns, missing where a
 * parameter does not apply.
 */
public final class CellTable {

    public static final ColumnSpec NAME = ColumnSpec.text("cell", "name of the cell (its preset, or a custom name)");
    public static final ColumnSpec MODEL = ColumnSpec.text("cell_model", "cell family: HH, AdEx or ML");

    private CellTable() {
    }

    /** The parameter columns of these families, each once, in family order. */
    public static List<ColumnSpec> parameterColumns(List<CellFamily> families) {
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        for (CellFamily f : families) {
            for (ParameterSpec s : f.parameters()) {
                cols.putIfAbsent(s.key(), ColumnSpec.real(s.key(), s.label() + ": " + s.description()));
            }
        }
        return new ArrayList<>(cols.values());
    }

    /** The families whose every parameter has a column in this schema, in family order. */
    public static List<CellFamily> familiesIn(TableSchema schema) {
        List<CellFamily> found = new ArrayList<>();
        for (CellFamily f : CellFamily.values()) {
            boolean all = true;
            for (ParameterSpec s : f.parameters()) {
                all &= schema.indexOf(s.key()) >= 0;
            }
            if (all) {
                found.add(f);
            }
        }
        return found;
    }

    /**
     * The cell families of a table that must hold a cell; the message names the table ({@code what})
     * and lists its columns when it holds none.
     */
    public static List<CellFamily> requireFamilies(TableSchema schema, String what) {
        List<CellFamily> found = familiesIn(schema);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " has the columns of no cell family; connect the output of"
                    + " a Cell Model. Its columns are: " + String.join(", ", schema.names()));
        }
        return found;
    }

    public static TableSchema schema(CellFamily family) {
        List<ColumnSpec> cols = new ArrayList<>(List.of(NAME, MODEL));
        cols.addAll(parameterColumns(List.of(family)));
        return new TableSchema(cols);
    }

    /** The cell's values for the given columns of a row: name, family label, then parameters (NaN where none). */
    public static List<Object> rowValues(Cell cell, List<ColumnSpec> parameterColumns) {
        List<Object> row = new ArrayList<>(List.of(cell.name(), cell.family().label()));
        Map<String, Object> values = cell.parameters().asMap();
        for (ColumnSpec c : parameterColumns) {
            row.add(values.getOrDefault(c.name(), Double.NaN));
        }
        return row;
    }

    public static Table toTable(Cell cell) {
        TableSchema schema = schema(cell.family());
        return Table.builder(schema).addRow(rowValues(cell, schema.columns().subList(2, schema.size())).toArray()).build();
    }

    /** The one cell of a cell table; {@code what} names the table in messages ("cell table"). */
    public static Cell single(Table table, String what) {
        InputTable in = InputTable.of(table, "the " + what);
        if (table.rowCount() != 1) {
            throw new IllegalArgumentException(in.name() + " has " + table.rowCount() + " rows; it must hold exactly one"
                    + " cell");
        }
        return fromRow(table, 0, what);
    }

    /**
     * The cell in row {@code row}; {@code what} names the table in messages when it did not come
     * from a file ("cell table", "network table"). Values are checked against the family's
     * parameter ranges, and a refusal names the table and the row.
     */
    public static Cell fromRow(Table table, int row, String what) {
        InputTable in = InputTable.of(table, "the " + what);
        String name = in.text(row, NAME.name());
        CellFamily family;
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            family = CellFamily.byLabel(in.text(row, MODEL.name()));
        } catch (ParameterException e) {
            throw in.atRow(row, e);
        }
        for (ParameterSpec s : family.parameters()) {
            values.put(s.key(), in.number(row, s.key(), InputTable.FINITE));
        }
        try {
            return family.create(name, values);
        } catch (ParameterException e) {
            throw in.atRow(row, e);
        }
    }
}
