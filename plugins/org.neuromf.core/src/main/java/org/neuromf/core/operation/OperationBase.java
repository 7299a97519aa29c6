package org.neuromf.core.operation;

import java.util.List;

import org.neuromf.core.param.ParameterSpec;

/** The descriptive part of an operation, held once; subclasses add the schemas and the run. */
public abstract class OperationBase implements Operation {

    private final String id;
    private final String label;
    private final String description;
    private final List<ParameterSpec> parameters;
    private final List<Port> inputs;
    private final List<Port> outputs;

    protected OperationBase(String id, String label, String description, List<ParameterSpec> parameters,
            List<Port> inputs, List<Port> outputs) {
        this.id = id;
        this.label = label;
        this.description = description;
        this.parameters = List.copyOf(parameters);
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public final List<Port> inputs() {
        return inputs;
    }

    @Override
    public final List<Port> outputs() {
        return outputs;
    }
}
