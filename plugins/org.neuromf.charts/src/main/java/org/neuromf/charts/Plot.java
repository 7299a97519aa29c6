package org.neuromf.charts;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.neuromf.core.operation.Port;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;
import org.neuromf.core.param.Unit;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;

/**
 * A figure a user can ask for, described like an operation (id, label, description, parameters,
 * input tables) so that every front-end offers it the same way: a KNIME view node, a command.
 * Its output is a chart, rendered at {@code width_px} x {@code height_px}.
 */
public interface Plot {

    ParameterSpec WIDTH = new ParameterSpec.Whole("width_px", "Image width", 1200, 100, 8000,
            "width of the PNG image (pixels); 8000 x 8000 takes about 320 MB while it is drawn");
    ParameterSpec HEIGHT = new ParameterSpec.Whole("height_px", "Image height", 700, 100, 8000,
            "height of the PNG image (pixels)");

    String id();

    String label();

    String description();

    /** The figure's parameters, {@link #WIDTH} and {@link #HEIGHT} last. */
    List<ParameterSpec> parameters();

    List<Port> inputs();

    /**
     * Checks, before any data exists, that the input schemas (null for an absent optional input)
     * can be drawn; throws IllegalArgumentException naming the missing column otherwise.
     */
    void check(List<TableSchema> inputs, ParameterValues values);

    /** The chart of the input tables (null for an absent optional input). */
    JFreeChart create(List<Table> inputs, ParameterValues values);

    /**
     * The chart rendered as a PNG image of {@code width_px} x {@code height_px}; headless where there
     * is no display, decided before the chart first touches AWT (a server, a batch run).
     */
    default byte[] png(List<Table> inputs, ParameterValues values) {
        ChartImages.ensureHeadlessWithoutDisplay();
        return ChartImages.png(create(inputs, values), values.integer(WIDTH.key()), values.integer(HEIGHT.key()));
    }

    default ParameterValues defaults() {
        return ParameterValues.defaults(parameters());
    }

    /** The size parameters every plot ends with. */
    static List<ParameterSpec> withSize(ParameterSpec... own) {
        List<ParameterSpec> all = new ArrayList<>(List.of(own));
        all.add(WIDTH);
        all.add(HEIGHT);
        return List.copyOf(all);
    }

    /** A smoothing window parameter (ms), shared by the rate plots. */
    static ParameterSpec smoothing() {
        return ParameterSpec.Real.of("smoothing", "Smoothing", Unit.MILLISECOND, 5,
                Range.closed(0, 1e6), "width of the moving average over the network's rates; 0 draws them raw");
    }
}
