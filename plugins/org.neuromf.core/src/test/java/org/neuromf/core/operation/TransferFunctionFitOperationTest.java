package org.neuromf.core.operation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.table.Table;
import org.neuromf.core.transfer.FluctuationModel;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.transfer.TransferFit;
import org.neuromf.core.transfer.TransferFunction;
import org.neuromf.core.transfer.TransferSamples;
import org.neuromf.core.util.Progress;

/** The weighting option of Transfer Function Fit: standard errors by default, none as the authors fitted. */
class TransferFunctionFitOperationTest {

    private static final Operation FIT = OperationRegistry.standard().get("transfer-function-fit");
    private static final Network CONFIG1 = NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1");
    private static final Cell CELL = CellPresets.get("HH_RS");
    private static final FluctuationModel MODEL = FluctuationModel.of(CELL, SynapticInput.forCell(CONFIG1, CELL));

    /** Samples of the published HH_RS fit, 4 seeds of SD 0.1 + 0.05 F each: the mean with noise of SE = SD / 2. */
    private static Table samples() {
        TransferFunction tf = new TransferFunction(MODEL, TransferCoefficients.preset("HH_RS"));
        SplittableRandom rng = new SplittableRandom(3);
        Table.Builder b = Table.builder(TransferSamples.SCHEMA);
        for (double fi = 0; fi <= 20; fi += 4) {
            for (double fe = 1; fe <= 12; fe += 1) {
                double f = tf.rate(fe, fi);
                double sd = 0.1 + 0.05 * f;
                double gaussian = Math.sqrt(-2 * Math.log1p(-rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
                double noisy = Math.max(0, f + sd / 2 * gaussian);
                b.addRow(fe, fi, noisy, sd, -60.0, 4.0, 4, 0.0, 0.0, Double.NaN, Double.NaN);
            }
        }
        return b.build();
    }

    private static OperationResult run(Table samples, Map<String, Object> settings) {
        return FIT.run(List.of(samples, CellTable.toTable(CELL), NetworkTable.toTable(CONFIG1)),
                FIT.defaults().with(settings), Progress.NONE);
    }

    private static double[] coefficients(OperationResult r) {
        return TransferCoefficients.single(r.table(0), "coefficients").p();
    }

    @Test
    void weightingChoosesTheObjective() {
        assertEquals("standard_error", FIT.defaults().get("weighting"));
        Table t = samples();
        double[] fe = t.doubleColumn("fe_hz");
        double[] fi = t.doubleColumn("fi_hz");
        double[] fout = t.doubleColumn("fout_hz");
        OperationResult weighted = run(t, Map.of());
        assertTrue(weighted.warnings().isEmpty(), weighted.warnings().toString());
        assertArrayEquals(TransferFit.fit("HH_RS", MODEL, fe, fi, null, fout, TransferSamples.standardErrors(t), false)
                .coefficients().p(), coefficients(weighted));
        OperationResult none = run(t, Map.of("weighting", "none"));
        assertArrayEquals(TransferFit.fit("HH_RS", MODEL, fe, fi, fout, false).coefficients().p(), coefficients(none));
        assertFalse(java.util.Arrays.equals(coefficients(weighted), coefficients(none)));
    }

    @Test
    void aTableWithoutSpreadIsFittedUnweightedWithAWarning() {
        Table t = samples();
        OperationResult bare = run(t.select("fe_hz", "fi_hz", "fout_hz"), Map.of());
        assertEquals(1, bare.warnings().size(), bare.warnings().toString());
        assertTrue(bare.warnings().get(0).contains("fitted unweighted, as with weighting none"), bare.warnings().get(0));
        assertArrayEquals(coefficients(run(t, Map.of("weighting", "none"))), coefficients(bare));
        assertTrue(run(t.select("fe_hz", "fi_hz", "fout_hz"), Map.of("weighting", "none")).warnings().isEmpty());
    }
}
