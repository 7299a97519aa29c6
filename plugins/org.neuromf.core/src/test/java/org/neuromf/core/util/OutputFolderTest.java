package org.neuromf.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output rule: a user's files are never replaced, results appear complete or not at all. */
class OutputFolderTest {

    @TempDir
    Path tmp;

    private static OutputFolder.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Every path under root, relative, hidden ones included. */
    private static Set<String> tree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The names directly in a folder, hidden ones included. */
    private static Set<String> entries(Path folder) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private OutputFolder open(Path dir, String command, Path... inputs) {
        return OutputFolder.open(dir, command, List.of(inputs));
    }

    @Test
    void aNewFolderAppearsOnlyWhenCommittedWithEveryFile() throws IOException {
        Path dir = tmp.resolve("results/run1");
        try (OutputFolder out = open(dir, "simulate")) {
            out.write("rates.csv", text("time_ms\n0\n"));
            out.write("hh/figure.png", text("png"));
            assertFalse(Files.exists(dir), "nothing in place before the commit");
            assertEquals(List.of("rates.csv", "hh/figure.png"), out.commit());
        }
        assertEquals(Set.of(".neuromf-outputs", "hh", "hh/figure.png", "rates.csv"), tree(dir));
        assertEquals(Set.of("run1"), entries(tmp.resolve("results")), "no staging folder or lock is left beside it");
        assertEquals("png", Files.readString(dir.resolve("hh/figure.png")));
    }

    @Test
    void anAbortedRunLeavesNothingNotEvenTheParentsItCreated() throws IOException {
        Path dir = tmp.resolve("a/b/run");
        try (OutputFolder out = open(dir, "simulate")) {
            out.write("rates.csv", text("x"));
            assertTrue(out.abort());
            assertThrows(CancelledException.class, () -> out.write("more.csv", text("y")), "writes stop once aborted");
        }
        assertEquals(Set.of(), tree(tmp));
    }

    @Test
    void aKilledRunsStagingFolderIsRemovedByTheNextRun() throws IOException {
        Path stale = Files.createDirectories(tmp.resolve(".run.neuromf-staging-0123/sub"));
        Files.writeString(stale.resolve("traces.csv"), "half-written");
        Files.writeString(tmp.resolve("keep.txt"), "the user's");
        Files.writeString(tmp.resolve(".other.neuromf-staging-77"), "another folder's, not this run's to remove");
        try (OutputFolder out = open(tmp.resolve("run"), "simulate")) {
            out.write("rates.csv", text("x"));
            out.commit();
        }
        assertEquals(Set.of(".other.neuromf-staging-77", "keep.txt", "run"), entries(tmp));
    }

    @Test
    void abortAllIsWhatCtrlCDoes() throws IOException {
        Path dir = tmp.resolve("run");
        OutputFolder out = open(dir, "simulate");
        out.write("rates.csv", text("x"));
        assertEquals(List.of(dir.toAbsolutePath()), OutputFolder.abortAll());
        assertEquals(Set.of(), tree(tmp));
        assertThrows(CancelledException.class, out::commit);
    }

