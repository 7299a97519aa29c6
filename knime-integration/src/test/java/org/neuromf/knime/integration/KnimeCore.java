package org.neuromf.knime.integration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A KNIME core started headless inside Equinox, in a JVM of its own: the bundles of a KNIME
 * folder, NeuroMF's bundles from the update site, and a test bundle compiled here against both.
 */
final class KnimeCore {

    /** KNIME 5.x is compiled for Java 21. */
    static final int JAVA = 21;

    final Path bundles;
    final Path equinox;
    final Path jdk;

    KnimeCore(Path bundles, Path equinox, Path jdk) {
        this.bundles = bundles;
        this.equinox = equinox;
        this.jdk = jdk;
    }

    /** Equinox, in the bundle folder (as in a KNIME installation's plugins) or beside it. */
    static Path equinox(Path bundles) throws IOException {
        for (Path dir : List.of(bundles, bundles.toAbsolutePath().getParent())) {
            try (Stream<Path> all = Files.list(dir)) {
                var found = all.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.osgi(_[^/]*)?\\.jar"))
                        .sorted().toList();
                if (!found.isEmpty()) {
                    return found.get(found.size() - 1);
                }
            }
        }
        throw new IllegalStateException("no Equinox (org.eclipse.osgi*.jar) in " + bundles + " or beside it");
    }

    /** The bundles to install: every jar or bundle folder of the KNIME folder but Equinox, then NeuroMF's. */
    List<Path> installed(Path updateSite) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> knime = Files.list(bundles)) {
            knime.sorted().filter(p -> !p.equals(equinox)).filter(p -> p.toString().endsWith(".jar")
                    || Files.isRegularFile(p.resolve("META-INF/MANIFEST.MF"))).forEach(all::add);
        }
        try (Stream<Path> ours = Files.list(updateSite.resolve("plugins"))) {
            ours.sorted().forEach(all::add);
        }
        return all;
    }

    /** Compiles Java sources with the JDK against a class path, into {@code classes}. */
    void compile(Path sources, List<Path> classPath, Path classes, Path work) throws IOException, InterruptedException {
        List<String> files;
        try (Stream<Path> all = Files.walk(sources)) {
            files = all.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        List<String> entries = new ArrayList<>();
        for (Path p : classPath) {
            entries.add(p.toString());
            if (Files.isDirectory(p)) { // an unpacked bundle: its own jars too
                try (Stream<Path> jars = Files.walk(p, 2)) {
                    jars.filter(j -> j.toString().endsWith(".jar")).forEach(j -> entries.add(j.toString()));
                }
            }
        }
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-nowarn", "--release", String.valueOf(JAVA), "-encoding", "UTF-8",
                "-d", classes.toString(), "-cp", String.join(java.io.File.pathSeparator, entries)));
        args.addAll(files);
        Path argFile = work.resolve(classes.getFileName() + ".javac-args");
        Files.write(argFile, args.stream().map(KnimeCore::quoted).toList(), StandardCharsets.UTF_8);
        Path log = work.resolve(classes.getFileName() + ".javac.log");
        int code = new ProcessBuilder(Jdks.tool(jdk, "javac").toString(), "@" + argFile).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("javac failed on " + sources + ":\n" + Files.readString(log));
        }
    }

    private static String quoted(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A bundle jar of compiled classes and a manifest. */
    static void bundle(Path classes, Path manifest, Path jar) throws IOException {
        Manifest m;
        try (InputStream in = Files.newInputStream(manifest)) {
            m = new Manifest(in);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m); Stream<Path> all = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    /**
     * Starts the core with the bundles, calls {@code main} of {@code className} in bundle
     * {@code bundleName} with the arguments, and returns the exit code (-1 after the time limit).
     */
    int run(Path launcherClasses, List<Path> installed, String bundleName, String className, List<String> args, Path work,
            Path log, long minutes) throws IOException, InterruptedException {
        Path list = work.resolve("bundles.txt");
        Files.write(list, installed.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Jdks.tool(jdk, "java").toString(), "-Xmx2g",
                "-Djava.awt.headless=true", "-cp", equinox + java.io.File.pathSeparator + launcherClasses,
                "org.neuromf.knime.integration.EquinoxLauncher", work.resolve("equinox").toString(), list.toString(),
                bundleName, className));
        command.addAll(args);
        String sections = System.getProperty("neuromf.knime.sections");
        if (sections != null) {
            command.add(1, "-Dneuromf.knime.sections=" + sections);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    /** The last lines of a log, for a failure message. */
    static String tail(Path log, int lines) throws IOException {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
