package org.neuromf.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.operation.Port;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

/**
 * Any operation (a transfer-function scan, a self-consistent loop, a mean field, ...) once per row
 * of a runs table. Each column of the runs table sets, in the runs of its row, one of:
 * <ul>
 * <li>a parameter of the operation ({@code seeds}, {@code fe_max_hz}, {@code max_iterations});
 * <li>a column of a network input table as in {@link NetworkSweep}: network-wide ({@code drive_rate_hz},
 * {@code p_from_exc}) or prefixed with a population ({@code exc_gm_ns});
 * <li>a column of another input table, in every row of it ({@code gm_ns} of a cell table).
 * </ul>
 * Every row is checked (the operation configured with its values) before the first runs. Rows run
 * one after the other, each with all the operation's threads, so each row gives what one run of the
 * operation with those values gives, bit for bit. Output i is the rows' outputs i one after the
 * other, after a column {@code run} (the row, from 1) and the runs table's columns ({@code sweep_NAME}
 * where the output has a column NAME of its own).
 */
public final class OperationSweep {

    private final Operation operation;
    private final Table runs;
    private final List<List<Table>> inputs = new ArrayList<>();
    private final List<ParameterValues> values = new ArrayList<>();
    private final List<TableSchema> outputSchemas = new ArrayList<>();

