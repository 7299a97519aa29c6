package org.neuromf.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neuromf.charts.Plot;
import org.neuromf.charts.Plots;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationRegistry;
import org.neuromf.workflow.NodeSpec.Category;

/** Every NeuroMF node: one per engine operation and one per plot. */
public final class Nodes {

    /** Where each operation is listed; an operation missing here is refused, so new ones get a place. */
    private static final Map<String, Category> CATEGORIES = Map.ofEntries(
            Map.entry("cell-model", Category.MODELS),
            Map.entry("network-builder", Category.MODELS),
            Map.entry("stimulus-waveform", Category.MODELS),
            Map.entry("transfer-function-coefficients", Category.MODELS),
            Map.entry("network-simulation", Category.SIMULATION),
            Map.entry("network-sweep", Category.SIMULATION),
            Map.entry("transfer-function-scan", Category.SIMULATION),
            Map.entry("transfer-function-fit", Category.SIMULATION),
            Map.entry("self-consistent-transfer", Category.SIMULATION),
            Map.entry("mean-field", Category.MEAN_FIELD),
            Map.entry("mean-field-sweep", Category.MEAN_FIELD),
            Map.entry("compare", Category.MEAN_FIELD));

    private static final List<NodeSpec> ALL = build();

    private Nodes() {
    }

    public static List<NodeSpec> all() {
        return ALL;
    }

    /** The node with this id; the message lists the ids there are. */
    public static NodeSpec get(String id) {
        List<String> ids = new ArrayList<>();
        for (NodeSpec n : ALL) {
            if (n.id().equals(id)) {
                return n;
            }
            ids.add(n.id());
        }
        throw new IllegalArgumentException("no NeuroMF node '" + id + "'; nodes: " + String.join(", ", ids));
    }

    private static List<NodeSpec> build() {
        List<NodeSpec> nodes = new ArrayList<>();
        for (Operation op : OperationRegistry.standard().all()) {
            Category c = CATEGORIES.get(op.id());
            if (c == null) {
                throw new IllegalStateException("operation " + op.id() + " has no node category in Nodes.CATEGORIES");
            }
            nodes.add(NodeSpec.of(op, c));
        }
        for (Plot p : Plots.standard()) {
            nodes.add(NodeSpec.of(p));
        }
        return List.copyOf(nodes);
    }
}