    @Test
    void aFolderOfTheUsersIsRefusedAndUntouched() throws IOException {
        Path dir = tmp.resolve("mine");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("my_notes.txt"), "notes");
        Files.writeString(dir.resolve("sub/data.csv"), "data");
        Set<String> before = tree(tmp);
        Exception e = assertThrows(OutputFolder.OutputException.class, () -> open(dir, "run-workflow"));
        assertTrue(e.getMessage().contains("already holds 2 entries that neuromf did not write (my_notes.txt, sub)"),
                e.getMessage());
        assertEquals(before, tree(tmp));
    }

    @Test
    void placesThatAreNeverAnOutputFolder() throws IOException {
        Path file = tmp.resolve("thesis.txt");
        Files.writeString(file, "my thesis");
        assertRefused(file, "is a file, not a folder");
        assertEquals("my thesis", Files.readString(file));
        assertRefused(Path.of(""), "--out is empty");
        assertRefused(Path.of("."), "is the current folder");
        assertRefused(Path.of("/"), "is the root folder");
        assertRefused(Path.of(System.getProperty("user.home")), "is your home folder");
        assertRefused(Path.of("/proc/neuromf-test/out"), "cannot create the folder /proc/neuromf-test");
    }

    private void assertRefused(Path dir, String expected) {
        Exception e = assertThrows(OutputFolder.OutputException.class, () -> open(dir, "simulate"), dir.toString());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aReadOnlyFolderIsReportedBeforeTheWork() throws IOException {
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "permissions do not bind this user (root)");
            assertRefused(locked.resolve("run"), "cannot write into " + locked.resolve("run") + ": permission denied");
            assertRefused(locked, "cannot write into " + locked + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void inputsAndOutputsStayApart() throws IOException {
        Path workflow = tmp.resolve("workflow");
        Files.createDirectories(workflow);
        Files.writeString(workflow.resolve("workflow.knime"), "<config/>");
        Exception e = assertThrows(OutputFolder.OutputException.class, () -> open(workflow, "run-workflow", workflow));
        assertTrue(e.getMessage().contains("is the input"), e.getMessage());
        e = assertThrows(OutputFolder.OutputException.class, () -> open(workflow.resolve("out"), "run-workflow", workflow));
        assertTrue(e.getMessage().contains("lies inside the input"), e.getMessage());

        Path run = tmp.resolve("run");
        try (OutputFolder out = open(run, "compare")) {
            out.write("comparison.csv", text("x"));
            out.commit();
        }
        e = assertThrows(OutputFolder.OutputException.class, () -> open(run, "compare", run.resolve("comparison.csv")));
        assertTrue(e.getMessage().contains("lies inside --out"), e.getMessage());
        assertEquals("<config/>", Files.readString(workflow.resolve("workflow.knime")));
    }

    @Test
    void aRerunReplacesItsOwnFilesRemovesStaleOnesAndKeepsTheUsers() throws IOException {
        Path dir = tmp.resolve("run");
        try (OutputFolder out = open(dir, "simulate")) {
            out.write("rates.csv", text("old"));
            out.write("traces.csv", text("old traces"));
            out.write("figures/raster.png", text("old"));
            out.commit();
        }
        Files.writeString(dir.resolve("my_notes.txt"), "mine");
        try (OutputFolder out = open(dir, "simulate")) {
            out.write("rates.csv", text("new"));
            out.commit();
        }
        assertEquals(Set.of(".neuromf-outputs", "my_notes.txt", "rates.csv"), tree(dir));
        assertEquals("new", Files.readString(dir.resolve("rates.csv")));
        assertEquals("mine", Files.readString(dir.resolve("my_notes.txt")));
        assertEquals(Set.of("run"), entries(tmp));

        Exception e = assertThrows(OutputFolder.OutputException.class, () -> open(dir, "meanfield"));
        assertTrue(e.getMessage().contains("holds the results of neuromf simulate"), e.getMessage());
    }

    @Test
    void aFileOfTheUsersInTheWayStopsTheCommitBeforeAnythingMoves() throws IOException {
        Path dir = tmp.resolve("run");
        try (OutputFolder out = open(dir, "simulate")) {
            out.write("rates.csv", text("old"));
            out.commit();
        }
        Files.writeString(dir.resolve("traces.csv"), "the user's own traces");
        try (OutputFolder out = open(dir, "simulate")) {
            out.write("rates.csv", text("new"));
            out.write("traces.csv", text("ours"));
            Exception e = assertThrows(OutputFolder.OutputException.class, out::commit);
            assertTrue(e.getMessage().contains("traces.csv is in the way"), e.getMessage());
        }
        assertEquals("old", Files.readString(dir.resolve("rates.csv")), "nothing moved");
        assertEquals("the user's own traces", Files.readString(dir.resolve("traces.csv")));
        assertEquals(Set.of("run"), entries(tmp), "the staging folder is gone");
    }

    @Test
    void twoRunsNeverWriteIntoOneFolderAtOnce() throws IOException {
        Path dir = tmp.resolve("run");
        try (OutputFolder first = open(dir, "simulate")) {
            Exception e = assertThrows(OutputFolder.OutputException.class, () -> open(dir, "simulate"));
            assertTrue(e.getMessage().contains("another neuromf run is writing into"), e.getMessage());
            first.write("rates.csv", text("x"));
            first.commit();
        }
        try (OutputFolder again = open(dir, "simulate")) {
            again.commit(); // the lock was released with the commit
        }
    }

    @Test
    void foldersFollowTheUmask() throws IOException {
        Path probe = Files.createDirectory(tmp.resolve("probe")); // what the umask gives a new folder
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);
        Path dir = tmp.resolve("new/run");
        try (OutputFolder out = open(dir, "simulate")) {
            out.write("sub/rates.csv", text("x"));
            out.commit();
        }
        for (Path p : List.of(tmp.resolve("new"), dir, dir.resolve("sub"))) {
            assertEquals(expected, Files.getPosixFilePermissions(p), p.toString());
        }
    }

    @Test
    void namesMustStayInsideTheFolder() {
        try (OutputFolder out = open(tmp.resolve("run"), "simulate")) {
            for (String bad : List.of("../escape.csv", "/etc/passwd", OutputFolder.MANIFEST, "")) {
                assertThrows(IllegalArgumentException.class, () -> out.write(bad, text("x")), bad);
            }
            out.write("rates.csv", text("x"));
            assertThrows(IllegalArgumentException.class, () -> out.write("rates.csv", text("y")), "each name once");
        }
    }
}
