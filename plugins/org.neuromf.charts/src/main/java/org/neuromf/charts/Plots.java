package org.neuromf.charts;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.operation.Port;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.transfer.TransferFunction;

/** The standard figures: population activity (with the mean field), raster, transfer function, sweep. */
public final class Plots {

    private Plots() {
    }

    public static List<Plot> standard() {
        return List.of(ACTIVITY, RASTER, TRANSFER_FUNCTION, SWEEP);
    }

    /** Population rates of a simulation, with the mean field and its SD band when one is connected. */
    public static final Plot ACTIVITY = new Base("activity-plot", "Activity Plot", "Draws the population rates of a"
            + " network simulation over time, smoothed by a moving average, with the external drive; when a mean-field"
            + " time course is connected, the excitatory and inhibitory rates are drawn in two panels with the mean"
            + " field's rates and their ±SD band.",
            Plot.withSize(Plot.smoothing()),
            List.of(Port.required("rates", "rates table of Network Simulation"),
                    Port.optional("mean field", "time course of Mean-Field Model"))) {
        @Override
        public void check(List<TableSchema> inputs, ParameterValues values) {
            inputs.get(0).require("time_ms", "the rates table");
            if (optional(inputs, 1) != null) {
                inputs.get(1).require("nu_e_hz", "the mean-field table");
            }
        }

        @Override
        public JFreeChart create(List<Table> inputs, ParameterValues values) {
            double smoothing = values.real("smoothing_ms");
            Table meanField = optional(inputs, 1);
            return meanField == null ? ActivityChart.create(inputs.get(0), smoothing)
                    : MeanFieldChart.create(inputs.get(0), meanField, smoothing);
        }
    };

    /** Spikes of a sample of neurons per population. */
    public static final Plot RASTER = new Base("raster-plot", "Raster Plot", "Draws the spikes of the first neurons of"
            + " each population over time (one row per neuron, populations in their colours).",
            Plot.withSize(new ParameterSpec.Whole("max_neurons", "Neurons per population", 200, 1, 100_000,
                    "neurons drawn from each population, the first by index"),
                    ParameterSpec.Real.of("from", "From", org.neuromf.core.param.Unit.MILLISECOND, 0, Range.closed(0, 1e9),
                            "start of the time axis"),
                    ParameterSpec.Real.of("to", "To", org.neuromf.core.param.Unit.MILLISECOND, 0, Range.closed(0, 1e9),
                            "end of the time axis; 0 draws up to the last spike")),
            List.of(Port.required("spikes", "spikes table of Network Simulation"))) {
        /** The shortest time axis drawn (ms): far below any time step, far above what an axis can no longer divide. */
        private static final double MIN_SPAN_MS = 1e-3;

        @Override
        public void check(List<TableSchema> inputs, ParameterValues values) {
            for (String c : List.of("time_ms", "neuron", "population")) {
                inputs.get(0).require(c, "the spikes table");
            }
            double from = values.real("from_ms");
            double to = values.real("to_ms");
            if (to != 0 && !(to >= from + MIN_SPAN_MS)) {
                throw ParameterException.outOfRange("to_ms", Range.format(to), "0 (up to the last spike) or [from_ms + "
                        + MIN_SPAN_MS + " = " + Range.format(from + MIN_SPAN_MS) + ", 1000000000] ms", "the axis must end"
                        + " after it starts");
            }
        }

        @Override
        public JFreeChart create(List<Table> inputs, ParameterValues values) {
            check(inputs.stream().map(Table::schema).toList(), values);
            Table spikes = inputs.get(0);
            double from = values.real("from_ms");
            double to = values.real("to_ms");
            if (to == 0) { // up to the last spike, or a millisecond when none comes after from_ms
                to = Math.max(from + 1, java.util.Arrays.stream(spikes.doubleColumn("time_ms")).max().orElse(0));
            }
            return RasterChart.create(spikes, values.integer("max_neurons"), from, to);
        }
    };

