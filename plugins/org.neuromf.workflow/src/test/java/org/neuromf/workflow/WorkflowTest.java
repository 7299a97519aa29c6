package org.neuromf.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.OutputFolder;
import org.neuromf.core.util.Progress;

/**
 * The workflows of test-workflows/: the files are what {@link PaperWorkflows} writes, every one
 * runs headless with its key results checked, and bad files are refused clearly.
 */
class WorkflowTest {

    static final Path WORKFLOWS = Path.of("../../test-workflows");
    static final Path PLUGIN_XML = Path.of("../org.neuromf.knime/plugin.xml");

    @TempDir
    static Path runs;

    private static final java.util.Map<String, WorkflowRunner.Result> RESULTS = new java.util.HashMap<>();

    @BeforeAll
    static void runEveryWorkflow() {
        for (Workflow w : PaperWorkflows.all()) {
            RESULTS.put(w.name(), runInto(WORKFLOWS.resolve(w.name()), runs.resolve(w.name())));
        }
    }

    /** What run-workflow does: read, open --out before the work (the workflow is an input), run, commit. */
    static WorkflowRunner.Result runInto(Path workflow, Path out) {
        Workflow w = WorkflowFiles.read(workflow);
        try (OutputFolder folder = OutputFolder.open(out, "run-workflow", List.of(workflow))) {
            WorkflowRunner.Result r = WorkflowRunner.run(w, folder, Progress.NONE);
            folder.commit();
            return r;
        }
    }

    private static Table output(String workflow, String nodeFolder, int port) {
        WorkflowRunner.Result r = RESULTS.get(workflow);
        for (Workflow.Node n : r.workflow().nodes()) {
            if (n.folder().equals(nodeFolder)) {
                return r.tables().get(n.id()).get(port);
            }
        }
        throw new AssertionError(workflow + " has no node " + nodeFolder);
    }

