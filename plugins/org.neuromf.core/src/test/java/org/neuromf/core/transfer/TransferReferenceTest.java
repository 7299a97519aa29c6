package org.neuromf.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.simulation.PresynapticInput;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.util.Progress;

/** Measured transfer functions of HH_RS and HH_FS in CONFIG1 against the authors' runs and fits. */
class TransferReferenceTest {

    /**
     * The authors' single-neuron runs (one seed, 10 s counted) at fi = 8 Hz: our mean over 8 seeds
     * of the same duration lies within 3 seed SDs (plus one spike in 10 s) of each of their values.
     */
    @Test
    void scanAgreesWithTheAuthorsSingleNeuronRuns() {
        for (String name : List.of("HH_RS", "HH_FS")) {
            List<Object> rows = Reference.list(Reference.object(Reference.HH_CONFIG1, "single_neuron_simulation"), name);
            double[] fe = new double[rows.size()];
            double[] fi = new double[rows.size()];
            for (int i = 0; i < fe.length; i++) {
                fe[i] = Reference.number(rows.get(i), "fe");
                fi[i] = Reference.number(rows.get(i), "fi");
            }
            Cell cell = CellPresets.get(name);
            TransferScan.Settings s = TransferScan.Settings.of(Map.of("tstop_ms", 15000.0, "transient_ms", 5000.0,
                    "seeds", 8));
            List<Measurement> ours = TransferScan.points(cell, TransferScanTest.CONFIG1, PresynapticInput.POISSON, fe, fi, s, Progress.NONE);
            for (int i = 0; i < fe.length; i++) {
                Measurement m = ours.get(i);
                Object theirs = rows.get(i);
                String where = name + " at fe = " + fe[i];
                System.out.printf("%s: rate %.2f +- %.2f Hz (authors %.2f), muV %.2f mV (%.2f), sV %.2f mV (%.2f)%n",
                        where, m.meanRate(), m.rateSd(), Reference.number(theirs, "fout_sim"), m.muV() * 1e3,
                        Reference.number(theirs, "muV_sim") * 1e3, m.sV() * 1e3, Reference.number(theirs, "sV_sim") * 1e3);
                assertEquals(Reference.number(theirs, "fout_sim"), m.meanRate(), 3 * m.rateSd() + 0.1, where + " rate");
                // muV and sV also differ by the authors' M-current time constant (4000 ms in their single-neuron
                // script, 400 ms in their network and here) and by spike flanks below -40 mV: measured within
                // 0.25 mV and 6 %
                assertEquals(Reference.number(theirs, "muV_sim"), m.muV(), 0.5e-3, where + " muV");
                assertEquals(Reference.number(theirs, "sV_sim"), m.sV(), 0.1 * m.sV(), where + " sV");
            }
        }
    }

    /**
     * The default scan (10 x 8 grid, 4 seeds x 10 s) and fit: the fitted template reproduces the
     * scan to within a few tenths of a hertz, and the published fits, made from the authors' own
     * scans, reproduce ours to within about a hertz.
     */
    @Test
    void fullScanAndFitReproduceTheScanAndThePublishedFit() {
        Map<String, double[]> bounds = Map.of("HH_RS", new double[] {0.4, 1.3}, "HH_FS", new double[] {0.45, 0.8});
        for (String name : List.of("HH_RS", "HH_FS")) {
            Cell cell = CellPresets.get(name);
            List<Measurement> scan = TransferScan.grid(cell, TransferScanTest.CONFIG1, PresynapticInput.POISSON,
                    TransferScan.Settings.of(Map.of()), Progress.NONE);
            int n = scan.size();
            double[] fe = new double[n];
            double[] fi = new double[n];
            double[] rate = new double[n];
            for (int i = 0; i < n; i++) {
                fe[i] = scan.get(i).fe();
                fi[i] = scan.get(i).fi();
                rate[i] = scan.get(i).meanRate();
            }
            TransferFunction published = TransferFunctionTest.published(name);
            TransferFit.Result fit = TransferFit.fit(name, published.model(), fe, fi, rate, false);
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = published.rate(fe[i], fi[i]) - rate[i];
                squares += d * d;
            }
            double publishedRms = Math.sqrt(squares / n);
            System.out.printf("%s: %d samples, fit rms %.3f Hz, mean |error| %.3f Hz; published fit on our scan rms %.3f Hz%n"
                    + "  fitted P (mV) %s%n", name, n, fit.rmsError(), fit.meanAbsoluteError(), publishedRms,
                    java.util.Arrays.toString(java.util.Arrays.stream(fit.coefficients().p()).map(x -> x * 1e3).toArray()));
            // measured 0.24 (RS) and 0.29 Hz (FS), from samples whose seed SD reaches 1-2 Hz at 20-30 Hz
            assertTrue(fit.rmsError() < bounds.get(name)[0], name + " fit rms " + fit.rmsError());
            // measured 0.85 (RS) and 0.47 Hz (FS)
            assertTrue(publishedRms < bounds.get(name)[1], name + " published fit on our scan, rms " + publishedRms);
            assertTrue(fit.rmsError() < publishedRms, "our fit describes our scan better than the published one");
        }
    }
}
