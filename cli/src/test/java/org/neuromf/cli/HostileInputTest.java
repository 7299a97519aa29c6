package org.neuromf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationRegistry;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.util.OutputFolder;

/**
 * The command line as a demanding user meets it: every refusal is one clear line with exit code 2,
 * before any work, and leaves every file as it was; no stack trace ever.
 */
class HostileInputTest {

    @TempDir
    Path tmp;

    private final Cli cli = new Cli();

    private int run(String... args) {
        return cli.run(args);
    }

    private String err() {
        return cli.err();
    }

    /** What was printed, with line wrapping undone. */
    private String out() {
        return cli.out().replaceAll("\\s+", " ");
    }

    /** Refused with exit code 2, before any work (no progress line), with every expected piece in the message. */
    private void assertRefused(String[] args, String... expected) {
        assertEquals(2, run(args), String.join(" ", args) + "\n" + err());
        for (String e : expected) {
            assertTrue(err().contains(e), "'" + err() + "' should contain '" + e + "'");
        }
        assertFalse(err().contains("%]"), "refused before any work: " + err());
    }

    /** A small, quick simulation into dir, with progress on (so that work would show). */
    private static String[] simulate(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("simulate", "--neurons", "400", "--p-connect", "0.2", "--tstop", "200",
                "--transient", "50", "--out", dir.toString()));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    /** Every file under root with its content, to show that a refusal touched nothing. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                files.put(root.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<folder>");
            }
        }
        return files;
    }

    @Test
    void everyCommandExplainsItselfWithUnitsDefaultsAndRanges() {
        // picocli formats help texts and warns on System.err about a lone % in them
        java.io.PrintStream savedErr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            explainEveryCommand();
        } finally {
            System.setErr(savedErr);
        }
        assertFalse(warnings.toString(java.nio.charset.StandardCharsets.UTF_8).contains("WARN"), warnings::toString);
    }

    private void explainEveryCommand() {
        for (String command : List.of("simulate", "tf-scan", "tf-fit", "tf-self-consistent", "paper", "run-workflow",
                "meanfield", "compare", "presets", "operations", "sweep")) {
            assertEquals(0, run(command, "--help"), command + ": " + err());
            assertTrue(out().startsWith("Usage: neuromf " + command), command + ": " + out());
        }
        assertEquals(0, run("paper", "--help"));
        assertTrue(out().contains("(default 5; allowed [1, 100])") && out().contains("(default 2000 ms; allowed [1000,"
                + " 1000000] ms)"), out());
        assertEquals(0, run("simulate", "--help"));
        assertTrue(out().contains("(default 0.1 ms; allowed (0, 1] ms)"), out());
        for (Operation op : OperationRegistry.standard().all()) {
            assertEquals(0, run("run", op.id(), "--help"), op.id() + ": " + err());
            for (ParameterSpec s : op.parameters()) {
                assertTrue(out().contains("--" + s.flagName()) && out().contains("allowed " + s.allowed()),
                        op.id() + " --help shows --" + s.flagName() + " with its range: " + out());
            }
        }
    }

    @Test
    void usageWithoutACommandOrOperation() {
        assertEquals(2, run());
        assertTrue(err().contains("usage: neuromf COMMAND"), err());
        assertEquals(0, run("--help"));
        assertEquals(2, run("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"), err());
        for (String help : List.of("--help", "-h")) {
            assertEquals(0, run("run", help));
            assertTrue(out().contains("usage: neuromf run OPERATION") && out().contains("network-simulation"), out());
        }
        assertEquals(2, run("run"));
        assertTrue(err().contains("usage: neuromf run OPERATION"), err());
        assertRefused(new String[] {"run", "foo"}, "no operation 'foo'", "network-simulation");
        assertRefused(new String[] {"run", "--tstop", "5"}, "name the operation before its options");
        assertRefused(new String[] {"run", "cell-model", "--no-such", "--out", "x"}, "--no-such",
                "neuromf run cell-model --help");
    }

    @Test
    void outFoldersThatHoldSomethingElseAreRefusedAndUntouched() throws IOException {
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine.resolve("sub"));
        Files.writeString(mine.resolve("my_notes.txt"), "notes");
        Files.writeString(mine.resolve("sub/data.csv"), "data");
        Path thesis = Files.writeString(tmp.resolve("thesis.txt"), "chapter 1");
        Map<String, String> before = snapshot(tmp);
        assertRefused(simulate(mine), "--out " + mine, "neuromf did not write (my_notes.txt, sub)");
        assertRefused(simulate(thesis), "is a file, not a folder");
        assertRefused(simulate(Path.of(".")), "is the current folder");
        assertRefused(simulate(Path.of("")), "--out is empty");
        assertRefused(simulate(Path.of("/proc/neuromf/out")), "cannot create the folder /proc/neuromf");
        String home = System.getProperty("user.home");
        try {
            System.setProperty("user.home", mine.toString());
            assertRefused(simulate(mine), "is your home folder");
        } finally {
            System.setProperty("user.home", home);
        }
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void runWorkflowNeverTouchesTheUsersFilesOrTheWorkflow() throws IOException {
        Path workflow = tmp.resolve("hh-spontaneous");
        Path source = Path.of("../test-workflows/hh-spontaneous");
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = workflow.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine.resolve("sub"));
        Files.writeString(mine.resolve("my_notes.txt"), "notes");
        Files.writeString(mine.resolve("sub/data.csv"), "data");
        Map<String, String> before = snapshot(tmp);
        assertRefused(new String[] {"run-workflow", workflow.toString(), "--out", mine.toString()},
                "neuromf did not write (my_notes.txt, sub)");
        assertRefused(new String[] {"run-workflow", workflow.toString(), "--out", workflow.toString()}, "is the input");
        assertRefused(new String[] {"run-workflow", workflow.toString(), "--out", workflow.resolve("results").toString()},
                "lies inside the input");
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void aRerunReplacesItsOwnResultsOnly() throws IOException {
        Path dir = tmp.resolve("run");
        assertEquals(0, run(simulate(dir, "--n-rec", "2", "--stimulus", "constant", "--amp", "1", "--quiet")), err());
        assertTrue(Files.exists(dir.resolve("traces.csv")) && Files.exists(dir.resolve("stimulus.csv")));
        Files.writeString(dir.resolve("my_notes.txt"), "notes");
        assertEquals(0, run(simulate(dir, "--quiet")), err());
        assertFalse(Files.exists(dir.resolve("traces.csv")) || Files.exists(dir.resolve("stimulus.csv")),
                "the earlier run's outputs that this run does not write are gone");
        assertEquals("notes", Files.readString(dir.resolve("my_notes.txt")));
        assertRefused(new String[] {"meanfield", "--tstop", "100", "--out", dir.toString()},
                "holds the results of neuromf simulate");
        try (OutputFolder busy = OutputFolder.open(dir, "simulate", List.of())) {
            assertRefused(simulate(dir), "another neuromf run is writing into " + dir);
        }
    }

    @Test
    void conflictingOptionsAreRefused() throws IOException {
        Path dir = tmp.resolve("never");
        assertRefused(new String[] {"meanfield", "--drive", "4", "--drive-rate", "5", "--out", dir.toString()},
                "should be specified only once");
        assertRefused(simulate(dir, "--tstop", "300"), "should be specified only once");
        assertRefused(simulate(dir, "--stimulus", "step", "--t0", "50"), "--t0 does not shape a step stimulus",
                "--amp, --onset, --offset");
        assertRefused(new String[] {"meanfield", "--drive-to", "5", "--out", dir.toString()}, "add --drive-points");
        Path points = Files.writeString(tmp.resolve("points.csv"), "fe_hz,fi_hz\n5,8\n");
        assertRefused(new String[] {"tf-scan", "--points", points.toString(), "--fe-max", "20", "--out", dir.toString()},
                "--fe-max shapes the grid, which --points replaces");
        assertRefused(new String[] {"run", "cell-model", "--input", "a=x.csv", "--input", "a=y.csv", "--out",
            dir.toString()}, "--input a is given twice");
        assertFalse(Files.exists(dir));
    }

    /** The tester's commands, as typed (issue 10), each refused in one line before any work. */
    @Test
    void theTestersCommands() throws IOException {
        Path dir = tmp.resolve("never");
        String out = dir.toString();
        assertRefused(new String[] {"meanfield", "--dt", "0.001", "--tstop", "1e7", "--out", out}, "10000000001 rows",
                "raise dt_ms or shorten tstop_ms");
        assertRefused(new String[] {"meanfield", "--dt", "100", "--tstop", "50", "--out", out}, "dt_ms = 100");
        assertRefused(new String[] {"meanfield", "--dt", "0.07", "--tstop", "1", "--out", out}, "0.98 or 1.05");
        assertRefused(new String[] {"simulate", "--neurons", "200000", "--out", out}, "needs about", "of memory",
                "NEUROMF_JAVA_OPTS=-Xmx");
        assertRefused(simulate(dir, "--seed", "9223372036854775808"), "seed = 9223372036854775808",
                "[0, 9223372036854775807]");
        assertRefused(simulate(dir, "--exc-changes", "gm_ns=15,gm_ns=20"), "gm_ns is given twice");
        assertRefused(new String[] {"compare", "--rates", tmp.resolve("nothere.csv").toString(), "--meanfield",
            tmp.resolve("nothere.csv").toString(), "--out", out}, "cannot read", "no such file or folder");
        Path binary = Files.write(tmp.resolve("rates.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
        assertRefused(new String[] {"compare", "--rates", binary.toString(), "--meanfield", binary.toString(), "--out",
            out}, "is not a UTF-8 text file");
        assertEquals(0, run(simulate(tmp.resolve("sim"), "--quiet")), err());
        assertEquals(0, run("meanfield", "--tstop", "200", "--quiet", "--out", tmp.resolve("mf").toString()), err());
        String rates = tmp.resolve("sim/rates.csv").toString();
        String meanField = tmp.resolve("mf/meanfield.csv").toString();
        Path headerOnly = Files.writeString(tmp.resolve("header.csv"), "time_ms,rate_exc_hz,rate_inh_hz,drive_hz\n");
        assertRefused(new String[] {"compare", "--rates", headerOnly.toString(), "--meanfield", meanField, "--out", out},
                "header.csv has no rows");
        assertRefused(new String[] {"compare", "--rates", rates, "--meanfield", meanField, "--bin", "0.07", "--out", out},
                "bin_ms = 0.07");
        List<String> lines = Files.readAllLines(Path.of(rates));
        String[] cells = lines.get(5).split(",");
        cells[1] = "inf";
        lines.set(5, String.join(",", cells));
        Path withInf = tmp.resolve("inf.csv");
        Files.write(withInf, ("\uFEFF" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        assertRefused(new String[] {"compare", "--rates", withInf.toString(), "--meanfield", meanField, "--out", out},
                "inf.csv row 5, column rate_exc_hz: inf is not a finite number");
        assertFalse(Files.exists(dir));
        assertEquals(0, run("compare", "--rates", rates, "--meanfield", meanField, "--transient", "50", "-q", "--out",
                tmp.resolve("cmp").toString()), err());
    }
}
