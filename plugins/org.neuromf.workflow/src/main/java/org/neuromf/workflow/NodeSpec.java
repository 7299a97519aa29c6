package org.neuromf.workflow;

import java.util.List;

import org.neuromf.charts.Plot;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.Port;
import org.neuromf.core.param.ParameterSpec;

/**
 * What one NeuroMF node is, independently of KNIME: an engine operation (tables in, tables out) or
 * a plot (tables in, a PNG image out), with the category it is listed under and its factory class.
 */
public record NodeSpec(String id, Category category, Operation operation, Plot plot) {

    /** The sub-categories of the NeuroMF category in the node repository. */
    public enum Category {
        MODELS("models", "Models", "cells, networks, stimuli and published transfer functions"),
        SIMULATION("simulation", "Simulation", "spiking networks and single-neuron transfer-function scans"),
        MEAN_FIELD("meanfield", "Mean Field", "the mean-field model and its comparison with the network"),
        VIEWS("views", "Views", "figures of the results, as PNG images and interactive views");

        public final String path;
        public final String label;
        public final String description;

        Category(String path, String label, String description) {
            this.path = path;
            this.label = label;
            this.description = description;
        }
    }

    public static NodeSpec of(Operation op, Category category) {
        return new NodeSpec(op.id(), category, op, null);
    }

    public static NodeSpec of(Plot plot) {
        return new NodeSpec(plot.id(), Category.VIEWS, null, plot);
    }

    public boolean isPlot() {
        return plot != null;
    }

    public String label() {
        return isPlot() ? plot.label() : operation.label();
    }

    public String description() {
        return isPlot() ? plot.description() : operation.description();
    }

    public List<ParameterSpec> parameters() {
        return isPlot() ? plot.parameters() : operation.parameters();
    }

    public List<Port> inputs() {
        return isPlot() ? plot.inputs() : operation.inputs();
    }

    /** The output ports: the operation's tables, or the plot's one image. */
    public List<Port> outputs() {
        return isPlot() ? List.of(Port.required("image", "the figure as a PNG image of width_px x height_px"))
                : operation.outputs();
    }

    /** Whether the node opens a view of its result: plots, and the network simulation (its rates). */
    public boolean hasView() {
        return isPlot() || id.equals("network-simulation");
    }

    /** The simple name of the node's factory class: {@code cell-model} is {@code CellModelNodeFactory}. */
    public String factoryName() {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.append("NodeFactory").toString();
    }

    public String factoryClass() {
        return "org.neuromf.knime.nodes." + factoryName();
    }

    /** The node's icon, beside its factory class (one per category). */
    public String iconFile() {
        return category.path + ".png";
    }
}
