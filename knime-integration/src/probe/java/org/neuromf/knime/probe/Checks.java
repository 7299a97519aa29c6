package org.neuromf.knime.probe;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The results of the checks made inside KNIME, one line each as it finishes, for the test outside
 * to report: {@code PASS<TAB>name<TAB>ms} or {@code FAIL<TAB>name<TAB>ms<TAB>message} (the message's
 * line breaks escaped). A check fails by throwing; the next check still runs.
 */
final class Checks {

    /** A check: throws when what it checks does not hold. */
    interface Check {
        void run() throws Exception;
    }

    private final Writer out;

    Checks(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void check(String name, Check check) {
        long start = System.nanoTime();
        String failure = null;
        try {
            check.run();
        } catch (AssertionError e) {
            failure = e.getMessage();
        } catch (Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            failure = trace.toString();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        String line = (failure == null ? "PASS\t" : "FAIL\t") + name + "\t" + ms
                + (failure == null ? "" : "\t" + String.valueOf(failure).replace("\\", "\\\\").replace("\n", "\\n"));
        try {
            out.write(line.replace("\r", "") + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(line.length() > 300 ? line.substring(0, 300) + "..." : line);
    }

    static void expect(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError(what);
        }
    }

    static void expectEqual(Object expected, Object actual, String what) {
        if (!java.util.Objects.equals(expected, actual)) {
            throw new AssertionError(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }
}
