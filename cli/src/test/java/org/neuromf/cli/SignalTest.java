package org.neuromf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (SIGINT) and SIGTERM, sent to a real neuromf process while it writes its results: the
 * staging folder goes, nothing appears, one line says so, and the exit code is 128 + the signal.
 */
class SignalTest {

    @TempDir
    Path tmp;

    /** A neuromf JVM on the test class path; SIGINT and SIGTERM at their defaults even if this JVM ignores them. */
    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT,TERM",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
    }

    /** Waits until a file under a staging folder in {@code parent} matches, i.e. until the results are being written. */
    private static void awaitStaged(Path parent, Process p, Predicate<Path> file) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Stream<Path> all = Files.walk(parent)) {
                if (all.anyMatch(f -> f.toString().contains(".neuromf-staging-") && Files.isRegularFile(f) && file.test(f))) {
                    return;
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // a file vanished while walking: look again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run never started writing (alive: " + p.isAlive() + ")");
    }

    private void assertInterrupted(Process p, int code, Path parent, Path out) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the process ends");
        List<String> err = Files.readAllLines(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(code, p.exitValue(), String.join("\n", err));
        assertEquals(1, err.size(), "one line: " + err);
        assertTrue(err.get(0).contains("interrupted; nothing was written to " + out.toAbsolutePath()), err.get(0));
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), "no results, no staging folder, no lock");
        }
    }

    private static void signal(Process p, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid())).start().waitFor());
    }

    /** Ctrl-C is SIGINT (exit code 130); kill's default is SIGTERM (143). */
    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalWhileWritingLeavesNothing(String signal, int code) throws Exception {
        Path parent = Files.createDirectory(tmp.resolve("results"));
        Path out = parent.resolve("W");
        Process p = start("simulate", "--neurons", "2000", "--tstop", "300", "--transient", "100", "--n-rec", "500",
                "--quiet", "--out", out.toString());
        awaitStaged(parent, p, f -> f.getFileName().toString().equals("rates.csv"));
        signal(p, signal);
        assertInterrupted(p, code, parent, out);
    }

    /** The paper's pipeline is one result: interrupted once the HH network is written, neither network appears. */
    @Test
    void anInterruptedPaperLeavesNeitherNetwork() throws Exception {
        Path parent = Files.createDirectory(tmp.resolve("results"));
        Path out = parent.resolve("paper");
        Process p = start("paper", "--published-fits", "--seeds", "1", "--tstop", "1000", "--self-consistent-iterations", "0",
                "--quiet", "--out", out.toString());
        awaitStaged(parent, p, f -> f.getParent().getFileName().toString().equals("hh"));
        signal(p, "INT");
        assertInterrupted(p, 130, parent, out);
    }
}
