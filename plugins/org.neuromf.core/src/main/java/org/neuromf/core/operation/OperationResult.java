package org.neuromf.core.operation;

import java.util.List;

import org.neuromf.core.table.Table;

/** The output tables of a run, one per output port, and warnings the user should see. */
public record OperationResult(List<Table> tables, List<String> warnings) {

    public OperationResult {
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
    }

    public Table table(int port) {
        return tables.get(port);
    }
}
