package org.neuromf.knime.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds an installed JDK (java and javac) of at least a given version, without knowing the
 * machine: this JVM, JAVA_HOME, then the folders JDKs are usually installed in on Linux, macOS
 * and Windows (and by SDKMAN and IntelliJ). The newest one wins.
 */
final class Jdks {

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    private Jdks() {
    }

    /** A JDK home of at least {@code minimum}, the newest found. */
    static Optional<Path> newest(int minimum) {
        Path best = null;
        int bestVersion = 0;
        for (Path home : candidates()) {
            int v = version(home);
            if (v >= minimum && v > bestVersion && hasCompiler(home)) {
                best = home;
                bestVersion = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The folders looked in, for the message when none qualifies. */
    static List<String> places() {
        return List.of("java.home of this JVM", "JAVA_HOME", "/usr/lib/jvm/*", "/usr/java/*", "/opt/java/*",
                "/Library/Java/JavaVirtualMachines/*/Contents/Home", "~/.sdkman/candidates/java/*", "~/.jdks/*",
                "C:\\Program Files\\Java\\*", "C:\\Program Files\\Eclipse Adoptium\\*");
    }

    private static List<Path> candidates() {
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("java.home")));
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        String user = System.getProperty("user.home");
        for (String parent : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/Library/Java/JavaVirtualMachines",
                user + "/.sdkman/candidates/java", user + "/.jdks", "C:\\Program Files\\Java",
                "C:\\Program Files\\Eclipse Adoptium")) {
            Path dir = Path.of(parent);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> children = Files.list(dir)) {
                    children.sorted().forEach(c -> homes.add(Files.isDirectory(c.resolve("Contents/Home"))
                            ? c.resolve("Contents/Home") : c));
                } catch (IOException e) {
                    // an unreadable folder holds no JDK we could use
                }
            }
        }
        return homes;
    }

    /** The feature version in the JDK's {@code release} file (25 for 25.0.3, 8 for 1.8.0), 0 when unknown. */
    static int version(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static boolean hasCompiler(Path home) {
        return Files.isRegularFile(tool(home, "java")) && Files.isRegularFile(tool(home, "javac"));
    }

    static Path tool(Path home, String name) {
        Path unix = home.resolve("bin").resolve(name);
        return Files.exists(unix) ? unix : home.resolve("bin").resolve(name + ".exe");
    }
}
