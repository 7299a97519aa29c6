package org.neuromf.core.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.neuromf.core.param.Unit.MILLISECOND;
import static org.neuromf.core.param.Unit.MILLIVOLT;
import static org.neuromf.core.param.Unit.NANOSIEMENS;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellFamily;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * A network as a table with one row per population: its name, size, cell (as in
 * {@link CellTable}), external drive, and the pathways it receives, one group of four columns per
 * presynaptic population X: {@code p_from_X}, {@code q_from_X_ns}, {@code tau_from_X_ms},
 * {@code erev_from_X_mv}. The presynaptic columns name the populations, so the schema alone tells
 * which populations there are, in order.
 */
public final class NetworkTable {

    private static final String P_FROM = "p_from_";

    private NetworkTable() {
    }

    public static TableSchema schema(List<String> populations, List<CellFamily> families) {
        List<ColumnSpec> cols = new ArrayList<>();
        cols.add(ColumnSpec.text("network", "name of the network"));
        cols.add(ColumnSpec.text("population", "name of the population; the first must be excitatory"));
        cols.add(ColumnSpec.integer("neurons", "number of neurons"));
        cols.add(CellTable.NAME);
        cols.add(CellTable.MODEL);
        cols.addAll(CellTable.parameterColumns(families));
        cols.add(ColumnSpec.real("drive_rate_hz", "external drive nu_ext: rate of each external synapse"));
        cols.add(ColumnSpec.real("drive_synapses", "K_ext: external synapses per neuron"));
        cols.add(ColumnSpec.real("drive_q_ns", "quantal conductance of an external event (onto the first population's channel)"));
        for (String pre : populations) {
            cols.add(ColumnSpec.real(P_FROM + pre, "connection probability from " + pre));
            cols.add(ColumnSpec.real("q_from_" + pre + "_ns", "quantal conductance of a synapse from " + pre));
            cols.add(ColumnSpec.real("tau_from_" + pre + "_ms", "decay time of the conductance from " + pre));
            cols.add(ColumnSpec.real("erev_from_" + pre + "_mv", "reversal potential of synapses from " + pre));
        }
        return new TableSchema(cols);
    }

    /** The populations a network table's schema describes, in order. */
    public static List<String> populations(TableSchema schema) {
        List<String> names = new ArrayList<>();
        for (String c : schema.names()) {
            if (c.startsWith(P_FROM)) {
                names.add(c.substring(P_FROM.length()));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the network table has no p_from_... columns; is it the output of Network Builder?"
                    + " Its columns are: " + String.join(", ", schema.names()));
        }
        return names;
    }

    /** The network as a table with the parameter columns of its cells' families. */
    public static Table toTable(Network network) {
        Set<CellFamily> families = new LinkedHashSet<>();
        for (Population p : network.populations()) {
            families.add(p.cell().family());
        }
        return toTable(network, new ArrayList<>(families));
    }

    /** The network as a table with the parameter columns of these families (which must include its cells'). */
    public static Table toTable(Network network, List<CellFamily> families) {
        List<String> names = new ArrayList<>();
        for (Population p : network.populations()) {
            names.add(p.name());
        }
        TableSchema schema = schema(names, families);
        List<ColumnSpec> cellColumns = CellTable.parameterColumns(families);
        Table.Builder b = Table.builder(schema);
        for (int post = 0; post < network.populationCount(); post++) {
            Population p = network.population(post);
            List<Object> row = new ArrayList<>(List.of(network.name(), p.name(), p.size()));
            row.addAll(CellTable.rowValues(p.cell(), cellColumns));
            row.addAll(List.of(p.driveRate(), p.driveSynapses(), NANOSIEMENS.fromSI(p.driveQ())));
            for (int pre = 0; pre < network.populationCount(); pre++) {
                Pathway pw = network.pathway(pre, post);
                row.addAll(List.of(pw.probability(), NANOSIEMENS.fromSI(pw.q()), MILLISECOND.fromSI(pw.tau()),
                        MILLIVOLT.fromSI(pw.eRev())));
            }
            b.addRow(row.toArray());
        }
        return b.build();
    }

    public static Network fromTable(Table table) {
        TableSchema schema = table.schema();
        List<String> names = populations(schema);
        if (table.rowCount() != names.size()) {
            throw new IllegalArgumentException("the network table has " + table.rowCount() + " rows but describes "
                    + names.size() + " populations (" + String.join(", ", names) + "): one row per population");
        }
        String networkName = null;
        List<Population> pops = new ArrayList<>();
        List<Pathway> pathways = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String what = "network table row " + (r + 1);
            String name = table.getString(r, schema.require("population", what));
            if (!names.get(r).equals(name)) {
                throw new ParameterException("population", what + ": population '" + name + "' should be '" + names.get(r)
                        + "', the order of the p_from_ columns");
            }
            what = "network table row " + name;
            networkName = table.getString(r, schema.require("network", what));
            Cell cell = CellTable.fromRow(table, r, what);
            int size = table.getInt(r, schema.require("neurons", what));
            pops.add(new Population(name, size, cell, number(table, r, "drive_rate_hz", what),
                    number(table, r, "drive_synapses", what), NANOSIEMENS.toSI(number(table, r, "drive_q_ns", what))));
            for (String pre : names) {
                pathways.add(new Pathway(pre, name, number(table, r, P_FROM + pre, what),
                        NANOSIEMENS.toSI(number(table, r, "q_from_" + pre + "_ns", what)),
                        MILLISECOND.toSI(number(table, r, "tau_from_" + pre + "_ms", what)),
                        MILLIVOLT.toSI(number(table, r, "erev_from_" + pre + "_mv", what))));
            }
        }
        return new Network(networkName == null ? "network" : networkName, pops, pathways);
    }

    private static double number(Table t, int row, String column, String what) {
        double v = t.getDouble(row, t.schema().require(column, what));
        if (Double.isNaN(v)) {
            throw new ParameterException(column, what + ": " + column + " is missing");
        }
        return v;
    }
}
