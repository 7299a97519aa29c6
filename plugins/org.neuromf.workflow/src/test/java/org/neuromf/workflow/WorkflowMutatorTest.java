package org.neuromf.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.neuromf.workflow.WorkflowTest.WORKFLOWS;
import static org.neuromf.workflow.WorkflowTest.listing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.util.CancelledException;
import org.neuromf.core.util.OutputFolder;
import org.neuromf.core.util.Progress;

/**
 * Randomised workflow files: seeded mutants of every test workflow, as folders and as .knwf
 * archives, are read, checked and, when they pass, run into an output folder with a short time
 * budget (so that a mutated tstop of 1e8 ms cannot hang). Each must succeed, be cancelled, or be
 * refused with an IllegalArgumentException (WorkflowException, ParameterException, MemoryException,
 * OutputException) whose message names the file, node or setting; the mutant's files are left as
 * they were, and nothing is written beside the output folder.
 */
class WorkflowMutatorTest {

    /** Mutant i is made from Random(SEED + i): a failure names i, and the mutations it made. */
    private static final long SEED = 20_240_611L;
    private static final int MUTANTS = 300;
    /** How long a run may go before its Progress cancels it. */
    private static final long RUN_BUDGET_NANOS = 100_000_000L;
    /** A mutant that takes longer than this hangs: cancellation did not reach the work. */
    private static final Duration HANG = Duration.ofSeconds(30);

    private static final List<String> NAMES = List.of("hh-spontaneous", "hh-waveform", "adex-rs-fs",
            "hh-transfer-functions", "mf-drive-sweep", "hh-network-sweep");
    private static final List<String> VALUES = List.of("", "abc", "NaN", "inf", "-inf", "Infinity", "-1", "0", "1", "2",
            "7", "1e308", "-1e308", "1e8", "1e-320", "0.5", "99999999999999999999", "2147483648", "-2147483649",
            "9223372036854775808", "true", "false", " 5 ", "%%00000", "%%00010", "../../x", "/etc/passwd",
            "x".repeat(5000));
    private static final List<String> TYPES = List.of("xstring", "xint", "xlong", "xdouble", "xboolean", "xshort",
            "xpassword", "", "xconfig");
    private static final List<String> NUMBERS = List.of("-1", "0", "1", "2", "3", "4", "5", "7", "12", "99",
            "2147483647", "-2147483648", "abc", "");
    private static final List<String> SETTINGS_FILES = List.of("../x/settings.xml", "/etc/passwd", "/tmp/settings.xml",
            "", "Cell Model (#1)", "./Cell Model (#1)/settings.xml", "Cell Model (#1)/../../settings.xml",
            "Cell Model (#2)/settings.xml", "workflow.knime", "missing/settings.xml", "a\\..\\..\\settings.xml",
            "C:/settings.xml", "Cell Model (#1)//settings.xml", ".", "settings.xml");
    private static final Pattern ENTRY = Pattern.compile("<entry [^>]*/>");
    private static final Pattern CONFIG = Pattern.compile("(?m)^( *)<config key=\"[^\"]*\"(/?)>$");

    @TempDir
    Path tmp;

    /** A mutant: its files by name inside the workflow folder (a null value is a folder), and how it is packed. */
    private static final class Mutant {
        final String workflow;
        final Map<String, byte[]> files = new TreeMap<>();
        final boolean archive;
        /** For archives: the folder the workflow lies in (normally its name), and extra entries by full name. */
        String root;
        final Map<String, byte[]> extra = new LinkedHashMap<>();
        final List<String> mutations = new ArrayList<>();

        Mutant(String workflow, boolean archive) {
            this.workflow = workflow;
            this.archive = archive;
            this.root = workflow + "/";
        }

        List<String> xmlFiles() {
            return files.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
        }

        String text(String file) {
            return new String(files.get(file), StandardCharsets.UTF_8);
        }