    /** Measured transfer-function samples, with the fitted template when coefficients, cell and network are given. */
    public static final Plot TRANSFER_FUNCTION = new Base("transfer-function-plot", "Transfer Function Plot", "Draws"
            + " the measured transfer function, output rate against fe for each fi, with the SD over seeds; with a"
            + " coefficient table, the cell and its network, the fitted template as curves.",
            Plot.withSize(),
            List.of(Port.required("samples", "samples of Transfer Function Scan"),
                    Port.optional("coefficients", "coefficients of Transfer Function Fit (or a published fit)"),
                    Port.optional("cell", "cell table of the neuron, for the fitted curves"),
                    Port.optional("network", "network table, for the fitted curves"))) {
        @Override
        public void check(List<TableSchema> inputs, ParameterValues values) {
            for (String c : List.of("fe_hz", "fi_hz", "fout_hz")) {
                inputs.get(0).require(c, "the sample table");
            }
        }

        @Override
        public JFreeChart create(List<Table> inputs, ParameterValues values) {
            Table samples = inputs.get(0);
            Table coefficients = optional(inputs, 1);
            Table cellTable = optional(inputs, 2);
            Table network = optional(inputs, 3);
            String name = "the cell";
            java.util.function.DoubleBinaryOperator curve = null;
            if (coefficients != null && cellTable != null && network != null) {
                Cell cell = CellTable.single(cellTable, "cell table");
                TransferFunction tf = TransferFunction.of(cell, SynapticInput.forCell(NetworkTable.fromTable(network), cell),
                        TransferCoefficients.single(coefficients, "the coefficient table"));
                curve = tf::rate;
                name = cell.name();
            } else if (cellTable != null) {
                name = CellTable.single(cellTable, "cell table").name();
            }
            return TransferFunctionChart.create(samples, curve, name);
        }
    };

    /** A network sweep's rates against a swept value, with the mean field's fixed points. */
    public static final Plot SWEEP = new Base("sweep-plot", "Sweep Plot", "Draws the rates of a network sweep against"
            + " one swept value: for each population the network's mean rate over the seeds with its SD as points"
            + " with error bars, and the mean field's fixed point as a line when the sweep found them; runs that"
            + " differ in another swept value are separate series.",
            Plot.withSize(new ParameterSpec.Text("x", "Horizontal axis", "", "the swept column drawn along the"
                    + " horizontal axis; empty: the first numeric one")),
            List.of(Port.required("summary", "summary table of Network Sweep"))) {
        @Override
        public void check(List<TableSchema> inputs, ParameterValues values) {
            SweepChart.axis(inputs.get(0), values.text("x"));
        }

        @Override
        public JFreeChart create(List<Table> inputs, ParameterValues values) {
            return SweepChart.create(inputs.get(0), values.text("x"));
        }
    };

    /** The plot with this id; the message lists the ids there are. */
    public static Plot get(String id) {
        List<String> ids = new ArrayList<>();
        for (Plot p : standard()) {
            if (p.id().equals(id)) {
                return p;
            }
            ids.add(p.id());
        }
        throw new IllegalArgumentException("no plot '" + id + "'; plots: " + String.join(", ", ids));
    }

    /** The descriptive part held once. */
    private abstract static class Base implements Plot {
        private final String id;
        private final String label;
        private final String description;
        private final List<ParameterSpec> parameters;
        private final List<Port> inputs;

        Base(String id, String label, String description, List<ParameterSpec> parameters, List<Port> inputs) {
            this.id = id;
            this.label = label;
            this.description = description;
            this.parameters = parameters;
            this.inputs = inputs;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return parameters;
        }

        @Override
        public List<Port> inputs() {
            return inputs;
        }

        static <T> T optional(List<T> inputs, int index) {
            return inputs.size() > index ? inputs.get(index) : null;
        }
    }
}
