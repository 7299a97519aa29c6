package org.neuromf.core.operation;

import java.util.List;

import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

/**
 * A step a user can take, defined once and used by every front-end (KNIME node, command line, Java
 * API): typed parameters, input and output tables, and a run function that knows nothing of KNIME.
 */
public interface Operation {

    /** Stable identifier, kebab-case: {@code network-simulation}. */
    String id();

    /** Name shown to people: {@code Network Simulation}. */
    String label();

    String description();

    List<ParameterSpec> parameters();

    List<Port> inputs();

    List<Port> outputs();

    /**
     * The output schemas from the input schemas (null for an absent optional input) and the
     * parameters alone, before any data exists, as KNIME's configure needs them. Throws
     * {@link org.neuromf.core.param.ParameterException} or IllegalArgumentException with a message
     * the user can act on when the inputs or parameters cannot work.
     */
    List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters);

    /** Runs: one table per input port (null for an absent optional one); one per output port. */
    OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress);

    /** The parameters with their defaults. */
    default ParameterValues defaults() {
        return ParameterValues.defaults(parameters());
    }
}