    /** A headless run's outputs, as the expectations read them (images from the files it wrote). */
    private static PaperExpectations.Outputs outputs(String workflow) {
        return new PaperExpectations.Outputs() {
            @Override
            public Table table(String nodeFolder, int port) {
                return output(workflow, nodeFolder, port);
            }

            @Override
            public int imageWidth(String nodeFolder) {
                try {
                    return ImageIO.read(runs.resolve(workflow).resolve(nodeFolder).resolve("image.png").toFile()).getWidth();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    /** The key results of one workflow, as {@link PaperExpectations} states them. */
    private static void assertExpectationsHold(String workflow) {
        assertEquals(List.of(), PaperExpectations.unmet(workflow, outputs(workflow)), workflow + ": unmet expectations");
    }

    @Test
    void committedFilesAreWhatPaperWorkflowsWrites(@TempDir Path fresh) throws IOException {
        for (Workflow w : PaperWorkflows.all()) {
            Path written = fresh.resolve(w.name());
            Path committed = WORKFLOWS.resolve(w.name());
            WorkflowFiles.write(w, written);
            assertEquals(files(written), files(committed), committed + " holds other files than PaperWorkflows writes:"
                    + " delete its folder and run PaperWorkflows");
            for (String f : files(written)) {
                assertEquals(Files.readString(written.resolve(f)), Files.readString(committed.resolve(f)), committed
                        + "/" + f + " differs from what PaperWorkflows writes: run java -cp cli/target/neuromf.jar"
                        + " org.neuromf.workflow.PaperWorkflows");
            }
            Workflow read = WorkflowFiles.read(committed);
            assertEquals(w.description(), read.description(), committed + ": the description (workflow-metadata.xml)");
            assertEquals(w.connections(), read.connections(), committed.toString());
        }
        assertEquals(6, PaperWorkflows.all().size());
    }

    /** The files of a workflow folder, by name inside it ({@code Cell Model (#1)/settings.xml}), sorted. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }

    /** Structure: known factories in plugin.xml, exactly the parameter keys with valid values, compatible connections. */
    @Test
    void everyWorkflowIsWellFormed() throws IOException {
        String plugin = Files.readString(PLUGIN_XML);
        for (Workflow w : PaperWorkflows.all()) {
            Workflow read = WorkflowFiles.read(WORKFLOWS.resolve(w.name()));
            WorkflowRunner.Plan plan = WorkflowRunner.check(read);
            for (Workflow.Node n : read.nodes()) {
                assertTrue(plugin.contains("factory-class=\"" + n.factory() + "\""), n.factory() + " in plugin.xml");
                NodeSpec spec = plan.specs().get(n.id());
                assertEquals(spec.parameters().stream().map(ParameterSpec::key).toList(), List.copyOf(n.settings().keySet()),
                        w.name() + "/" + n.folder() + ": exactly the parameter keys");
                assertFalse(n.annotation().isBlank(), n.folder() + " says what it does");
            }
            for (Workflow.Connection c : read.connections()) {
                assertTrue(read.node(c.source()).x() < read.node(c.dest()).x(), w.name() + ": reads left to right");
            }
            assertEquals(read.nodes().size(), plan.order().size());
        }
    }

    @Test
    void hhSpontaneousFollowsTheMeanField() {
        assertExpectationsHold("hh-spontaneous");
    }

    @Test
    void hhWaveformResponseIsStrongerThanTheMeanFields() {
        assertExpectationsHold("hh-waveform");
    }

    @Test
    void adexFitsAndMeanFieldRun() {
        assertExpectationsHold("adex-rs-fs");
    }

    @Test
    void hhTransferFunctionsReproduceThePublishedFits() {
        assertExpectationsHold("hh-transfer-functions");
    }

    @Test
    void driveSweepIsStableAndRising() {
        assertExpectationsHold("mf-drive-sweep");
    }

    @Test
    void networkSweepFollowsTheMeanFieldFromFourHertz() {
        assertExpectationsHold("hh-network-sweep");
    }

    /** A result outside its bounds is reported, so the expectations can fail. */
    @Test
    void anUnmetExpectationIsReported() {
        List<String> unmet = PaperExpectations.unmet("hh-spontaneous", new PaperExpectations.Outputs() {
            @Override
            public Table table(String nodeFolder, int port) {
                return output("hh-spontaneous", nodeFolder, port);
            }

            @Override
            public int imageWidth(String nodeFolder) {
                return 600;
            }
        });
        assertEquals(List.of("Activity Plot (#7) is 1200 pixels wide: 600", "Raster Plot (#8) is 1200 pixels wide: 600"),
                unmet);
    }

    /** Every output of every node, and nothing else, with the folders following the umask like any new folder. */
    @Test
    void theOutputsAreOneFolderPerNodeFollowingTheUmask() throws IOException {
        Path out = runs.resolve("mf-drive-sweep");
        List<String> expected = new ArrayList<>(List.of(OutputFolder.MANIFEST));
        for (Workflow.Node n : RESULTS.get("mf-drive-sweep").workflow().nodes()) {
            for (var port : Nodes.all().stream().filter(s -> s.factoryClass().equals(n.factory())).findFirst()
                    .orElseThrow().outputs()) {
                expected.add(n.folder() + "/" + port.name().replace(' ', '_') + ".csv");
            }
        }
        List<String> written = new ArrayList<>();
        try (Stream<Path> all = Files.walk(out)) {
            all.filter(Files::isRegularFile).forEach(p -> written.add(out.relativize(p).toString()));
        }
        assertEquals(expected.stream().sorted().toList(), written.stream().sorted().toList());

        Assumptions.assumeTrue(Files.getFileStore(out).supportsFileAttributeView("posix"));
        Path reference = Files.createDirectory(runs.resolve("reference-folder"));
        var umaskMode = Files.getPosixFilePermissions(reference);
        Files.delete(reference);
        // under a umask of 077 a new folder is 0700 anyway, and this would not tell the difference
        Assumptions.assumeTrue(umaskMode.size() > 3, "the umask of this test run is 077: " + umaskMode);
        assertEquals(umaskMode, Files.getPosixFilePermissions(out), "the output folder follows the umask, not 0700");
        assertEquals(umaskMode, Files.getPosixFilePermissions(out.resolve("Cell Model (#1)")), "so do the node folders");
    }

    @Test
    void aFolderOfTheUsersFilesIsRefusedAndLeftAlone(@TempDir Path tmp) throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("my-analysis"));
        Files.writeString(mine.resolve("notes.txt"), "my notes");
        Files.createDirectories(mine.resolve("Cell Model (#1)"));
        Files.writeString(mine.resolve("Cell Model (#1)/cell.csv"), "my own table");
        var e = assertThrows(OutputFolder.OutputException.class, () -> runInto(WORKFLOWS.resolve("mf-drive-sweep"), mine));
        assertTrue(e.getMessage().contains("did not write"), e.getMessage());
        assertEquals("my notes", Files.readString(mine.resolve("notes.txt")));
        assertEquals("my own table", Files.readString(mine.resolve("Cell Model (#1)/cell.csv")));
        try (Stream<Path> all = Files.walk(tmp)) {
            assertEquals(5, all.count(), "nothing added beside or inside the folder (tmp, 2 folders, 2 files)");
        }
    }

    @Test
    void theWorkflowsOwnFolderIsRefusedAsOutput(@TempDir Path tmp) throws IOException {
        Path w = copy("mf-drive-sweep", tmp);
        List<String> before = listing(w);
        for (Path out : List.of(w, w.resolve("results"), w.resolve("Cell Model (#1)"))) {
            var e = assertThrows(OutputFolder.OutputException.class, () -> runInto(w, out));
            assertTrue(e.getMessage().contains("input"), e.getMessage());
        }
        assertEquals(before, listing(w), "the workflow is untouched");
    }

    /** Every file under a folder with its content, to compare before and after. */
    static List<String> listing(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted()::iterator) {
                files.add(dir.relativize(p) + (Files.isRegularFile(p) ? " " + java.util.Arrays.hashCode(
                        Files.readAllBytes(p)) : "/"));
            }
        }
        return files;
    }

