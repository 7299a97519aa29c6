package org.neuromf.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationRegistry;
import org.neuromf.core.table.Table;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.util.Progress;

/** The plots behind the view nodes, from the engine's own tables. */
class PlotsTest {

    private static final OperationRegistry OPS = OperationRegistry.standard();
    private static final Table NETWORK = NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"));

    private static BufferedImage render(Plot plot, List<Table> inputs) throws Exception {
        plot.check(inputs.stream().map(t -> t == null ? null : t.schema()).toList(), plot.defaults());
        byte[] png = plot.png(inputs, plot.defaults());
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void activityPlotWithAndWithoutTheMeanField() throws Exception {
        Operation sim = OPS.get("network-simulation");
        Table small = NetworkTable.toTable(NetworkBuilder.build(CellPresets.get("HH_RS"), CellPresets.get("HH_FS"),
                NetworkBuilder.preset("CONFIG1").with(Map.of("neurons", 400, "p_connect", 0.2))));
        Table rates = sim.run(Arrays.asList(small, null), sim.defaults().with(Map.of("tstop_ms", 200.0, "transient_ms", 50.0)), Progress.NONE)
                .table(0);
        Operation mf = OPS.get("mean-field");
        Table meanField = mf.run(Arrays.asList(NETWORK, null, null, null), mf.defaults().with(Map.of("tstop_ms", 200.0)),
                Progress.NONE).table(0);
        assertEquals(1200, render(Plots.ACTIVITY, Arrays.asList(rates, null)).getWidth());
        JFreeChart both = Plots.ACTIVITY.create(Arrays.asList(rates, meanField), Plots.ACTIVITY.defaults());
        assertTrue(both.getPlot() instanceof CombinedDomainXYPlot, "with a mean field: the two-panel figure");
        assertEquals(700, render(Plots.ACTIVITY, Arrays.asList(rates, meanField)).getHeight());
        Exception e = assertThrows(IllegalArgumentException.class, () -> Plots.ACTIVITY.check(
                Arrays.asList(NETWORK.schema(), null), Plots.ACTIVITY.defaults()));
        assertTrue(e.getMessage().contains("time_ms"), e.getMessage());
    }

    @Test
    void transferFunctionPlotDrawsTheFitWhenItCan() throws Exception {
        Table samples = Table.builder(org.neuromf.core.transfer.TransferSamples.SCHEMA)
                .addRow(4.0, 8.0, 0.2, 0.1, -60.0, 3.3, 4, 0.0, 0.0, Double.NaN, Double.NaN)
                .addRow(6.0, 8.0, 2.5, 0.3, -57.0, 3.9, 4, 0.0, 0.0, Double.NaN, Double.NaN).build();
        Table cell = CellTable.toTable(CellPresets.get("HH_RS"));
        Table coefficients = TransferCoefficients.preset("HH_RS").toTable();
        assertEquals(1200, render(Plots.TRANSFER_FUNCTION, Arrays.asList(samples, null, null, null)).getWidth());
        assertEquals(1200, render(Plots.TRANSFER_FUNCTION, Arrays.asList(samples, coefficients, cell, NETWORK)).getWidth());
        Exception e = assertThrows(IllegalArgumentException.class, () -> Plots.TRANSFER_FUNCTION.check(
                Arrays.asList(NETWORK.schema(), null, null, null), Plots.TRANSFER_FUNCTION.defaults()));
        assertTrue(e.getMessage().contains("fe_hz"), e.getMessage());
        Table two = TransferCoefficients.toTable(List.of(TransferCoefficients.preset("HH_RS"),
                TransferCoefficients.preset("HH_FS")));
        e = assertThrows(IllegalArgumentException.class, () -> Plots.TRANSFER_FUNCTION.create(Arrays.asList(samples, two,
                cell, NETWORK), Plots.TRANSFER_FUNCTION.defaults()));
        assertTrue(e.getMessage().contains("has 2 rows; a coefficient table for one cell has one row"), e.getMessage());
        assertEquals(Plots.TRANSFER_FUNCTION, Plots.get("transfer-function-plot"));
        e = assertThrows(IllegalArgumentException.class, () -> Plots.get("pie-chart"));
        assertTrue(e.getMessage().contains("activity-plot, raster-plot, transfer-function-plot, sweep-plot"), e.getMessage());
    }
}
