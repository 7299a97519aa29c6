package org.neuromf.core.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.ColumnType;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * A runs table from values written as text: {@code COLUMN=V1,V2,...} lists values,
 * {@code COLUMN=FROM:TO:N} gives N evenly spaced from FROM to TO; combined as a grid (every
 * combination, the first column varying slowest) or as a list (the i-th values of every column
 * together). A column whose values are all whole numbers is whole (LONG), else real when all are
 * numbers, else text.
 */
public final class SweepValues {

    /** Runs a sweep made from values holds at most. */
    public static final int MAX_RUNS = 1_000_000;

    private SweepValues() {
    }

    public static Table runs(List<String> definitions, String combine) {
        if (!combine.equals("grid") && !combine.equals("list")) {
            throw new ParameterException("combine", "combine = '" + combine + "' is not one of grid, list");
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String d : definitions) {
            int eq = d.indexOf('=');
            String name = eq < 0 ? "" : d.substring(0, eq).trim();
            if (eq < 0 || !ColumnSpec.isName(name)) {
                throw new ParameterException("values", "values '" + d + "' must be COLUMN=V1,V2,... or"
                        + " COLUMN=FROM:TO:N with a snake_case column name, e.g. drive_rate_hz=2,4,6");
            }
            if (columns.put(name, values(name, d.substring(eq + 1))) != null) {
                throw new ParameterException("values", "values give column " + name + " twice");
            }
        }
        List<String> names = new ArrayList<>(columns.keySet());
        List<List<String>> lists = new ArrayList<>(columns.values());
        long count = 1;
        for (List<String> l : lists) {
            if (combine.equals("grid")) {
                count *= l.size();
            } else if (l.size() != lists.get(0).size()) {
                throw new ParameterException("values", "combine = list needs lists as long: " + names.get(0) + " has "
                        + lists.get(0).size() + " values, " + names.get(lists.indexOf(l)) + " " + l.size());
            } else {
                count = l.size();
            }
            if (count > MAX_RUNS) {
                throw new ParameterException("values", "the values make more than " + MAX_RUNS + " runs");
            }
        }
        List<ColumnSpec> specs = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            specs.add(new ColumnSpec(names.get(c), type(lists.get(c)), "swept value"));
        }
        Table.Builder b = Table.builder(new TableSchema(specs));
        for (long r = 0; r < count; r++) {
            Object[] row = new Object[names.size()];
            long rest = r;
            for (int c = names.size() - 1; c >= 0; c--) {
                List<String> l = lists.get(c);
                int i = combine.equals("grid") ? (int) (rest % l.size()) : (int) r;
                rest /= combine.equals("grid") ? l.size() : 1;
                row[c] = value(l.get(i), specs.get(c).type());
            }
            b.addRow(row);
        }
        return b.build();
    }

    private static List<String> values(String name, String text) {
        String t = text.trim();
        String[] range = t.split(":", -1);
        if (range.length == 3) {
            double from = number(name, range[0]);
            double to = number(name, range[1]);
            int n;
            try {
                n = Integer.parseInt(range[2].trim());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > MAX_RUNS) {
                throw new ParameterException("values", name + "=" + t + ": N = '" + range[2] + "' must be a whole number"
                        + " in [1, " + MAX_RUNS + "]");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double v = n == 1 ? from : from + (to - from) * i / (n - 1);
                out.add(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        for (String v : t.split(",", -1)) {
            if (v.isBlank()) {
                throw new ParameterException("values", name + "=" + t + " has an empty value");
            }
            out.add(v.trim());
        }
        return out;
    }

    private static double number(String name, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new ParameterException("values", name + ": '" + text + "' is not a finite number (FROM:TO:N)");
    }

    private static ColumnType type(List<String> values) {
        boolean whole = true;
        for (String v : values) {
            try {
                BigDecimal d = new BigDecimal(v);
                whole &= d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
                whole &= d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
            } catch (NumberFormatException e) {
                return ColumnType.STRING;
            }
        }
        return whole ? ColumnType.LONG : ColumnType.DOUBLE;
    }

    private static Object value(String text, ColumnType type) {
        return switch (type) {
            case LONG -> new BigDecimal(text).longValueExact();
            case DOUBLE -> Double.valueOf(text);
            default -> text;
        };
    }
}
