package org.neuromf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.transfer.TransferCoefficients;

class MainTest {

    @TempDir
    Path tmp;

    private final Cli cli = new Cli();

    private int run(String... args) {
        return cli.run(args);
    }

    private String err() {
        return cli.err();
    }

    private static final String[] SMALL = {"--neurons", "400", "--p-connect", "0.2", "--tstop", "200", "--transient", "50",
        "--quiet"};

    private String[] simulate(Path dir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "--config", "HH_RS--HH_FS--CONFIG1", "--seed", "5",
                "--out", dir.toString()));
        args.addAll(List.of(SMALL));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @Test
    void simulateWritesTheTables() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, run(simulate(dir, "--n-rec", "2", "--stimulus", "double-gaussian", "--t0", "100", "--t1", "20",
                "--t2", "30", "--amp", "1.5")), err());
        Table rates = Csv.read(dir.resolve("rates.csv"));
        assertEquals(List.of("time_ms", "rate_exc_hz", "rate_inh_hz", "drive_hz"), rates.schema().names());
        assertEquals(2000, rates.rowCount());
        assertEquals(5.5, rates.getDouble(1000, "drive_hz"), 1e-9, "4 Hz drive plus the 1.5 Hz peak at t0 = 100 ms");
        assertEquals(List.of("time_ms", "neuron", "population"), Csv.read(dir.resolve("spikes.csv")).schema().names());
        Table summary = Csv.read(dir.resolve("summary.csv"));
        assertEquals(List.of("population", "neurons", "mean_rate_hz", "rate_sd_hz", "cv_isi", "cv_isi_neurons",
                "synchrony_chi", "spike_count", "active_fraction"), summary.schema().names());
        assertEquals("exc", summary.getString(0, "population"));
        assertEquals(320, summary.getDouble(0, "neurons"));
        assertEquals(List.of("time_ms", "population", "neuron", "v_mv", "g_exc_ns", "g_inh_ns"),
                Csv.read(dir.resolve("traces.csv")).schema().names());
        assertEquals(2 * 2 * 2000, Csv.read(dir.resolve("traces.csv")).rowCount());
        assertTrue(Files.exists(dir.resolve("network.csv")) && Files.exists(dir.resolve("stimulus.csv")));
        assertTrue(Files.readString(dir.resolve("parameters.csv")).contains("seed,5"));
        for (String png : List.of("rates.png", "raster.png")) {
            assertTrue(Files.exists(dir.resolve(png)), png);
            assertNotNull(ImageIO.read(dir.resolve(png).toFile()), png + " is a readable PNG image");
        }
        assertTrue(cli.out().contains("mean_rate_hz"), "prints the summary");
    }

    @Test
    void theSameSeedWritesTheSameFiles() throws Exception {
        assertEquals(0, run(simulate(tmp.resolve("a"))), err());
        assertEquals(0, run(simulate(tmp.resolve("b"), "--threads", "2")), err());
        for (String f : List.of("rates.csv", "spikes.csv", "summary.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        assertFalse(Files.exists(tmp.resolve("a").resolve("traces.csv")), "traces only when asked");
    }

    @Test
    void badValuesAreRefusedByNameBeforeAnythingIsWritten() {
        Path dir = tmp.resolve("bad");
        assertEquals(2, run(simulate(dir, "--dt", "0")));
        assertTrue(err().contains("dt_ms = 0") && err().contains("(0, 1] ms"), err());
        assertEquals(2, run("simulate", "--neurons", "-10", "--out", dir.toString()));
        assertTrue(err().contains("neurons = -10") && err().contains("[2, 100000000]"), err());
        assertEquals(2, run(simulate(dir, "--drive-process", "gamma")));
        assertTrue(err().contains("poisson, bernoulli"), err());
        assertEquals(2, run(simulate(dir, "--t0", "500")));
        assertTrue(err().contains("--stimulus"), err());
        assertEquals(2, run(simulate(dir, "--no-such-flag", "1")));
        assertTrue(err().contains("no-such-flag"), err());
        assertEquals(2, run("simulate", "--config", "HH_RS--HH_XX--CONFIG1", "--out", dir.toString()));
        assertTrue(err().contains("HH_XX") && err().contains("HH_FS"), err());
        assertFalse(Files.exists(dir), "nothing written for refused input");
    }

    @Test
    void presetsListEveryPresetWithUnits() {
        assertEquals(0, run("presets"));
        String text = cli.out();
        for (String s : List.of("HH_RS", "HH_FS", "HH_RS1", "HH_RS2", "HH_RS_noAd", "HH_RS_A", "LIF", "EIF", "AdExp",
                "RS-cell", "RS-cell2", "FS-cell", "ML_RS", "ML_FS", "CONFIG1", "Vogels-Abbott", "gm_ns [nS]", "cm_pf [pF]",
                "tau_w_ms [ms]", "gm_ns=30")) {
            assertTrue(text.contains(s), "presets output lacks " + s);
        }
    }

    @Test
    void runChainsSingleOperationsThroughCsv() {
        Path cells = tmp.resolve("cells");
        assertEquals(0, run("run", "cell-model", "--preset", "RS-cell", "--out", cells.resolve("exc").toString()), err());
        assertEquals(0, run("run", "cell-model", "--preset", "FS-cell", "--changes", "gl_ns=12", "--out",
                cells.resolve("inh").toString()), err());
        Path net = tmp.resolve("net");
        assertEquals(0, run("run", "network-builder", "--input", "excitatory_cell=" + cells.resolve("exc/cell.csv"),
                "--input", "inhibitory_cell=" + cells.resolve("inh/cell.csv"), "--neurons", "500", "--out", net.toString()), err());
        Table network = Csv.read(net.resolve("network.csv"));
        assertEquals("FS-cell (custom)", network.getString(1, "cell"));
        assertEquals(12.0, network.getDouble(1, "gl_ns"));
        Path sim = tmp.resolve("sim");
        assertEquals(0, run("run", "network-simulation", "--input", "network=" + net.resolve("network.csv"), "--tstop", "100",
                "--transient", "20", "--quiet", "--out", sim.toString()), err());
        assertTrue(Files.exists(sim.resolve("summary.csv")) && Files.exists(sim.resolve("rates.csv")));
        assertEquals(2, run("run", "network-simulation", "--out", sim.toString()));
        assertTrue(err().contains("network"), err());
    }

    /** run --sweep: one simulation per value, their summaries one after the other after run and the swept column. */
    @Test
    void runSweepsAnOperation() throws Exception {
        Path cells = tmp.resolve("cells");
        assertEquals(0, run("run", "cell-model", "--preset", "RS-cell", "--out", cells.resolve("exc").toString()), err());
        assertEquals(0, run("run", "cell-model", "--preset", "FS-cell", "--out", cells.resolve("inh").toString()), err());
        Path net = tmp.resolve("net");
        assertEquals(0, run("run", "network-builder", "--input", "excitatory_cell=" + cells.resolve("exc/cell.csv"),
                "--input", "inhibitory_cell=" + cells.resolve("inh/cell.csv"), "--neurons", "500", "--out", net.toString()),
                err());
        Path swept = tmp.resolve("swept");
        assertEquals(0, run("run", "network-simulation", "--input", "network=" + net.resolve("network.csv"), "--tstop",
                "100", "--transient", "20", "--quiet", "--sweep", "inh_drive_rate_hz=2,8", "--out", swept.toString()), err());
        Table summary = Csv.read(swept.resolve("summary.csv"));
        assertEquals(java.util.List.of("run", "inh_drive_rate_hz"), summary.schema().names().subList(0, 2));
        assertEquals(4, summary.rowCount()); // two populations per run
        Path one = tmp.resolve("one");
        assertEquals(0, run("run", "network-simulation", "--input", "network=" + net.resolve("network.csv"), "--tstop",
                "100", "--transient", "20", "--quiet", "--sweep", "inh_drive_rate_hz=8", "--out", one.toString()), err());
        Table single = Csv.read(one.resolve("summary.csv"));
        for (int c = 2; c < summary.columnCount(); c++) {
            assertEquals(single.get(0, c), summary.get(2, c), summary.schema().column(c).name());
        }
        Path specFile = Files.createDirectories(tmp.resolve("spec")).resolve("runs.csv");
        Files.writeString(specFile, "inh_drive_rate_hz\n2\n8\n");
        Path fromSpec = tmp.resolve("from-spec");
        assertEquals(0, run("run", "network-simulation", "--input", "network=" + net.resolve("network.csv"), "--tstop",
                "100", "--transient", "20", "--quiet", "--sweep-spec", specFile.toString(), "--out", fromSpec.toString()),
                err());
        assertEquals(Files.readString(swept.resolve("summary.csv")), Files.readString(fromSpec.resolve("summary.csv")),
                "the same runs from a file");
        assertEquals(2, run("run", "network-simulation", "--input", "network=" + net.resolve("network.csv"), "--tstop",
                "100", "--transient", "20", "--quiet", "--sweep-spec", specFile.toString(), "--out", specFile.getParent().toString()));
        assertTrue(err().contains("the input " + specFile + " lies inside --out"), err());
        assertTrue(Files.exists(specFile), "the user's file is left alone");
        assertEquals(2, run("run", "network-simulation", "--input", "network=" + net.resolve("network.csv"),
                "--sweep", "gx_ns=1,2", "--out", tmp.resolve("bad").toString()));
        assertTrue(err().contains("names nothing network-simulation has"), err());
        assertFalse(Files.exists(tmp.resolve("bad")));
    }

    @Test
    void tfScanThenTfFit() throws Exception {
        Path scan = tmp.resolve("scan");
        assertEquals(0, run("tf-scan", "--cell", "HH_FS", "--network", "CONFIG1", "--fe-max", "20", "--fe-points", "8",
                "--fi-max", "15", "--fi-points", "4", "--seeds", "2", "--tstop", "1500", "--transient", "500", "--quiet",
                "--out", scan.toString()), err());
        Table samples = Csv.read(scan.resolve("tf_samples.csv"));
        assertEquals(List.of("fe_hz", "fi_hz", "fout_hz", "fout_sd_hz", "muv_mv", "sv_mv", "seeds", "w_pa", "p_m",
                "gate_drive_hz", "gate_rate_hz"),
                samples.schema().names());
        assertEquals(32, samples.rowCount());
        Path fit = tmp.resolve("fit");
        assertEquals(0, run("tf-fit", "--samples", scan.resolve("tf_samples.csv").toString(), "--cell", "HH_FS",
                "--network", "CONFIG1", "--out", fit.toString()), err());
        Table coefficients = Csv.read(fit.resolve("coefficients.csv"));
        assertEquals(1, coefficients.rowCount());
        assertEquals("HH_FS", coefficients.getString(0, "cell"));
        assertTrue(coefficients.getDouble(0, "fit_rms_error_hz") < 1, "rms " + coefficients.getDouble(0, "fit_rms_error_hz"));
        assertEquals(32, Csv.read(fit.resolve("residuals.csv")).rowCount());
        assertEquals(700, ImageIO.read(fit.resolve("tf.png").toFile()).getHeight());
        // a sample file from before w_pa, p_m and the gate columns existed fits the same threshold: every sample at
        // W = 0 and p = 0, and no gate kinetics
        Path old = tmp.resolve("old.csv");
        Files.write(old, Files.readAllLines(scan.resolve("tf_samples.csv")).stream()
                .map(line -> String.join(",", Arrays.asList(line.split(",")).subList(0, 7))).toList());
        Path oldFit = tmp.resolve("old-fit");
        assertEquals(0, run("tf-fit", "--samples", old.toString(), "--cell", "HH_FS", "--network", "CONFIG1", "--out",
                oldFit.toString()), err());
        Table oldCoefficients = Csv.read(oldFit.resolve("coefficients.csv"));
        for (int k = 0; k < TransferCoefficients.COUNT; k++) {
            assertEquals(coefficients.getDouble(0, TransferCoefficients.column(k)),
                    oldCoefficients.getDouble(0, TransferCoefficients.column(k)));
        }
        assertTrue(Double.isFinite(coefficients.getDouble(0, "gate_spike_drive")));
        assertTrue(Double.isNaN(oldCoefficients.getDouble(0, "gate_spike_drive")));

        Path points = tmp.resolve("points.csv");
        Files.writeString(points, "fe_hz,fi_hz\n5,8\n7,8\n");
        Path some = tmp.resolve("some");
        assertEquals(0, run("tf-scan", "--cell", "HH_FS", "--points", points.toString(), "--seeds", "2", "--tstop", "1500",
                "--transient", "500", "--quiet", "--out", some.toString()), err());
        assertEquals(2, Csv.read(some.resolve("tf_samples.csv")).rowCount());
    }

    @Test
    void tfCommandsRefuseBadInputAndWriteNothing() throws Exception {
        Path dir = tmp.resolve("bad");
        assertEquals(2, run("tf-scan", "--tstop", "500", "--transient", "1000", "--out", dir.toString()));
        assertTrue(err().contains("transient_ms = 1000") && err().contains("tstop_ms = 500"), err());
        assertEquals(2, run("tf-scan", "--fe-max", "0", "--out", dir.toString()));
        assertTrue(err().contains("fe_max_hz = 0") && err().contains("(0, 10000] Hz"), err());
        assertEquals(2, run("tf-scan", "--seeds", "0", "--out", dir.toString()));
        assertTrue(err().contains("seeds = 0"), err());
        Path noRates = tmp.resolve("samples.csv");
        Files.writeString(noRates, "fe_hz,fi_hz\n5,8\n");
        assertEquals(2, run("tf-fit", "--samples", noRates.toString(), "--out", dir.toString()));
        assertTrue(err().contains("no column 'fout_hz'"), err());
        assertFalse(Files.exists(dir), "nothing written");
    }

    @Test
    void meanfieldAndCompare() throws Exception {
        Path mf = tmp.resolve("mf");
        assertEquals(0, run("meanfield", "--config", "HH_RS--HH_FS--CONFIG1", "--drive", "4", "--order", "2", "--stimulus",
                "double-gaussian", "--t0", "300", "--t1", "50", "--t2", "80", "--amp", "1.5", "--tstop", "600",
                "--drive-points", "11", "--drive-to", "5", "--quiet", "--out", mf.toString()), err());
        Table series = Csv.read(mf.resolve("meanfield.csv"));
        assertEquals(6001, series.rowCount());
        Table fixedPoint = Csv.read(mf.resolve("fixed_point.csv"));
        assertEquals(1.2307, fixedPoint.getDouble(0, "nu_e_hz"), 1e-4, "the reference's second-order fixed point");
        assertEquals(1, fixedPoint.getDouble(0, "stable"));
        assertEquals(11, Csv.read(mf.resolve("sweep.csv")).rowCount());

        Path sim = tmp.resolve("sim");
        assertEquals(0, run(simulate(sim)), err());
        Path cmp = tmp.resolve("cmp");
        assertEquals(0, run("compare", "--rates", sim.resolve("rates.csv").toString(), "--meanfield",
                mf.resolve("meanfield.csv").toString(), "--transient", "50", "--out", cmp.toString()), err());
        Table comparison = Csv.read(cmp.resolve("comparison.csv"));
        assertEquals(List.of("population", "quantity", "unit", "network", "mean_field", "difference",
                "relative_difference"), comparison.schema().names());
        assertTrue(Files.exists(cmp.resolve("histogram.csv")));
        for (String png : List.of("comparison.png", "histogram_exc.png", "histogram_inh.png")) {
            assertEquals(1200, ImageIO.read(cmp.resolve(png).toFile()).getWidth(), png);
        }
        assertTrue(Files.size(mf.resolve("meanfield.png")) > 0);
    }

    @Test
    void meanfieldRefusesWhatCannotWorkAndWritesNothing() {
        Path dir = tmp.resolve("bad");
        assertEquals(2, run("meanfield", "--t", "-5", "--out", dir.toString()));
        assertTrue(err().contains("t_ms = -5"), err());
        assertEquals(2, run("meanfield", "--config", "RS-cell--FS-cell--CONFIG1", "--out", dir.toString()));
        assertTrue(err().contains("population exc (cell RS-cell) has no transfer-function coefficients"), err());
        assertEquals(1, run("meanfield", "--method", "euler", "--dt", "5", "--stimulus", "step", "--onset", "100",
                "--offset", "300", "--amp", "3", "--tstop", "500", "--quiet", "--out", dir.toString()));
        assertTrue(err().contains("diverged") && err().contains("dt_ms = 5"), err());
        assertFalse(Files.exists(dir), "nothing written");
    }

    @Test
    void helpAndVersion() {
        assertEquals(0, run("--help"));
        assertEquals(0, run("simulate", "--help"));
        assertTrue(cli.out().contains("--drive-process"));
        assertEquals(0, run("--version"));
        assertEquals(2, run("frobnicate"));
    }
}
