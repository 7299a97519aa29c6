package org.neuromf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** ./neuromf rebuilds the jar when anything it is built from changed: its list of sources must be complete. */
class LauncherTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theStalenessCheckCoversEveryModuleTheJarIsBuiltFrom() throws IOException {
        String launcher = Files.readString(ROOT.resolve("neuromf"));
        Matcher m = Pattern.compile("SOURCES=\\(([^)]*)\\)").matcher(launcher);
        assertTrue(m.find(), "the launcher lists its SOURCES");
        Set<String> listed = new TreeSet<>(Set.of(m.group(1).trim().split("\\s+")));

        // the CLI's own org.neuromf dependencies, then the bundles those require, transitively
        Set<String> modules = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        Matcher dep = Pattern.compile("<artifactId>(org\\.neuromf\\.[a-z.]+)</artifactId>")
                .matcher(Files.readString(ROOT.resolve("cli/pom.xml")));
        while (dep.find()) {
            todo.add(dep.group(1));
        }
        while (!todo.isEmpty()) {
            String bundle = todo.poll();
            if (modules.add("plugins/" + bundle)) {
                String manifest = Files.readString(ROOT.resolve("plugins/" + bundle + "/META-INF/MANIFEST.MF"));
                Matcher req = Pattern.compile("(org\\.neuromf\\.[a-z.]+);bundle-version").matcher(manifest);
                while (req.find()) {
                    todo.add(req.group(1));
                }
            }
        }
        modules.addAll(Set.of("pom.xml", ".mvn", "target-platform", "cli"));
        assertEquals(modules, listed, "./neuromf's SOURCES against what cli/target/neuromf.jar is built from");
        for (String s : listed) {
            assertTrue(Files.exists(ROOT.resolve(s)), s + " exists");
        }
    }
}