    static Path copy(String workflow, Path into) throws IOException {
        Path to = into.resolve(workflow);
        try (Stream<Path> all = Files.walk(WORKFLOWS.resolve(workflow))) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(WORKFLOWS.resolve(workflow).relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void aRewrittenSettingTakesEffect(@TempDir Path tmp) throws IOException {
        Path w = copy("mf-drive-sweep", tmp);
        Path settings = w.resolve("Mean_Field Drive Sweep (#4)/settings.xml");
        edit(settings, "key=\"drive_points\" type=\"xint\" value=\"101\"", "key=\"drive_points\" type=\"xint\" value=\"11\"");
        edit(settings, "key=\"drive_to_hz\" type=\"xdouble\" value=\"10.0\"", "key=\"drive_to_hz\" type=\"xdouble\" value=\"5.0\"");
        WorkflowRunner.Result r = WorkflowRunner.run(WorkflowFiles.read(w), null, Progress.NONE);
        Table sweep = r.tables().get(4).get(0);
        assertEquals(11, sweep.rowCount());
        assertEquals(5.0, sweep.getDouble(10, "drive_hz"), 0);
    }

    @Test
    void aKnwfArchiveRunsLikeItsFolder(@TempDir Path tmp) throws IOException {
        Path knwf = tmp.resolve("mf-drive-sweep.knwf");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(knwf)); Stream<Path> all = Files.walk(
                WORKFLOWS.resolve("mf-drive-sweep"))) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new ZipEntry("mf-drive-sweep/" + WORKFLOWS.resolve("mf-drive-sweep").relativize(p)));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }
        Table sweep = WorkflowRunner.run(WorkflowFiles.read(knwf), null, Progress.NONE).tables().get(4).get(0);
        assertEquals(output("mf-drive-sweep", "Mean-Field Drive Sweep (#4)", 0), sweep);
    }

    private static void assertRefused(Path workflow, Path out, String... expected) {
        WorkflowException e = assertThrows(WorkflowException.class, () -> runInto(workflow, out));
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), "'" + e.getMessage() + "' should contain '" + s + "'");
        }
        assertFalse(Files.exists(out), "no output written");
    }

    @Test
    void badFilesAreRefusedByFileAndProblem(@TempDir Path tmp) throws IOException {
        Path missing = copy("mf-drive-sweep", tmp.resolve("a"));
        Files.delete(missing.resolve("Network Builder (#3)/settings.xml"));
        Files.delete(missing.resolve("Network Builder (#3)"));
        assertRefused(missing, tmp.resolve("out"), "Network Builder (#3)/settings.xml", "missing");

        Path malformed = copy("mf-drive-sweep", tmp.resolve("b"));
        Files.writeString(malformed.resolve("Cell Model (#2)/settings.xml"), "<config key=\"settings.xml\"><entry");
        assertRefused(malformed, tmp.resolve("out"), "Cell Model (#2)/settings.xml is not well-formed XML");

        Path foreign = copy("mf-drive-sweep", tmp.resolve("c"));
        edit(foreign.resolve("Cell Model (#1)/settings.xml"), "org.neuromf.knime.nodes.CellModelNodeFactory",
                "org.knime.base.node.preproc.filter.row.RowFilterNodeFactory");
        assertRefused(foreign, tmp.resolve("out"), "node 'Cell Model (#1)'",
                "org.knime.base.node.preproc.filter.row.RowFilterNodeFactory", "not a NeuroMF node");

        Path cyclic = copy("hh-spontaneous", tmp.resolve("d"));
        edit(cyclic.resolve("workflow.knime"), "    </config>\n</config>",
                "        <config key=\"connection_99\">\n"
                        + "            <entry key=\"sourceID\" type=\"xint\" value=\"6\"/>\n"
                        + "            <entry key=\"destID\" type=\"xint\" value=\"4\"/>\n"
                        + "            <entry key=\"sourcePort\" type=\"xint\" value=\"1\"/>\n"
                        + "            <entry key=\"destPort\" type=\"xint\" value=\"2\"/>\n"
                        + "        </config>\n    </config>\n</config>");
        assertRefused(cyclic, tmp.resolve("out"), "cycle", "'Network Simulation (#4)' -> 'Compare (#6)' -> 'Network Simulation (#4)'");

        Path badValue = copy("mf-drive-sweep", tmp.resolve("e"));
        edit(badValue.resolve("Mean_Field Drive Sweep (#4)/settings.xml"), "key=\"t_ms\" type=\"xdouble\" value=\"5.0\"",
                "key=\"t_ms\" type=\"xdouble\" value=\"-5.0\"");
        assertRefused(badValue, tmp.resolve("out"), "Mean_Field Drive Sweep (#4)", "t_ms = -5");
    }
}
