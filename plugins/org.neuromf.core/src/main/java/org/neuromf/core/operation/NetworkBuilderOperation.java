package org.neuromf.core.operation;

import java.util.ArrayList;
import java.util.List;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellFamily;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

/** Network Builder: an excitatory and an inhibitory cell, plus the network numbers, as a network table. */
public final class NetworkBuilderOperation extends OperationBase {

    public NetworkBuilderOperation() {
        super("network-builder", "Network Builder", "Builds a conductance-based network of an excitatory (exc) and an"
                + " inhibitory (inh) population with random sparse connectivity, exponential synapses and an external"
                + " Poisson drive. The defaults are CONFIG1 of Carlu et al. 2020; Vogels-Abbott is the other preset. The"
                + " network table has one row per population; it can be edited with ordinary table nodes.",
                NetworkBuilder.PARAMETERS,
                List.of(Port.required("excitatory cell", "cell table of the excitatory population (one row)"),
                        Port.required("inhibitory cell", "cell table of the inhibitory population (one row)")),
                List.of(Port.required("network",
                        "network table: one row per population with its cell, drive and incoming pathways")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        ParameterValues.of(NetworkBuilder.PARAMETERS, parameters.asMap());
        return List.of(NetworkTable.schema(List.of(NetworkBuilder.EXC, NetworkBuilder.INH), families(inputs)));
    }

    private static List<CellFamily> families(List<TableSchema> inputs) {
        List<CellFamily> families = new ArrayList<>();
        String[] what = {"excitatory cell table", "inhibitory cell table"};
        for (int i = 0; i < 2; i++) {
            for (CellFamily f : CellTable.requireFamilies(inputs.get(i), what[i])) {
                if (!families.contains(f)) {
                    families.add(f);
                }
            }
        }
        return families;
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        Cell exc = CellTable.single(inputs.get(0), "excitatory cell table");
        Cell inh = CellTable.single(inputs.get(1), "inhibitory cell table");
        Network network = NetworkBuilder.build(exc, inh, parameters);
        List<TableSchema> schemas = List.of(inputs.get(0).schema(), inputs.get(1).schema());
        return new OperationResult(List.of(NetworkTable.toTable(network, families(schemas))), List.of());
    }
}
