package org.neuromf.core.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.neuromf.core.param.Unit.MILLISECOND;
import static org.neuromf.core.param.Unit.MILLIVOLT;
import static org.neuromf.core.param.Unit.NANOSIEMENS;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellFamily;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.InputTable;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * A network as a table with one row per population: its name, size, cell (as in
 * {@link CellTable}), external drive, and the pathways it receives, one group of four columns per
 * presynaptic population X: {@code p_from_X}, {@code in_degree_from_X} ({@code binomial} or
 * {@code fixed}, see {@link InDegree}), {@code q_from_X_ns}, {@code tau_from_X_ms},
 * {@code erev_from_X_mv}. The presynaptic columns name the populations, so the schema alone tells
 * which populations there are, in order. A table without the {@code in_degree_from_X} columns (written
 * before they existed) has binomial in-degrees.
 */
public final class NetworkTable {

    private static final String P_FROM = "p_from_";
    private static final String IN_DEGREE_FROM = "in_degree_from_";

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
            cols.add(ColumnSpec.text(IN_DEGREE_FROM + pre, "synapses from " + pre + " per neuron: binomial (each pair"
                    + " with probability p) or fixed (exactly round(p N))"));
            cols.add(ColumnSpec.real("q_from_" + pre + "_ns", "quantal conductance of a synapse from " + pre));
            cols.add(ColumnSpec.real("tau_from_" + pre + "_ms", "decay time of the conductance from " + pre));
            cols.add(ColumnSpec.real("erev_from_" + pre + "_mv", "reversal potential of synapses from " + pre));
        }
        return new TableSchema(cols);
    }

    /** Whether a schema is a network table's: it has the p_from_ columns of its pathways. */
    public static boolean describesNetwork(TableSchema schema) {
        return schema.names().stream().anyMatch(c -> c.startsWith(P_FROM));
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
                row.addAll(List.of(pw.probability(), pw.inDegree().name().toLowerCase(Locale.ROOT),
                        NANOSIEMENS.fromSI(pw.q()), MILLISECOND.fromSI(pw.tau()), MILLIVOLT.fromSI(pw.eRev())));
            }
            b.addRow(row.toArray());
        }
        return b.build();
    }

    /**
     * The network of a network table, every value checked: a refused one is named with the table
     * (its file when it came from one), the row and the column.
     */
    public static Network fromTable(Table table) {
        InputTable in = InputTable.of(table, "the network table");
        List<String> names = populations(table.schema());
        if (table.rowCount() != names.size()) {
            throw new IllegalArgumentException(in.name() + " has " + table.rowCount() + " rows but describes "
                    + names.size() + " populations (" + String.join(", ", names) + "): one row per population");
        }
        String networkName = null;
        List<Population> pops = new ArrayList<>();
        List<Pathway> pathways = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String name = in.text(r, "population");
            if (!names.get(r).equals(name)) {
                throw new ParameterException("population", in.row(r) + ": population '" + name + "' should be '"
                        + names.get(r) + "', the order of the p_from_ columns");
            }
            networkName = table.getString(r, in.column("network"));
            Cell cell = CellTable.fromRow(table, r, "network table");
            int size = in.whole(r, "neurons", 1, Integer.MAX_VALUE);
            double[] drive = {number(in, r, "drive_rate_hz"), number(in, r, "drive_synapses"), number(in, r, "drive_q_ns")};
            List<double[]> from = new ArrayList<>();
            List<InDegree> inDegrees = new ArrayList<>();
            for (String pre : names) {
                from.add(new double[] {number(in, r, P_FROM + pre), number(in, r, "q_from_" + pre + "_ns"),
                    number(in, r, "tau_from_" + pre + "_ms"), number(in, r, "erev_from_" + pre + "_mv")});
                inDegrees.add(inDegree(in, r, IN_DEGREE_FROM + pre));
            }
            try {
                pops.add(new Population(name, size, cell, drive[0], drive[1], NANOSIEMENS.toSI(drive[2])));
                for (int pre = 0; pre < names.size(); pre++) {
                    double[] f = from.get(pre);
                    pathways.add(new Pathway(names.get(pre), name, f[0], inDegrees.get(pre), NANOSIEMENS.toSI(f[1]), MILLISECOND.toSI(f[2]),
                            MILLIVOLT.toSI(f[3])));
                }
            } catch (ParameterException e) {
                throw in.atRow(r, e);
            }
        }
        return new Network(networkName == null ? "network" : networkName, pops, pathways);
    }

    private static InDegree inDegree(InputTable in, int row, String column) {
        if (!in.has(column)) {
            return InDegree.BINOMIAL;
        }
        String value = in.text(row, column);
        for (InDegree d : InDegree.values()) {
            if (d.name().equalsIgnoreCase(value)) {
                return d;
            }
        }
        throw new ParameterException(column, in.row(row) + ": " + column + " = '" + value
                + "' is not an in-degree rule; allowed: binomial, fixed");
    }

    private static double number(InputTable in, int row, String column) {
        return in.number(row, column, InputTable.FINITE);
    }
}
