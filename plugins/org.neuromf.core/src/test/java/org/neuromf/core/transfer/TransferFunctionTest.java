package org.neuromf.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.SynapticInput;

/** The template against the reference file and its closed-form limits. */
class TransferFunctionTest {

    static TransferFunction published(String cell) {
        Cell c = CellPresets.get(cell);
        SynapticInput in = SynapticInput.forCell(NetworkBuilder.build(c, c, NetworkBuilder.preset("CONFIG1")), c);
        return new TransferFunction(FluctuationModel.of(c, in), TransferCoefficients.preset(cell));
    }

    @Test
    void publishedCoefficientsAreTheReferenceOnes() {
        for (String cell : List.of("HH_RS", "HH_FS")) {
            List<Object> p = Reference.list(Reference.object(Reference.HH_CONFIG1, "tf_coefficients_volts"), cell);
            for (int k = 0; k < TransferCoefficients.COUNT; k++) {
                assertEquals((Double) p.get(k), TransferCoefficients.preset(cell).p(k), 0, cell + " P" + k);
            }
        }
    }

    @Test
    void templateReproducesReferenceRates() {
        int compared = 0;
        for (Object row : Reference.list(Reference.HH_CONFIG1, "tf_values")) {
            double fe = Reference.number(row, "fe");
            double fi = Reference.number(row, "fi");
            for (String cell : List.of("HH_RS", "HH_FS")) {
                double expected = Reference.number(row, "TF_" + cell);
                double actual = published(cell).rate(fe, fi);
                if (expected > 1e-12) {
                    assertEquals(expected, actual, 1e-6 * expected, cell + " at fe = " + fe + ", fi = " + fi);
                    compared++;
                } else {
                    // below the comparison floor only the order of magnitude is meaningful
                    assertTrue(actual >= 0 && actual < 1e-11, cell + " at fe = " + fe + ", fi = " + fi + ": " + actual);
                }
            }
        }
        assertTrue(compared >= 40, "compared " + compared + " reference rates");
    }

    @Test
    void fluctuationsReproduceReferenceRegime() {
        FluctuationModel model = published("HH_RS").model();
        for (Object row : Reference.list(Reference.HH_CONFIG1, "fluctuation_regime_HH_RS_CONFIG1")) {
            double fe = Reference.number(row, "fe");
            double fi = Reference.number(row, "fi");
            Fluctuations f = model.at(fe, fi);
            String where = "fe = " + fe + ", fi = " + fi;
            assertEquals(Reference.number(row, "muV"), f.muV(), 1e-9 * Math.abs(f.muV()), "muV at " + where);
            assertEquals(Reference.number(row, "sV"), f.sV(), 1e-9 * f.sV(), "sV at " + where);
            assertEquals(Reference.number(row, "muGn"), f.muGn(), 1e-9 * f.muGn(), "muGn at " + where);
            assertEquals(Reference.number(row, "TvN"), f.tvN(), 1e-9 * f.tvN(), "TvN at " + where);
        }
    }

    @Test
    void conductanceStatisticsAreCampbellsTheorem() {
        // shot noise of rate K f with exponential kernels Q exp(-t/T): mean K f Q T, variance K f Q^2 T / 2
        Fluctuations f = published("HH_RS").model().at(4, 8);
        assertEquals(400 * 4 * 1e-9 * 5e-3, f.muGe(), 1e-20);
        assertEquals(Math.sqrt(400 * 4 * 1e-18 * 5e-3 / 2), f.sGe(), 1e-20);
        assertEquals(100 * 8 * 5e-9 * 5e-3, f.muGi(), 1e-20);
        assertEquals(Math.sqrt(100 * 8 * 25e-18 * 5e-3 / 2), f.sGi(), 1e-20);
    }

    @Test
    void safeWithoutInputAndInTheTails() {
        for (String cell : List.of("HH_RS", "HH_FS")) {
            TransferFunction tf = published(cell);
            Fluctuations none = tf.model().at(0, 0);
            assertEquals(-0.065, none.muV(), 1e-15, "no input: rest");
            assertEquals(0, none.sV(), 0);
            assertEquals(200e-12 / 10e-9, none.tauV(), 1e-15, "no input: tauV = Cm/gL");
            assertEquals(0, tf.rate(0, 0), 0, "no input, threshold above rest: silent");
            for (double fe : new double[] {0, 1e-9, 0.1, 1, 10, 100, 1e3, 1e4}) {
                for (double fi : new double[] {0, 1e-9, 0.1, 1, 10, 100, 1e3, 1e4}) {
                    double r = tf.rate(fe, fi);
                    assertTrue(Double.isFinite(r) && r >= 0, cell + " F(" + fe + ", " + fi + ") = " + r);
                }
            }
            assertTrue(Double.isFinite(tf.rate(-1, -1)) && tf.rate(-1, -1) == tf.rate(0, 0), "negative rates count as 0");
        }
    }

    @Test
    void thresholdInvertsRate() {
        Fluctuations f = published("HH_FS").model().at(6, 8);
        for (double above : new double[] {0.5e-3, 2e-3, 5e-3, 10e-3, 25e-3}) {
            double veff = f.muV() + above;
            double rate = TransferFunction.rate(f, veff);
            assertTrue(rate > 0, "rate at " + veff);
            assertEquals(veff, TransferFunction.threshold(f, rate), 1e-12, "threshold of F(" + veff + ") = " + rate);
        }
        assertTrue(Double.isNaN(TransferFunction.threshold(f, 0)), "0 Hz has no finite threshold");
        // MODEL.md 4c inverts only thresholds above muV, where F < 1/(2 tauV)
        assertTrue(Double.isNaN(TransferFunction.threshold(f, TransferFunction.rate(f, f.muV() - 0.001))));
        assertTrue(Double.isNaN(TransferFunction.threshold(f, 1 / (2 * f.tauV()))));
    }

    @Test
    void erfcInverseIsAccurateInTheTail() {
        for (double y : new double[] {1, 0.5, 1e-3, 1e-10, 1e-16, 1e-30, 1e-100, 1e-300}) {
            double u = TransferFunction.erfcInverse(y);
            assertEquals(y, Erf.erfc(u), 1e-12 * y, "erfc(erfcInverse(" + y + "))");
        }
    }

    @Test
    void adaptationCurrentLowersMeanPotential() {
        FluctuationModel m = published("HH_RS").model();
        Fluctuations without = m.at(4, 8);
        double w = 50e-12;
        assertEquals(without.muV() - w / without.muG(), m.at(4, 8, w, 0).muV(), 1e-15, "muV with gL EL - W");
    }
}
