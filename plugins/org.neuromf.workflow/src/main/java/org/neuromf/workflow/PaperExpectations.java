package org.neuromf.workflow;

import java.util.ArrayList;
import java.util.List;

import org.neuromf.core.cell.CellTable;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.table.Table;
import org.neuromf.core.transfer.FluctuationModel;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.transfer.TransferFunction;

/**
 * The key results each workflow of {@link PaperWorkflows} must show, wherever it ran: headless
 * (the workflow tests) or in KNIME (the integration tests read them from KNIME's own tables).
 * The bounds were measured over seeds; each says where its numbers come from.
 */
public final class PaperExpectations {

    /** What a run of a workflow gave, by node folder ({@code Compare (#6)}). */
    public interface Outputs {
        /** The table of output port {@code port} (from 0). */
        Table table(String nodeFolder, int port);

        /** The width in pixels of a plot node's image. */
        int imageWidth(String nodeFolder);
    }

    private PaperExpectations() {
    }

    /** The expectations that the outputs of {@code workflow} do not meet; empty when all hold. */
    public static List<String> unmet(String workflow, Outputs out) {
        List<String> unmet = new ArrayList<>();
        switch (workflow) {
            case "hh-spontaneous" -> hhSpontaneous(out, unmet);
            case "hh-waveform" -> hhWaveform(out, unmet);
            case "adex-rs-fs" -> adex(out, unmet);
            case "hh-transfer-functions" -> hhTransferFunctions(out, unmet);
            case "mf-drive-sweep" -> driveSweep(out, unmet);
            case "hh-network-sweep" -> networkSweep(out, unmet);
            default -> unmet.add("no expectations for a workflow named " + workflow);
        }
        return unmet;
    }

    private static void expect(List<String> unmet, boolean holds, String what) {
        if (!holds) {
            unmet.add(what);
        }
    }

    /** A value of a Compare table: population, quantity, and the column (network, mean_field, difference, ...). */
    static double value(Table comparison, String population, String quantity, String column) {
        for (int r = 0; r < comparison.rowCount(); r++) {
            if (comparison.getString(r, "population").equals(population)
                    && comparison.getString(r, "quantity").equals(quantity)) {
                return comparison.getDouble(r, column);
            }
        }
        throw new IllegalArgumentException("the comparison has no row " + population + "." + quantity);
    }

    private static void hhSpontaneous(Outputs out, List<String> unmet) {
        Table cmp = out.table("Compare (#6)", 0);
        // seed 1: 1.154 vs 1.231 Hz and 7.58 vs 7.73 Hz, muGe 1.7 % below (1.175 and 7.65 Hz with step synaptic
        // timing, before exact timing was the default); seeds 1-5 spread 0.045 and 0.04 Hz
        double exc = value(cmp, "exc", "mean_rate", "difference");
        double inh = value(cmp, "inh", "mean_rate", "difference");
        double muGe = value(cmp, "exc", "muge", "relative_difference");
        expect(unmet, Math.abs(exc) <= 0.15, "exc rate within 0.15 Hz of the mean field: difference " + exc);
        expect(unmet, Math.abs(inh) <= 0.2, "inh rate within 0.2 Hz of the mean field: difference " + inh);
        expect(unmet, Math.abs(muGe) < 0.05, "muGe within 5 % of the mean field: " + muGe);
        for (String plot : List.of("Activity Plot (#7)", "Raster Plot (#8)")) {
            int width = out.imageWidth(plot);
            expect(unmet, width == 1200, plot + " is 1200 pixels wide: " + width);
        }
    }

    private static void hhWaveform(Outputs out, List<String> unmet) {
        Table cmp = out.table("Compare (#7)", 0);
        // seeds 1-5: correlation 0.70 +- 0.03, the network's peak rise 2.2 +- 0.2 times the mean field's
        double correlation = value(cmp, "exc", "response_correlation", "network");
        double network = value(cmp, "exc", "peak_increase", "network");
        double meanField = value(cmp, "exc", "peak_increase", "mean_field");
        expect(unmet, correlation > 0.6, "response correlation > 0.6: " + correlation);
        expect(unmet, network > 1.5 * meanField, "network peak rise " + network + " > 1.5 x the mean field's " + meanField);
    }

    private static void adex(Outputs out, List<String> unmet) {
        for (String fit : List.of("Transfer Function Fit (#6)", "Transfer Function Fit (#8)")) {
            double rms = out.table(fit, 0).getDouble(0, "fit_rms_error_hz");
            expect(unmet, rms < 0.5, fit + " within 0.5 Hz RMS: " + rms);
        }
        Table cmp = out.table("Compare (#11)", 0);
        double network = value(cmp, "exc", "mean_rate", "network");
        double meanField = value(cmp, "exc", "mean_rate", "mean_field");
        // measured over seeds 1-3 (network seed s, both scans with seed s; the workflow is seed 1), statistics over
        // 1.5-3 s: network 1.640, 1.747, 1.667 Hz (1.685 +- 0.056), mean field 1.817, 1.899, 1.796 Hz
        // (1.837 +- 0.054); the bounds are about 5 SD either side. Before issue 12 (statistics after 500 ms, the a
        // term of dW/dt without its 1/tau_w): network 1.76 +- 0.06 Hz, mean field 2.40 Hz
        expect(unmet, network > 1.45 && network < 1.95, "network exc rate in (1.45, 1.95) Hz: " + network);
        expect(unmet, meanField > 1.6 && meanField < 2.1, "mean-field exc rate in (1.6, 2.1) Hz: " + meanField);
    }