    /**
     * @param inputs the operation's input tables, null for an unconnected optional one
     * @param parameters the operation's parameter values besides the swept ones
     */
    public OperationSweep(Operation operation, List<Table> inputs, Table runs, Map<String, Object> parameters) {
        this.operation = operation;
        this.runs = runs;
        if (runs.rowCount() == 0) {
            throw new IllegalArgumentException("the runs table has no rows: give one row per set of values to run");
        }
        List<String> columns = runs.schema().names();
        for (String c : columns) {
            if (c.equals("run")) {
                throw new ParameterException(c, "the runs table has a column run, which the sweep's outputs number the"
                        + " runs with: name it otherwise");
            }
        }
        for (int r = 0; r < runs.rowCount(); r++) {
            Map<String, Object> p = new LinkedHashMap<>(parameters);
            List<Table> in = new ArrayList<>(inputs);
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c);
                Object value = runs.get(r, c);
                if (value == null) {
                    throw new ParameterException(name, "row " + (r + 1) + " of the runs table has no value for " + name);
                }
                Placement where = placement(name, inputs);
                if (where == null) {
                    p.put(name, value);
                } else {
                    in.set(where.input, NetworkSweep.withValue(in.get(where.input), where.target, name, value, r));
                }
            }
            ParameterValues v;
            try {
                v = ParameterValues.of(operation.parameters(), p);
                List<TableSchema> schemas = new ArrayList<>();
                for (Table t : in) {
                    schemas.add(t == null ? null : t.schema());
                }
                List<TableSchema> out = operation.outputSchemas(schemas, v);
                if (r == 0) {
                    for (int o = 0; o < out.size(); o++) {
                        outputSchemas.add(schema(out.get(o), operation.outputs().get(o)));
                    }
                }
            } catch (ParameterException e) {
                throw new ParameterException(e.key(), "row " + (r + 1) + " of the runs table: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + (r + 1) + " of the runs table: " + e.getMessage(), e);
            }
            this.inputs.add(in);
            values.add(v);
        }
    }

    /** A column of input {@code input} that a runs-table column sets. */
    private record Placement(int input, NetworkSweep.Target target) {
    }

    /** Where a runs-table column applies: null for a parameter of the operation. */
    private Placement placement(String name, List<Table> inputs) {
        List<String> found = new ArrayList<>();
        Placement where = null;
        if (operation.parameters().stream().map(ParameterSpec::key).anyMatch(name::equals)) {
            found.add("the parameter " + name);
        }
        for (int i = 0; i < inputs.size(); i++) {
            Table t = inputs.get(i);
            if (t == null) {
                continue;
            }
            String port = operation.inputs().get(i).name();
            if (NetworkTable.describesNetwork(t.schema())) {
                List<NetworkSweep.Target> targets = NetworkSweep.networkTargets(name, t.schema());
                if (targets.size() == 1) {
                    found.add("the " + port + " table's " + name);
                    where = new Placement(i, targets.get(0));
                }
            } else if (t.schema().indexOf(name) >= 0) {
                found.add("the " + port + " table's column " + name);
                where = new Placement(i, new NetworkSweep.Target(NetworkSweep.Kind.NETWORK, -1, name));
            }
        }
        if (found.size() > 1) {
            throw new ParameterException(name, "the runs table's column " + name + " is ambiguous: it could set "
                    + String.join(" or ", found));
        }
        if (found.isEmpty()) {
            List<String> tables = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (inputs.get(i) != null) {
                    tables.add(operation.inputs().get(i).name());
                }
            }
            throw new ParameterException(name, "the runs table's column " + name + " names nothing " + operation.id()
                    + " has: a column sets one of its parameters (neuromf run " + operation.id() + " --help lists them)"
                    + " or a column of its input tables (" + String.join(", ", tables) + "; in a network table a"
                    + " network-wide column such as drive_rate_hz or one prefixed with its population, exc_gm_ns)");
        }
        return where;
    }

    public int runCount() {
        return runs.rowCount();
    }

    /** The schemas of the sweep's outputs, known before any run. */
    public List<TableSchema> outputSchemas() {
        return List.copyOf(outputSchemas);
    }

    /** Every row's run, one after the other; progress is shared evenly between them. */
    public OperationResult runAll(Progress progress) {
        int n = runs.rowCount();
        List<Table.Builder> outputs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            progress.checkCancelled();
            int row = r;
            OperationResult result = operation.run(inputs.get(r), values.get(r), new Progress() {
                @Override
                public void report(double fraction, String message) {
                    progress.report((row + fraction) / n, "run " + (row + 1) + " of " + n + ": " + message);
                }

                @Override
                public void checkCancelled() {
                    progress.checkCancelled();
                }
            });
            for (String w : result.warnings()) {
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            }
            for (int o = 0; o < result.tables().size(); o++) {
                Table t = result.table(o);
                TableSchema schema = outputSchemas.get(o);
                if (r == 0) {
                    outputs.add(Table.builder(schema));
                }
                if (!schema.names().subList(1 + runs.columnCount(), schema.size()).equals(t.schema().names())) {
                    throw new IllegalStateException("run " + (r + 1) + " of " + operation.id() + " gave output "
                            + operation.outputs().get(o).name() + " other columns than configured");
                }
                for (int i = 0; i < t.rowCount(); i++) {
                    Object[] values = new Object[1 + runs.columnCount() + t.columnCount()];
                    values[0] = r + 1;
                    for (int c = 0; c < runs.columnCount(); c++) {
                        values[1 + c] = runs.get(r, c);
                    }
                    for (int c = 0; c < t.columnCount(); c++) {
                        values[1 + runs.columnCount() + c] = t.get(i, c);
                    }
                    outputs.get(o).addRow(values);
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        for (Table.Builder b : outputs) {
            tables.add(b.build());
        }
        return new OperationResult(tables, warnings);
    }

    /**
     * run, the runs table's columns, then the output's own; a swept column named as one of the
     * output's (sweeping a scan's seeds, say) is called sweep_NAME.
     */
    private TableSchema schema(TableSchema output, Port port) {
        List<ColumnSpec> cols = new ArrayList<>();
        cols.add(ColumnSpec.integer("run", "the row of the runs table, from 1"));
        for (ColumnSpec c : runs.schema().columns()) {
            cols.add(output.indexOf(c.name()) < 0 ? c : new ColumnSpec("sweep_" + c.name(), c.type(), c.description()));
        }
        cols.addAll(output.columns());
        return new TableSchema(cols);
    }
}
