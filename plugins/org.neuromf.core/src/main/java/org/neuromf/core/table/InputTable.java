package org.neuromf.core.table;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.Range;
import org.neuromf.core.param.Unit;

/**
 * A table as an operation reads it: every value it hands out is checked, and a refused one is
 * reported with the table (its file when it came from one), the row (1-based, counting the data
 * rows below the header), the column, the value and what is allowed, such as
 * {@code rates.csv row 5, column rate_exc_hz: 'abc' is not a number; allowed: [0, inf) Hz}. The unit
 * of a column is the one its name ends with. Operations read their inputs through it before any work.
 * A text column whose cells are numbers (as a KNIME string column may be) is read as numbers.
 */
public final class InputTable {

    /** Rates, input frequencies, SDs, conductances. */
    public static final Range NON_NEGATIVE = Range.closed(0, Double.POSITIVE_INFINITY);
    /** Any finite number. */
    public static final Range FINITE = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

    private final Table table;
    private final String name;

    private InputTable(Table table, String name) {
        this.table = table;
        this.name = name;
    }

    /** The table, named in messages by where it came from, else by {@code otherwise} ("the rates table"). */
    public static InputTable of(Table table, String otherwise) {
        return new InputTable(table, table.sourceOr(otherwise));
    }

    public String name() {
        return name;
    }

    public Table table() {
        return table;
    }

    public int rowCount() {
        return table.rowCount();
    }

    /** Refuses a table with fewer than {@code min} rows; {@code why} ends the message (": ..."), or is empty. */
    public InputTable requireRows(int min, String why) {
        int rows = table.rowCount();
        if (rows < min) {
            String has = rows == 0 ? name + " has no rows" : name + " has only " + rows + (rows == 1 ? " row" : " rows");
            throw new IllegalArgumentException(has + "; it needs at least " + min + (min == 1 ? " row" : " rows") + why);
        }
        return this;
    }

    /** The index of a column that must exist; the message lists the columns there are. */
    public int column(String column) {
        return table.schema().require(column, name);
    }

    public boolean has(String column) {
        return table.schema().indexOf(column) >= 0;
    }

    /** "rates.csv row 5": where a row is, for messages. */
    public String row(int row) {
        return name + " row " + (row + 1);
    }

    /** The same refusal with the table and row in front, for checks made on values read from a row. */
    public ParameterException atRow(int row, ParameterException e) {
        ParameterException located = new ParameterException(e.key(), row(row) + ": " + e.getMessage());
        located.initCause(e);
        return located;
    }

    /** Every value of a numeric column, each a number inside {@code allowed}. */
    public double[] numbers(String column, Range allowed) {
        int c = column(column);
        double[] values = new double[table.rowCount()];
        for (int r = 0; r < values.length; r++) {
            values[r] = checked(r, c, allowed, false);
        }
        return values;
    }

    /** Times (ms): finite, and each later than the one in the row before. */
    public double[] times(String column) {
        double[] t = numbers(column, FINITE);
        for (int r = 1; r < t.length; r++) {
            if (!(t[r] > t[r - 1])) {
                throw new ParameterException(column, where(r, column) + ": " + Range.format(t[r]) + " is not after "
                        + Range.format(t[r - 1]) + " in the row before; times must increase from row to row");
            }
        }
        return t;
    }

    /** The number in one cell, inside {@code allowed}. */
    public double number(int row, String column, Range allowed) {
        return checked(row, column(column), allowed, false);
    }

    /** The number in one cell, inside {@code allowed}, or NaN when the cell is empty. */
    public double optionalNumber(int row, String column, Range allowed) {
        return checked(row, column(column), allowed, true);
    }

    /** The whole number in one cell, inside [min, max]. */
    public int whole(int row, String column, int min, int max) {
        double v = checked(row, column(column), Range.closed(min, max), false);
        if (v != Math.rint(v)) {
            throw new ParameterException(column, where(row, column) + ": " + Range.format(v) + " is not a whole number;"
                    + " allowed: " + allowed(column, Range.closed(min, max)));
        }
        return (int) v;
    }

    /** The text in one cell, which must not be empty. */
    public String text(int row, String column) {
        Object value = table.get(row, column(column)); // a name such as 1 may have made the column numeric
        String s = value == null ? null : value.toString();
        if (s == null || s.isBlank()) {
            throw new ParameterException(column, where(row, column) + " is empty; it must not be");
        }
        return s;
    }

    private double checked(int row, int c, Range allowed, boolean optional) {
        String column = table.schema().column(c).name();
        double v;
        if (table.schema().column(c).type() == ColumnType.STRING) {
            String s = table.getString(row, c);
            try {
                v = s == null ? Double.NaN : Csv.number(s);
            } catch (NumberFormatException e) {
                throw new ParameterException(column, where(row, column) + ": '" + s + "' is not a number; allowed: "
                        + allowed(column, allowed));
            }
        } else {
            v = table.getDouble(row, c);
        }
        if (Double.isNaN(v)) {
            if (optional) {
                return v;
            }
            throw new ParameterException(column, where(row, column) + " is empty (or NaN); allowed: "
                    + allowed(column, allowed));
        }
        if (Double.isInfinite(v)) {
            throw new ParameterException(column, where(row, column) + ": " + Range.format(v) + " is not a finite number;"
                    + " allowed: " + allowed(column, allowed));
        }
        if (!allowed.contains(v)) {
            throw new ParameterException(column, where(row, column) + ": " + Range.format(v)
                    + " is outside the allowed range " + allowed(column, allowed));
        }
        return v;
    }

    private String where(int row, String column) {
        return row(row) + ", column " + column;
    }

    private static String allowed(String column, Range range) {
        if (range.equals(FINITE)) {
            return "any finite number";
        }
        Unit unit = Unit.NONE;
        for (Unit u : Unit.values()) {
            if (column.endsWith("_" + u.suffix()) && u.suffix().length() > unit.suffix().length()) {
                unit = u; // the longest suffix: x_per_ms is in 1/ms, not ms
            }
        }
        return range.withUnit(unit);
    }
}
