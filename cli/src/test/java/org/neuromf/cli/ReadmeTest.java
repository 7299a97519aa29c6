package org.neuromf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.table.Csv;

/**
 * Every {@code ./neuromf} command of the README works as written: each line of its bash blocks runs, in
 * order, in a fresh folder (with test-workflows beside it), as its own process, in a short form (fewer
 * neurons, seeds and samples) that only changes sizes. No {@code ./neuromf} command may stand elsewhere
 * in the README, untested.
 */
class ReadmeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Per command, the options that make it short: a value replaces the README's, or is added. */
    private static final Map<String, List<String>> SHORT = Map.of(
            "paper", List.of("--published-fits", "", "--seeds", "1", "--tstop", "1000", "--self-consistent-iterations", "0"),
            "simulate", List.of("--tstop", "1200", "--neurons", "400", "--p-connect", "0.2"),
            "tf-scan", List.of("--fe-points", "8", "--fi-points", "4", "--seeds", "2", "--tstop", "1500", "--transient",
                    "500"),
            "meanfield", List.of("--tstop", "1200"),
            "sweep", List.of("--tstop", "700", "--seeds", "1", "--neurons", "2000"),
            "tf-self-consistent", List.of("--max-iterations", "1", "--tstop", "5000", "--transient", "1000",
                    "--target-spikes", "100", "--max-seeds", "12", "--focus-spikes", "1000"));

    @TempDir
    Path work;

    static List<String> readmeCommands() throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inBash = false;
        for (String line : Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inBash = line.equals("```bash");
            } else if (inBash && line.startsWith("./neuromf ")) {
                commands.add(line);
            } else {
                assertFalse(line.contains("./neuromf"), "a ./neuromf command outside a bash block is not tested: " + line);
            }
        }
        return commands;
    }

    /** The README's arguments with the short form applied. */
    static List<String> shortForm(String command) {
        List<String> args = new ArrayList<>(Arrays.asList(command.substring("./neuromf ".length()).split(" ")));
        List<String> changes = SHORT.getOrDefault(args.get(0), List.of());
        for (int i = 0; i < changes.size(); i += 2) {
            int at = args.indexOf(changes.get(i));
            if (at >= 0 && !changes.get(i + 1).isEmpty()) {
                args.set(at + 1, changes.get(i + 1));
            } else if (at < 0) {
                args.add(changes.get(i));
                if (!changes.get(i + 1).isEmpty()) {
                    args.add(changes.get(i + 1));
                }
            }
        }
        return args;
    }

    private String run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path log = work.resolve("log.txt");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "finishes: " + args);
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), String.join(" ", args) + "\n" + output);
        return output;
    }

    @Test
    void everyReadmeCommandRunsInItsShortForm() throws Exception {
        Files.createSymbolicLink(work.resolve("test-workflows"), ROOT.resolve("test-workflows"));
        List<String> commands = readmeCommands();
        assertTrue(commands.size() >= 10, "the README's commands: " + commands);
        for (String c : commands) {
            String output = run(shortForm(c));
            assertFalse(output.contains("\tat ") || output.contains("Exception"), c + "\n" + output);
        }
        // what the main job promises, in its short form
        Path paper = work.resolve("results/paper");
        String report = Files.readString(paper.resolve("report.md"));
        assertTrue(report.contains("HH_RS--HH_FS--CONFIG1") && report.contains("RS-cell--FS-cell--CONFIG1"), report);
        assertTrue(report.contains("| spontaneous | exc | mean_rate |"), report);
        for (String sub : List.of("hh", "adex")) {
            for (String f : List.of("meanfield_spontaneous.csv", "comparison_waveform.csv", "sweep.csv",
                    "meanfield_waveform.png", "histogram_exc.svg", "potential_statistics.png", "raster_spontaneous.png")) {
                assertTrue(Files.size(paper.resolve(sub).resolve(f)) > 0, sub + "/" + f);
            }
        }
        assertTrue(Files.exists(paper.resolve("adex/tf_RS-cell.png")), "AdEx transfer functions are scanned");
        assertFalse(Files.exists(paper.resolve("hh/tf_samples_HH_RS.csv")), "published fits: no HH scan");
        assertEquals(1200, ImageIO.read(paper.resolve("hh/meanfield_waveform.png").toFile()).getWidth());
        assertEquals(List.of("population", "quantity", "unit", "network", "mean_field", "difference",
                "relative_difference"), Csv.read(work.resolve("results/compare-hh/comparison.csv")).schema().names());
    }

    @Test
    void theShortFormOnlyChangesSizes() {
        assertEquals(List.of("simulate", "--tstop", "1200", "--out", "x", "--neurons", "400", "--p-connect", "0.2"),
                shortForm("./neuromf simulate --tstop 2000 --out x"));
        assertEquals(List.of("paper", "--out", "p", "--published-fits", "--seeds", "1", "--tstop", "1000",
                "--self-consistent-iterations", "0"),
                shortForm("./neuromf paper --out p"));
    }
}
