package org.neuromf.knime.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * NeuroMF in a real KNIME core: the update site's bundles installed into KNIME inside Equinox (in
 * a JVM of Java 21 or newer), where the checks of {@code src/probe} load and run every test
 * workflow, exercise every node factory, cancel, fail, use flow variables and save workflows.
 * Each check is one test here. The workflows KNIME saved are then run with the command line.
 * Without a KNIME folder the tests are skipped, saying how to run them.
 */
@Tag("slow")
class KnimeIntegrationTest {

    /** One check made inside KNIME. */
    record Check(String name, boolean passed, String message) {
    }

    private static final List<Check> CHECKS = new ArrayList<>();
    private static Path saved;
    private static int exitCode;
    private static Path log;

    @BeforeAll
    static void runTheChecksInsideKnime() throws Exception {
        Path bundles = knimeBundles();
        if (!Files.isDirectory(bundles)) {
            String skipped = "KNIME integration tests skipped: no KNIME bundles at " + bundles.toAbsolutePath().normalize()
                    + "; to run them: ./mvnw verify -pl knime-integration -am -Dtest=KnimeIntegrationTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Dneuromf.knime.bundles=<a folder of KNIME AP 5.x bundles"
                    + " with Equinox, e.g. a KNIME installation's plugins folder> (README: KNIME)";
            System.out.println(skipped);
            Assumptions.abort(skipped);
        }
        Path updateSite = Path.of(System.getProperty("neuromf.updateSite"));
        assertTrue(Files.isDirectory(updateSite.resolve("plugins")), "no update site at " + updateSite
                + ": build it first (./mvnw package)");
        KnimeCore core = new KnimeCore(bundles, KnimeCore.equinox(bundles), jdk());

        Path work = Path.of(System.getProperty("neuromf.work"));
        if (Files.exists(work)) {
            deleteTree(work); // this module's own target/knime, from an earlier run
        }
        Files.createDirectories(work);
        List<Path> installed = core.installed(updateSite);
        core.compile(Path.of(System.getProperty("neuromf.launcher")), List.of(core.equinox), work.resolve("launcher"), work);
        Path probe = Path.of(System.getProperty("neuromf.probe"));
        core.compile(probe.resolve("java"), installed, work.resolve("probe"), work);
        Path probeJar = work.resolve("org.neuromf.knime.probe.jar");
        KnimeCore.bundle(work.resolve("probe"), probe.resolve("META-INF/MANIFEST.MF"), probeJar);
        installed.add(probeJar);

        Path results = work.resolve("results.txt");
        saved = Files.createDirectories(work.resolve("saved"));
        log = work.resolve("knime.log");
        exitCode = core.run(work.resolve("launcher"), installed, "org.neuromf.knime.probe",
                "org.neuromf.knime.probe.Probe", List.of(results.toString(), System.getProperty("neuromf.testWorkflows"),
                        Files.createDirectories(work.resolve("scratch")).toString(), saved.toString()), work, log, 25);
        if (Files.exists(results)) {
            for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 4);
                CHECKS.add(new Check(f[1], f[0].equals("PASS"), f.length > 3 ? unescape(f[3]) : ""));
            }
        }
    }

    /** The KNIME bundles: -Dneuromf.knime.bundles, else $NEUROMF_KNIME_BUNDLES, else ../shared/knime/bundles. */
    private static Path knimeBundles() {
        String named = System.getProperty("neuromf.knime.bundles", "");
        if (named.isBlank()) {
            named = System.getenv().getOrDefault("NEUROMF_KNIME_BUNDLES", "");
        }
        return named.isBlank() ? Path.of(System.getProperty("neuromf.repository"), "..", "shared", "knime", "bundles")
                : Path.of(named);
    }

    /** A JDK of Java 21 or newer: the one named by -Dneuromf.knime.java, or the newest installed. */
    private static Path jdk() {
        String named = System.getProperty("neuromf.knime.java", "");
        if (!named.isBlank()) {
            Path home = Path.of(named);
            assertTrue(Jdks.version(home) >= KnimeCore.JAVA && Jdks.hasCompiler(home), "-Dneuromf.knime.java=" + named
                    + " is not a JDK " + KnimeCore.JAVA + " or newer (KNIME 5.x needs one): name the home folder of one");
            return home;
        }
        return Jdks.newest(KnimeCore.JAVA).orElseThrow(() -> new AssertionError("no JDK " + KnimeCore.JAVA
                + " or newer found (KNIME 5.x needs one; looked in " + String.join(", ", Jdks.places())
                + "): install one, or name its home folder with -Dneuromf.knime.java=DIR"));
    }

    @TestFactory
    Stream<DynamicTest> insideKnime() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("KNIME started, ran every check and stopped normally", () -> assertEquals(0,
                exitCode, (exitCode == -1 ? "still running after 25 minutes" : "exit code " + exitCode) + "; the end of "
                        + log + ":\n" + KnimeCore.tail(log, 60))));
        for (Check c : CHECKS) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                if (!c.passed()) {
                    fail(c.name() + ": " + c.message());
                }
            }));
        }
        return tests.stream();
    }

    /**
     * The workflows KNIME saved (built with WorkflowManager calls; once before executing, once with
     * its data) run with {@code neuromf run-workflow} and give the same tables as the committed one.
     */
    @Test
    void workflowsThatKnimeSavedRunWithTheCommandLine(@TempDir Path tmp) throws Exception {
        Map<String, String> reference = runWorkflow(Path.of(System.getProperty("neuromf.testWorkflows"), "mf-drive-sweep"),
                tmp.resolve("reference"));
        assertTrue(reference.keySet().stream().anyMatch(f -> f.startsWith("Mean-Field Drive Sweep (#4)/")), "" + reference
                .keySet());
        for (String kind : List.of("built", "executed")) {
            Path workflow = saved.resolve(kind).resolve("mf-drive-sweep");
            assertTrue(Files.exists(workflow.resolve("workflow.knime")), "KNIME saved " + workflow);
            assertEquals(reference, runWorkflow(workflow, tmp.resolve(kind)), kind + ": the same tables");
        }
    }

    /** Runs {@code neuromf run-workflow} in a JVM of its own; returns every CSV written, by path. */
    private static Map<String, String> runWorkflow(Path workflow, Path out) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = out.resolveSibling(out.getFileName() + ".log");
        Process p = new ProcessBuilder(java.toString(), "-jar", System.getProperty("neuromf.cliJar"), "run-workflow",
                workflow.toString(), "--out", out.toString()).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        assertEquals(0, p.waitFor(), "run-workflow " + workflow + ":\n" + Files.readString(output));
        Map<String, String> csv = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path f : (Iterable<Path>) all.filter(f -> f.toString().endsWith(".csv"))::iterator) {
                csv.put(out.relativize(f).toString(), Files.readString(f));
            }
        }
        return csv;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                b.append(next == 'n' ? '\n' : next);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
