package org.neuromf.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.cli.Main;
import org.neuromf.core.sweep.NetworkSweep;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;

/**
 * The job jar, submitted with Spark's own spark-submit entry point (SparkSubmit, what the
 * spark-submit script runs) to a real Spark in local mode with two executor threads, writes the same
 * tables bit for bit as the command line's local sweep; a run whose integration blows up says why in
 * its row, and the other runs finish.
 */
class SparkSweepTest {

    @TempDir
    Path work;

    /** The sweep: AdEx runs, the first row's adaptation so strong that V runs away below rest. */
    private List<String> sweep(Path out) throws Exception {
        Path spec = work.resolve("runs.csv");
        Files.writeString(spec, "exc_a_ns,exc_tau_w_ms,drive_rate_hz\n-10000,1,4\n4,500,4\n4,500,20\n");
        return List.of("sweep", "--config", "RS-cell--FS-cell--CONFIG1", "--spec", spec.toString(), "--neurons", "1000",
                "--tstop", "400", "--transient", "100", "--seeds", "2", "--keep-rates", "true", "--threads", "1",
                "--quiet", "--out", out.toString());
    }

    @Test
    void theJobJarOnSparkWritesTheLocalSweepsTablesBitForBit() throws Exception {
        Path local = work.resolve("local");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, new Main(print, print, NetworkSweep.Runner.LOCAL).run(sweep(local).toArray(String[]::new)),
                out.toString(StandardCharsets.UTF_8));

        Path spark = work.resolve("spark");
        Path jar = Path.of("target", "neuromf-spark.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the job jar is packaged before the tests run: " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g"));
        command.addAll(Arrays.asList(System.getProperty("spark.java.options", "").trim().split("\\s+")));
        command.addAll(List.of("-cp", sparkClassPath(), "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
                "--conf", "spark.ui.enabled=false", "--class", SparkSweep.class.getName(), jar.toString()));
        command.addAll(sweep(spark));
        Path log = work.resolve("spark.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "spark-submit finishes");
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("6 runs, 2 failed"), output);
        Matcher tasks = Pattern.compile("Executor: Finished task \\d+\\.\\d+ in stage").matcher(output);
        int finished = 0;
        while (tasks.find()) {
            finished++;
        }
        assertEquals(6, finished, "one Spark task per run:\n" + output);

        for (String file : List.of("summary.csv", "rates.csv", "runs.csv", "network.csv", "parameters.csv")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(spark.resolve(file)), file);
        }
        Table summary = Csv.read(spark.resolve("summary.csv"));
        assertTrue(summary.getDouble(5, summary.schema().indexOf("inh_mean_rate_hz")) > 0, "a run at 20 Hz fires");
        int status = summary.schema().indexOf("status");
        for (int r = 0; r < 6; r++) {
            String s = summary.getString(r, status);
            if (r < 2) {
                assertTrue(s.startsWith("failed: the integration produced") && s.contains("in population exc"), s);
            } else {
                assertEquals("ok", s);
                assertTrue(Double.isFinite(summary.getDouble(r, summary.schema().indexOf("exc_mean_rate_hz"))));
            }
        }
    }

    /** Spark's jars as a cluster has them: the test class path without NeuroMF and the test libraries. */
    private static String sparkClassPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String n = e.replace('\\', '/');
            if (!n.contains("/org/neuromf/") && !n.contains("/target/") && !n.contains("junit")
                    && !n.contains("opentest4j") && !n.contains("apiguardian") && !n.contains("picocli")
                    && !n.contains("jfree")) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
