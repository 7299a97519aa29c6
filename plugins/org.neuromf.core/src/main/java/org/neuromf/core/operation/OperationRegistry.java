package org.neuromf.core.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operations by id. Registering an id twice is refused; an unknown id is answered with the known ones. */
public final class OperationRegistry {

    private final Map<String, Operation> operations = new LinkedHashMap<>();

    /** Every operation of the engine. */
    public static OperationRegistry standard() {
        OperationRegistry r = new OperationRegistry();
        r.register(new CellModelOperation());
        r.register(new NetworkBuilderOperation());
        r.register(new StimulusWaveformOperation());
        r.register(new NetworkSimulationOperation());
        r.register(new NetworkSweepOperation());
        r.register(new TransferFunctionScanOperation());
        r.register(new TransferFunctionFitOperation());
        r.register(new TransferFunctionCoefficientsOperation());
        r.register(new SelfConsistentTransferOperation());
        r.register(new MeanFieldOperation());
        r.register(new MeanFieldSweepOperation());
        r.register(new CompareOperation());
        return r;
    }

    public synchronized void register(Operation op) {
        if (operations.containsKey(op.id())) {
            throw new IllegalArgumentException("an operation with id '" + op.id() + "' is already registered");
        }
        operations.put(op.id(), op);
    }

    public synchronized Operation get(String id) {
        Operation op = operations.get(id);
        if (op == null) {
            throw new IllegalArgumentException("no operation '" + id + "'; known operations: " + String.join(", ", ids()));
        }
        return op;
    }

    public synchronized List<String> ids() {
        return new ArrayList<>(operations.keySet());
    }

    public synchronized List<Operation> all() {
        return Collections.unmodifiableList(new ArrayList<>(operations.values()));
    }
}
