package org.neuromf.knime.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a JDK's version and tools are recognised, on folders laid out like JDKs. */
class JdksTest {

    private static Path jdk(Path dir, String release, boolean javac) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("release"), release);
        Files.writeString(dir.resolve("bin/java"), "");
        if (javac) {
            Files.writeString(dir.resolve("bin/javac"), "");
        }
        return dir;
    }

    @Test
    void theFeatureVersionComesFromTheReleaseFile(@TempDir Path tmp) throws IOException {
        assertEquals(25, Jdks.version(jdk(tmp.resolve("a"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"25.0.3\"\n", true)));
        assertEquals(21, Jdks.version(jdk(tmp.resolve("b"), "JAVA_VERSION=\"21\"\n", true)));
        assertEquals(8, Jdks.version(jdk(tmp.resolve("c"), "JAVA_VERSION=\"1.8.0_392\"\n", true)));
        assertEquals(0, Jdks.version(tmp.resolve("not-a-jdk")));
    }

    @Test
    void aRuntimeWithoutJavacIsNoJdk(@TempDir Path tmp) throws IOException {
        assertTrue(Jdks.hasCompiler(jdk(tmp.resolve("jdk"), "JAVA_VERSION=\"21.0.2\"", true)));
        assertFalse(Jdks.hasCompiler(jdk(tmp.resolve("jre"), "JAVA_VERSION=\"21.0.2\"", false)));
    }

    @Test
    void thisJvmIsFoundWhenItIsNewEnough() {
        int running = Runtime.version().feature();
        assertTrue(Jdks.newest(running).map(Jdks::version).orElse(0) >= running, "this JVM or a newer JDK");
        assertTrue(Jdks.newest(1000).isEmpty(), "no Java 1000 anywhere");
    }
}