        void text(String file, String text) {
            files.put(file, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void mutatedWorkflowFilesFailCleanlyOrRun() throws IOException {
        Map<String, Map<String, byte[]>> originals = new LinkedHashMap<>();
        for (String name : NAMES) {
            originals.put(name, read(WORKFLOWS.resolve(name)));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long slowest = 0;
        String slowestMutant = "";
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < MUTANTS; i++) {
                Random r = new Random(SEED + i);
                String name = NAMES.get(r.nextInt(NAMES.size()));
                Mutant m = new Mutant(name, r.nextInt(3) == 0);
                originals.get(name).forEach(m.files::put);
                int count = 1 + r.nextInt(3);
                for (int k = 0; k < count; k++) {
                    mutate(m, r);
                }
                Path box = Files.createDirectory(tmp.resolve("mutant-" + i));
                Path input = write(m, Files.createDirectory(box.resolve("in")));
                List<String> before = listing(box.resolve("in"));
                Path out = box.resolve("out");
                String what = "mutant " + i + " of " + name + (m.archive ? ".knwf" : "") + " " + m.mutations;
                long start = System.nanoTime();
                Future<String> attempt = worker.submit(() -> attempt(input, out, name));
                String outcome;
                try {
                    outcome = attempt.get(HANG.toSeconds(), TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    attempt.cancel(true);
                    failures.add(what + ": still running after " + HANG.toSeconds() + " s");
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor();
                    continue;
                } catch (ExecutionException e) {
                    outcome = "failure: " + stackTrace(e.getCause());
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                long took = System.nanoTime() - start;
                if (took > slowest) {
                    slowest = took;
                    slowestMutant = what;
                }
                if (outcome.startsWith("failure")) {
                    failures.add(what + ": " + outcome);
                } else {
                    outcomes.merge(outcome, 1, Integer::sum);
                }
                if (!before.equals(listing(box.resolve("in")))) {
                    failures.add(what + ": the mutant's own files changed");
                }
                try (Stream<Path> beside = Files.list(box)) {
                    Set<String> allowed = Set.of("in", "out");
                    beside.map(p -> p.getFileName().toString()).filter(f -> !allowed.contains(f)).forEach(f -> failures.add(
                            what + ": wrote " + f + " beside the output folder"));
                }
                if (outcome.equals("ran") != Files.exists(out)) {
                    failures.add(what + ": " + outcome + ", yet the output folder " + (Files.exists(out) ? "exists"
                            : "does not exist"));
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("workflow mutants: " + outcomes + "; slowest " + slowest / 1_000_000 + " ms: " + slowestMutant);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + MUTANTS + " mutants failed badly; the first:\n" + String.join("\n\n",
                    failures.subList(0, Math.min(5, failures.size()))));
        }
        assertTrue(outcomes.getOrDefault("refused", 0) > MUTANTS / 3, "most mutants are refused: " + outcomes);
        assertTrue(outcomes.getOrDefault("ran", 0) + outcomes.getOrDefault("cancelled", 0) > 10,
                "some mutants run: " + outcomes);
        try (Stream<Path> all = Files.list(tmp)) {
            assertEquals(MUTANTS, all.count(), "nothing beside the mutants' folders");
        }
    }

    /** What run-workflow does; returns ran, cancelled or refused, or "failure: ..." when the refusal names nothing. */
    private static String attempt(Path input, Path out, String name) {
        try {
            Workflow w = WorkflowFiles.read(input);
            WorkflowRunner.check(w);
            try (OutputFolder folder = OutputFolder.open(out, "run-workflow", List.of(input))) {
                WorkflowRunner.run(w, folder, Budget.cancelsAfter(RUN_BUDGET_NANOS));
                folder.commit();
            }
            return "ran";
        } catch (CancelledException e) {
            return "cancelled";
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            boolean namesWhere = m != null && (m.contains(name) || m.contains("workflow.knime") || m.contains("settings.xml")
                    || m.contains("(#"));
            return namesWhere ? "refused" : "failure: the message names no file, node or setting: " + stackTrace(e);
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        String text = s.toString();
        return text.length() > 3000 ? text.substring(0, 3000) + "..." : text;
    }

    // ---- files in and out

    private static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** Writes the mutant into {@code dir}: its folder, or its .knwf; returns the path to give run-workflow. */
    private static Path write(Mutant m, Path dir) throws IOException {
        if (!m.archive) {
            Path w = dir.resolve(m.workflow);
            for (Map.Entry<String, byte[]> f : m.files.entrySet()) {
                Path p = w.resolve(f.getKey());
                if (f.getValue() == null) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectories(p.getParent());
                    Files.write(p, f.getValue());
                }
            }
            Files.createDirectories(w);
            return w;
        }
        Path knwf = dir.resolve(m.workflow + ".knwf");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(knwf)))) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            m.files.forEach((name, bytes) -> entries.put(m.root + name + (bytes == null ? "/" : ""), bytes));
            m.extra.forEach(entries::putIfAbsent);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        }
        return knwf;
    }

    // ---- mutations

    private static <T> T any(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }

    /** Applies one random mutation that fits the mutant (tries again when the one drawn does not apply). */
    private static void mutate(Mutant m, Random r) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String done = mutation(m, r, r.nextInt(m.archive ? 21 : 19));
            if (done != null) {
                m.mutations.add(done);
                return;
            }
        }
    }

    private static String mutation(Mutant m, Random r, int kind) {
        List<String> xml = m.xmlFiles();
        if (xml.isEmpty()) {
            return null;
        }
        String file = r.nextInt(3) == 0 ? "workflow.knime" : any(xml, r);
        if (!m.files.containsKey(file) || m.files.get(file) == null) {
            file = any(xml, r);
        }
        String text = m.text(file);
        switch (kind) {
            case 0: // an entry deleted or duplicated
            case 1: {
                Matcher e = nth(ENTRY, text, r);
                if (e == null) {
                    return null;
                }
                m.text(file, text.substring(0, e.start()) + (kind == 1 ? e.group() + "\n" + e.group() : "")
                        + text.substring(e.end()));
                return (kind == 0 ? "deleted " : "duplicated ") + e.group() + " in " + file;
            }
            case 2: // an entry's key, type or value changed
            case 3:
            case 4: {
                Matcher e = nth(ENTRY, text, r);
                if (e == null) {
                    return null;
                }
                String attribute = kind == 2 ? "key" : kind == 3 ? "type" : "value";
                String value = kind == 2 ? (r.nextBoolean() ? "" : "x_" + r.nextInt(10)) : kind == 3 ? any(TYPES, r)
                        : any(VALUES, r);
                String changed = e.group().replaceFirst(attribute + "=\"[^\"]*\"", attribute + "=\"" + value + "\"");
                if (kind == 4 && r.nextInt(5) == 0) {
                    changed = e.group().replaceFirst("value=", "isnull=\"true\" value=");
                }
                m.text(file, text.substring(0, e.start()) + changed + text.substring(e.end()));
                return "changed " + e.group() + " to " + abbreviate(changed) + " in " + file;
            }
            case 5: // a config deleted, duplicated or renamed
            case 6:
            case 7: {
                Matcher c = nth(CONFIG, text, r);
                if (c == null) {
                    return null;
                }
                int end = c.group(2).isEmpty() ? text.indexOf("\n" + c.group(1) + "</config>", c.end()) : c.end();
                if (end < 0) {
                    return null;
                }
                end = c.group(2).isEmpty() ? end + c.group(1).length() + "\n</config>".length() : end;
                String block = text.substring(c.start(), end);
                String header = c.group().trim();
                if (kind == 7) {
                    String renamed = block.replaceFirst("key=\"[^\"]*\"", "key=\"" + (r.nextBoolean() ? "" : "renamed") + "\"");
                    m.text(file, text.substring(0, c.start()) + renamed + text.substring(end));
                    return "renamed " + header + " in " + file;
                }
                m.text(file, text.substring(0, c.start()) + (kind == 6 ? block + "\n" + block : "") + text.substring(end));
                return (kind == 5 ? "deleted " : "duplicated ") + header + " in " + file;
            }
            case 8: { // the factory of a node
                List<String> settings = xml.stream().filter(f -> f.endsWith("settings.xml")).toList();
                if (settings.isEmpty()) {
                    return null;
                }
                String factory = r.nextInt(3) == 0 ? any(List.of("", "org.knime.base.node.preproc.filter.row"
                        + ".RowFilterNodeFactory", "org.neuromf.knime.nodes.NoSuchNodeFactory"), r)
                        : any(Nodes.all(), r).factoryClass();
                return replaceValue(m, any(settings, r), "factory", factory, r);
            }
            case 9: // a node id, in workflow.knime
                return replaceValue(m, "workflow.knime", "id", any(NUMBERS, r), r);
            case 10: // a connection's node or port
                return replaceValue(m, "workflow.knime", any(List.of("sourceID", "destID", "sourcePort", "destPort"), r),
                        any(NUMBERS, r), r);
            case 11: // a node_settings_file
                return replaceValue(m, "workflow.knime", "node_settings_file", any(SETTINGS_FILES, r), r);
            case 12: { // a file removed, emptied, truncated or made a folder
                int how = r.nextInt(4);
                if (how == 0) {
                    m.files.remove(file);
                } else if (how == 3) {
                    m.files.put(file, null);
                } else {
                    byte[] bytes = m.files.get(file);
                    m.files.put(file, java.util.Arrays.copyOf(bytes, how == 1 ? 0 : r.nextInt(bytes.length)));
                }
                return List.of("removed ", "emptied ", "truncated ", "made a folder of ").get(how) + file;
            }
            case 13: { // garbage bytes
                byte[] bytes = m.files.get(file).clone();
                int n = 1 + r.nextInt(20);
                for (int i = 0; i < n && bytes.length > 0; i++) {
                    bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
                }
                m.files.put(file, bytes);
                return n + " garbage bytes in " + file;
            }
            case 14: { // a DOCTYPE: an external entity, or entities that expand a billion times
                String doctype = r.nextBoolean() ? "<!DOCTYPE config [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        : "<!DOCTYPE config [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                + "<!ENTITY x \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
                int at = text.indexOf("?>");
                m.text(file, text.substring(0, at + 2) + "\n" + doctype + text.substring(at + 2).replaceFirst(
                        "value=\"[^\"]*\"", "value=\"&x;\""));
                return "a DOCTYPE in " + file;
            }
            case 15: { // a node's folder renamed, or its name
                if (r.nextBoolean() && file.contains("/")) {
                    byte[] bytes = m.files.remove(file);
                    String renamed = any(List.of("renamed (#1)/", "Cell Model (#99)/", "x/y/"), r) + "settings.xml";
                    m.files.put(renamed, bytes);
                    return "moved " + file + " to " + renamed;
                }
                return replaceValue(m, file, "name", any(List.of("../../escape", "a/b", "", "..", "x".repeat(300),
                        "Cell\tModel", "Compare"), r), r);
            }
            case 16: { // deep nesting
                m.text(file, "<?xml version=\"1.0\"?>\n" + "<config key=\"x\">".repeat(50_000) + "</config>".repeat(50_000));
                return "50 000 nested configs in " + file;
            }
            case 17: // a parameter's value (twice as likely as other mutations: they are what users edit)
            case 18: {
                int model = text.indexOf("<config key=\"model\">");
                int end = text.indexOf("\n    </config>", model);
                Matcher e = model < 0 || end < 0 ? null : nth(ENTRY, text.substring(model, end), r);
                if (e == null) {
                    return null;
                }
                String old = e.group();
                String changed = old.replaceFirst("value=\"[^\"]*\"", "value=\"" + Matcher.quoteReplacement(any(VALUES, r))
                        + "\"");
                m.text(file, text.substring(0, model + e.start()) + changed + text.substring(model + e.end()));
                return "changed " + old + " to " + abbreviate(changed) + " in " + file;
            }
            case 19: { // odd archive entries beside the workflow
                String name = any(List.of("../evil.txt", "/abs/evil.txt", "other/workflow.knime", m.root + "sub/workflow.knime",
                        "..\\evil.txt", m.root + "x/../../evil.txt", m.root + "data/port_1/data.bin"), r);
                m.extra.put(name, "<config key=\"x\"/>".getBytes(StandardCharsets.UTF_8));
                return "an archive entry " + name;
            }
            default: { // the workflow's folder inside the archive: none, deeper, or odd
                m.root = any(List.of("", "a/b/", m.workflow + "/" + m.workflow + "/", "./"), r);
                return "the archive's folder '" + m.root + "'";
            }
        }
    }

    /** The value of one entry with this key (the n-th of them, at random) in a file. */
    private static String replaceValue(Mutant m, String file, String key, String value, Random r) {
        if (m.files.get(file) == null) {
            return null;
        }
        String text = m.text(file);
        Matcher e = Pattern.compile("<entry key=\"" + Pattern.quote(key) + "\" type=\"[^\"]*\" value=\"[^\"]*\"/>")
                .matcher(text);
        List<int[]> found = new ArrayList<>();
        while (e.find()) {
            found.add(new int[] {e.start(), e.end()});
        }
        if (found.isEmpty()) {
            return null;
        }
        int[] at = found.get(r.nextInt(found.size()));
        String old = text.substring(at[0], at[1]);
        m.text(file, text.substring(0, at[0]) + old.replaceFirst("value=\"[^\"]*\"", "value=\""
                + Matcher.quoteReplacement(value) + "\"") + text.substring(at[1]));
        return "set " + key + " '" + abbreviate(value) + "' (was " + abbreviate(old) + ") in " + file;
    }

    /** A random match of the pattern, or null when there is none. */
    private static Matcher nth(Pattern p, String text, Random r) {
        Matcher m = p.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        if (count == 0) {
            return null;
        }
        int n = r.nextInt(count);
        m.reset();
        for (int i = 0; i <= n; i++) {
            m.find();
        }
        return m;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