    /** The fitted HH transfer functions against the published ones, on the samples of the scan. */
    private static void hhTransferFunctions(Outputs out, List<String> unmet) {
        String[] cells = {"HH_RS", "HH_FS"};
        String[][] nodes = {{"Transfer Function Scan (#4)", "Transfer Function Fit (#5)", "Published Transfer Function (#6)"},
            {"Transfer Function Scan (#8)", "Transfer Function Fit (#9)", "Published Transfer Function (#10)"}};
        Table network = out.table("Network Builder (#3)", 0);
        for (int a = 0; a < 2; a++) {
            Table samples = out.table(nodes[a][0], 0);
            Table fit = out.table(nodes[a][1], 0);
            Table published = out.table(nodes[a][2], 0);
            expect(unmet, cells[a].equals(published.getString(0, "cell")), nodes[a][2] + " is of " + cells[a]);
            var cell = CellTable.single(out.table("Cell Model (#" + (a + 1) + ")", 0), "cell");
            TransferFunction tf = new TransferFunction(FluctuationModel.of(cell, SynapticInput.forCell(
                    NetworkTable.fromTable(network), cell)), TransferCoefficients.fromTable(published, 0, "published"));
            double squares = 0;
            for (int r = 0; r < samples.rowCount(); r++) {
                double d = tf.rate(samples.getDouble(r, "fe_hz"), samples.getDouble(r, "fi_hz")) - samples.getDouble(r,
                        "fout_hz");
                squares += d * d;
            }
            double publishedRms = Math.sqrt(squares / samples.rowCount());
            double fitRms = fit.getDouble(0, "fit_rms_error_hz");
            // measured: our fits 0.24 and 0.29 Hz; the published fits on our scans 0.85 and 0.47 Hz
            expect(unmet, fitRms < 0.4, cells[a] + " fit within 0.4 Hz RMS: " + fitRms);
            expect(unmet, publishedRms < 1.3, cells[a] + " published fit within 1.3 Hz RMS of the scan: " + publishedRms);
        }
    }

    private static void driveSweep(Outputs out, List<String> unmet) {
        Table sweep = out.table("Mean-Field Drive Sweep (#4)", 0);
        expect(unmet, sweep.rowCount() == 101, "101 drives: " + sweep.rowCount());
        for (int r = 1; r < sweep.rowCount(); r++) {
            double drive = sweep.getDouble(r, "drive_hz");
            expect(unmet, sweep.getDouble(r, "stable") == 1, "stable at " + drive + " Hz");
            expect(unmet, sweep.getDouble(r, "nu_e_hz") > sweep.getDouble(r - 1, "nu_e_hz"), "rising at " + drive + " Hz");
        }
        double atFour = sweep.getDouble(40, "nu_e_hz");
        expect(unmet, Math.abs(atFour - 1.2307) <= 1e-4, "the reference fixed point 1.2307 Hz at 4 Hz: " + atFour);
    }

    /**
     * Seeds 5 and 6, 1 s (statistics after 500 ms): the excitatory network at 0.47, 1.14, 1.75 and
     * 2.37 Hz for drives 3-6 Hz against the mean field's 0.77, 1.23, 1.79 and 2.48 Hz; 5.0 to 12.2 Hz
     * against 5.5 to 12.4 Hz for the inhibitory one. Near 3 Hz the network approaches its quiet state,
     * which the mean field's fixed point does not follow (0.3 Hz above); from 4 Hz on they agree
     * within 0.11 Hz (exc) and 0.3 Hz (inh), the bounds below leaving room for a different seed's SD
     * (about 0.1 Hz exc, 0.15 Hz inh at 1 s).
     */
    private static void networkSweep(Outputs out, List<String> unmet) {
        Table summary = out.table("Network Sweep (#4)", 0);
        expect(unmet, summary.rowCount() == 8, "8 runs: " + summary.rowCount());
        double[] exc = new double[4];
        double[] inh = new double[4];
        for (int r = 0; r < summary.rowCount(); r++) {
            String status = summary.getString(r, "status");
            expect(unmet, status.equals("ok"), "run " + (r + 1) + ": " + status);
            exc[r / 2] += summary.getDouble(r, "exc_mean_rate_hz") / 2;
            inh[r / 2] += summary.getDouble(r, "inh_mean_rate_hz") / 2;
        }
        for (int d = 0; d < 4; d++) {
            double drive = summary.getDouble(2 * d, "drive_rate_hz");
            expect(unmet, d == 0 || exc[d] > exc[d - 1], "the excitatory rate rises at " + drive + " Hz: " + exc[d]);
            if (d > 0) {
                double mfE = summary.getDouble(2 * d, "mf_nu_e_hz");
                double mfI = summary.getDouble(2 * d, "mf_nu_i_hz");
                expect(unmet, Math.abs(exc[d] - mfE) < 0.25, "exc within 0.25 Hz of the mean field at " + drive + " Hz: "
                        + exc[d] + " vs " + mfE);
                expect(unmet, Math.abs(inh[d] - mfI) < 0.6, "inh within 0.6 Hz of the mean field at " + drive + " Hz: "
                        + inh[d] + " vs " + mfI);
            }
        }
        expect(unmet, out.imageWidth("Sweep Plot (#5)") > 0, "the sweep plot is drawn");
    }
}
