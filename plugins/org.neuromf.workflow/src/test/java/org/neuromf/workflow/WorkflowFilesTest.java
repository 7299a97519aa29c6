package org.neuromf.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromf.workflow.WorkflowTest.WORKFLOWS;
import static org.neuromf.workflow.WorkflowTest.copy;
import static org.neuromf.workflow.WorkflowTest.edit;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

/**
 * Reading workflow files safely: only workflow.knime and the nodes' settings.xml are read, each
 * with a size limit; archives are read entry by entry; names and paths that point outside the
 * workflow are refused; every refusal names the file, node or setting and says what is allowed.
 */
class WorkflowFilesTest {

    private static final String SWEEP = "mf-drive-sweep";
    private static final String SWEEP_SETTINGS = "Mean_Field Drive Sweep (#4)/settings.xml";

    private static WorkflowException refused(Executable read, String... expected) {
        WorkflowException e = assertThrows(WorkflowException.class, read);
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), "'" + e.getMessage() + "' should contain '" + s + "'");
        }
        return e;
    }

    private static WorkflowException refused(Path workflow, String... expected) {
        return refused(() -> WorkflowRunner.check(WorkflowFiles.read(workflow)), expected);
    }

    /** The files of a test workflow, by name inside the archive ({@code mf-drive-sweep/workflow.knime}). */
    private static Map<String, byte[]> files(String workflow) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path dir = WORKFLOWS.resolve(workflow);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile).sorted()::iterator) {
                files.put(workflow + "/" + dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static Path knwf(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    // ---- a hand-written zip, so that an entry can be huge without compressing it here, or lie about its size

    /** One entry: its raw deflated data, the CRC and size of what it inflates to, and the size it claims. */
    private record RawEntry(String name, byte[] deflated, long crc, long claimedSize) {
        static RawEntry of(String name, byte[] content) {
            CRC32 crc = new CRC32();
            crc.update(content);
            return new RawEntry(name, deflate(content, true), crc.getValue(), content.length);
        }
    }

    /** Raw deflate data: the last block of a stream, or else one that ends with a full flush. */
    private static byte[] deflate(byte[] content, boolean last) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(content);
        if (last) {
            d.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (true) {
            int n = d.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
            if (last ? d.finished() : n < buffer.length) {
                break;
            }
        }
        d.end();
        return out.toByteArray();
    }

    /**
     * An entry of {@code megabytes} MiB of zeros, deflated in 2.6 MB: one MiB deflated with a full
     * flush (which makes it independent of what came before and ends it on a byte) repeated, then
     * the empty final block.
     */
    private static RawEntry zeros(String name, int megabytes) {
        byte[] mib = new byte[1 << 20];
        byte[] block = deflate(mib, false);
        byte[] end = {0x03, 0x00};
        byte[] all = new byte[block.length * megabytes + end.length];
        CRC32 crc = new CRC32();
        for (int i = 0; i < megabytes; i++) {
            System.arraycopy(block, 0, all, i * block.length, block.length);
            crc.update(mib);
        }
        System.arraycopy(end, 0, all, all.length - end.length, end.length);
        return new RawEntry(name, all, crc.getValue(), (long) megabytes << 20);
    }

    private static void writeZip(Path file, List<RawEntry> entries) throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        try (OutputStream out = Files.newOutputStream(file)) {
            long offset = 0;
            for (RawEntry e : entries) {
                byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
                ByteBuffer local = header(30 + name.length, 0x04034b50).putShort((short) 20);
                sizes(local, e, name).put(name);
                out.write(local.array());
                out.write(e.deflated());
                ByteBuffer c = header(46 + name.length, 0x02014b50).putShort((short) 20).putShort((short) 20);
                sizes(c, e, name).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                        .putInt((int) offset).put(name);
                central.write(c.array());
                offset += local.capacity() + e.deflated().length;
            }
            out.write(central.toByteArray());
            out.write(header(22, 0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                    .putShort((short) entries.size()).putInt(central.size()).putInt((int) offset).putShort((short) 0)
                    .array());
        }
    }

    private static ByteBuffer header(int length, int signature) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN).putInt(signature);
    }

    /** Flags (UTF-8 names), deflated, no time, CRC, sizes, name length, no extra field. */
    private static ByteBuffer sizes(ByteBuffer b, RawEntry e, byte[] name) {
        return b.putShort((short) 0x0800).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) e.crc()).putInt(e.deflated().length).putInt((int) e.claimedSize())
                .putShort((short) name.length).putShort((short) 0);
    }

    private static List<RawEntry> raw(Map<String, byte[]> files) {
        List<RawEntry> entries = new ArrayList<>();
        files.forEach((name, content) -> entries.add(RawEntry.of(name, content)));
        return entries;
    }

    // ---- files KNIME saved

    /** mf-drive-sweep as KNIME 5.12 saved it, configured and executed; how: knime-saved/README.md. */
    private static final Path KNIME_SAVED = Path.of("src/test/resources/knime-saved");
    /**
     * What KNIME writes beside a workflow for itself, and NeuroMF does not: the mark of a save (not
     * an export), and the copy of the metadata in the format before 5.1.
     */
    private static final List<String> KNIME_ONLY = List.of(".savedWithData", "workflowset.meta");

    @Test
    void aWorkflowThatKnimeSavedIsReadAndRunsLikeOurs() {
        Workflow ours = WorkflowFiles.read(WORKFLOWS.resolve(SWEEP));
        Table sweep = WorkflowRunner.run(ours, null, Progress.NONE).tables().get(4).get(0);
        for (String saved : List.of(SWEEP, SWEEP + "-executed")) {
            Workflow knime = WorkflowFiles.read(KNIME_SAVED.resolve(saved));
            assertEquals(ours.description(), knime.description(), saved);
            assertEquals(ours.nodes(), knime.nodes(), saved + ": the same nodes, settings, notes and places");
            assertEquals(ours.connections(), knime.connections(), saved);
            assertEquals(sweep, WorkflowRunner.run(knime, null, Progress.NONE).tables().get(4).get(0), saved);
        }
    }

    /** Our files are KNIME's: the same files, and in each the same keys, nested and ordered as KNIME saves them. */
    @Test
    void whatWeWriteIsWhatKnimeSaves() throws IOException {
        Path ours = WORKFLOWS.resolve(SWEEP);
        Path knime = KNIME_SAVED.resolve(SWEEP);
        List<String> files = new ArrayList<>(WorkflowTest.files(knime));
        files.removeAll(KNIME_ONLY);
        assertEquals(files, WorkflowTest.files(ours));
        for (String f : files) {
            if (f.equals("workflow-metadata.xml")) {
                String modified = "<last-modified>[^<]*</last-modified>";
                assertEquals(Files.readString(knime.resolve(f)).replaceAll(modified, ""),
                        Files.readString(ours.resolve(f)).replaceAll(modified, ""), f);
            } else {
                // KNIME saved these files before the sweep's slow_currents and the builder's in_degree existed:
                // they are read with their old values
                List<String> written = new ArrayList<>(keys(ours.resolve(f)));
                String node = f.startsWith("Network Builder") ? "network-builder" : "mean-field-sweep";
                for (String added : SettingsMapping.addedLater(node)) {
                    written.removeIf(k -> k.equals("model/" + added) || k.startsWith("model/" + added + "_Internals"));
                }
                assertEquals(keys(knime.resolve(f)), written, f);
            }
        }
    }

    /** Every key of a config file as its path ({@code model/preset_Internals/SettingsModelID}), in order. */
    private static List<String> keys(Path file) throws IOException {
        List<String> keys = new ArrayList<>();
        keys(Config.read(Files.readAllBytes(file), file.toString()), "", keys);
        return keys;
    }

    private static void keys(Config c, String prefix, List<String> keys) {
        for (String k : c.keys()) {
            keys.add(prefix + k);
            if (!c.isEntry(k)) {
                keys(c.child(k, ""), prefix + k + "/", keys);
            }
        }
    }

    // ---- sizes

    /**
     * The tester's file: a 2.6 MB .knwf with a 2.6 GB entry beside the workflow. Its data ends in
     * garbage, so that decompressing it (even to skip it) would fail: it is never touched.
     */
    @Test
    void aHugeEntryBesideTheWorkflowIsNeverRead(@TempDir Path tmp) throws IOException {
        List<RawEntry> entries = raw(files(SWEEP));
        RawEntry big = zeros(SWEEP + "/Mean_Field Drive Sweep (#4)/port_1/data.bin", 2500);
        byte[] damaged = big.deflated().clone();
        java.util.Arrays.fill(damaged, damaged.length - 2, damaged.length, (byte) 0xFF); // an invalid block type
        entries.add(0, new RawEntry(big.name(), damaged, big.crc(), big.claimedSize()));
        Path knwf = tmp.resolve("big.knwf");
        writeZip(knwf, entries);
        assertTrue(Files.size(knwf) < 3_000_000, "a small file: " + Files.size(knwf));
        assertEquals(WorkflowFiles.read(WORKFLOWS.resolve(SWEEP)).nodes(), WorkflowFiles.read(knwf).nodes());
    }

    @Test
    void aHugeSettingsFileIsRefusedByItsSizeBeforeReading(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> files = files(SWEEP);
        files.remove(SWEEP + "/" + SWEEP_SETTINGS);
        List<RawEntry> entries = raw(files);
        entries.add(zeros(SWEEP + "/" + SWEEP_SETTINGS, 2500));
        Path knwf = tmp.resolve("big.knwf");
        writeZip(knwf, entries);
        refused(knwf, "big.knwf, entry " + SWEEP + "/" + SWEEP_SETTINGS, "is 2622 MB", "limit of 16 MB");
    }

    /** An entry that claims 100 bytes but inflates to 20 MB: the read stops at the limit. */
    @Test
    void anEntryLyingAboutItsSizeIsReadOnlyUpToTheLimit(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> files = files(SWEEP);
        files.remove(SWEEP + "/workflow.knime");
        List<RawEntry> entries = raw(files);
        RawEntry big = zeros(SWEEP + "/workflow.knime", 20);
        entries.add(new RawEntry(big.name(), big.deflated(), big.crc(), 100));
        Path knwf = tmp.resolve("liar.knwf");
        writeZip(knwf, entries);
        refused(knwf, "liar.knwf, entry " + SWEEP + "/workflow.knime", "larger than 16 MB", "limit of 16 MB");
    }

    /**
     * A workflow saved before a parameter existed loads with the value it computed with: the
     * network's whole-Q delivery, the unweighted fit, Poisson scans. A setting that was always
     * there is still refused when missing.
     */
    @Test
    void settingsSavedBeforeAParameterExistedComputeAsTheyDid(@TempDir Path tmp) throws IOException {
        Path w = copy("hh-transfer-functions", tmp);
        Path scan = w.resolve("Transfer Function Scan (#4)/settings.xml");
        Path fit = w.resolve("Transfer Function Fit (#5)/settings.xml");
        strip(scan, "target_spikes", "max_seeds", "input_trains", "isi_refractory_exc_ms", "isi_cv_exc",
                "isi_refractory_inh_ms", "isi_cv_inh", "in_degree");
        strip(fit, "weighting");
        Workflow old = WorkflowFiles.read(w);
        Map<String, Object> scanValues = node(old, "transfer-function-scan").settings();
        assertEquals("poisson", scanValues.get("input_trains"));
        assertEquals(0L, scanValues.get("target_spikes"));
        assertEquals("fixed", scanValues.get("in_degree"));
        assertEquals("none", node(old, "transfer-function-fit").settings().get("weighting"));
        Path sim = copy("hh-spontaneous", tmp).resolve("Network Simulation (#4)/settings.xml");
        strip(sim, "synaptic_timing");
        assertEquals("step", node(WorkflowFiles.read(sim.getParent().getParent()), "network-simulation").settings()
                .get("synaptic_timing"));
        strip(sim, "dt_ms");
        refused(sim.getParent().getParent(), "setting 'dt_ms' of Network Simulation is missing");
    }

    /** Removes the entries of these keys (and their _Internals) from a settings file. */
    private static void strip(Path settings, String... keys) throws IOException {
        String xml = Files.readString(settings, StandardCharsets.UTF_8);
        for (String key : keys) {
            String before = xml;
            xml = xml.replaceAll("(?s)\\s*<config key=\"" + key + "_Internals\">.*?</config>", "")
                    .replaceAll("\\s*<entry key=\"" + key + "\"[^>]*/>", "");
            assertNotEquals(before, xml, key + " was in " + settings);
        }
        Files.writeString(settings, xml, StandardCharsets.UTF_8);
    }

    private static Workflow.Node node(Workflow w, String id) {
        return w.nodes().stream().filter(n -> n.factory().equals(Nodes.get(id).factoryClass())).findFirst()
                .orElseThrow();
    }

    /** In a folder, node data is not read (a sparse 3 GB file here), and a settings.xml above the limit is refused. */
    @Test
    void aWorkflowFolderIsReadByItsSettingsFilesOnly(@TempDir Path tmp) throws IOException {
        Path w = copy(SWEEP, tmp);
        try (RandomAccessFile data = new RandomAccessFile(w.resolve("Cell Model (#1)/data.bin").toFile(), "rw")) {
            data.setLength(3_000_000_000L);
        }
        assertEquals(WorkflowFiles.read(WORKFLOWS.resolve(SWEEP)).nodes(), WorkflowFiles.read(w).nodes());
        try (RandomAccessFile settings = new RandomAccessFile(w.resolve(SWEEP_SETTINGS).toFile(), "rw")) {
            settings.setLength(17_000_000);
        }
        refused(w, SWEEP_SETTINGS, "is 17 MB, above the limit of 16 MB");
    }

    // ---- archives

    @Test
    void aFileThatIsNotAZipIsRefused(@TempDir Path tmp) throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.knwf"), "not a workflow");
        refused(text, "notes.knwf is not a workflow", "not a zip archive");
        Path empty = Files.write(tmp.resolve("empty.knwf"), new byte[0]);
        refused(empty, "empty.knwf is not a workflow");
        refused(tmp.resolve("nowhere.knwf"), "nowhere.knwf does not exist");
        refused(WORKFLOWS.resolve(SWEEP).resolve("workflow.knime"), "give the folder that holds it");
    }

    @Test
    void archiveEntriesPointingOutsideAreRefused(@TempDir Path tmp) throws IOException {
        for (String bad : List.of("../evil.sh", SWEEP + "/../../evil.sh", "/etc/cron.d/evil", "C:/evil", "..\\evil")) {
            Map<String, byte[]> files = files(SWEEP);
            files.put(bad, "x".getBytes(StandardCharsets.UTF_8));
            Path knwf = knwf(tmp.resolve("slip.knwf"), files);
            refused(knwf, "slip.knwf holds an entry named '" + bad + "'", "points outside");
            Files.delete(knwf);
        }
        assertFalse(Files.exists(tmp.getParent().resolve("evil.sh")));
    }

    @Test
    void anArchiveHoldsOneWorkflow(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> two = new LinkedHashMap<>(files(SWEEP));
        files("hh-spontaneous").forEach(two::put);
        refused(knwf(tmp.resolve("two.knwf"), two), "two.knwf holds several workflows", "hh-spontaneous/",
                SWEEP + "/");
        Map<String, byte[]> none = files(SWEEP);
        none.remove(SWEEP + "/workflow.knime");
        refused(knwf(tmp.resolve("none.knwf"), none), "none.knwf holds no workflow.knime");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= WorkflowFiles.MAX_ARCHIVE_ENTRIES; i++) {
            many.put("w/" + i, new byte[0]);
        }
        refused(knwf(tmp.resolve("many.knwf"), many), "many.knwf holds 100001 entries", "more than the 100000");
    }

    // ---- paths inside the workflow

    @Test
    void aSettingsFileOutsideTheWorkflowIsRefused(@TempDir Path tmp) throws IOException {
        Path outside = copy(SWEEP, tmp.resolve("outside"));
        String cell = "value=\"Cell Model (#1)/settings.xml\"";
        for (String bad : List.of("../outside/" + SWEEP + "/Cell Model (#1)/settings.xml",
                outside.resolve("Cell Model (#1)/settings.xml").toAbsolutePath().toString(),
                "Cell Model (#1)/../../x/settings.xml")) {
            Path w = copy(SWEEP, tmp.resolve("w" + bad.hashCode()));
            edit(w.resolve("workflow.knime"), cell, "value=\"" + bad + "\"");
            refused(w, "workflow.knime: node node_1 (#1) has node_settings_file '" + bad + "'", "outside the workflow");
        }
        Path linked = copy(SWEEP, tmp.resolve("linked"));
        Path settings = linked.resolve("Cell Model (#1)/settings.xml");
        Files.delete(settings);
        Files.createSymbolicLink(settings, outside.resolve("Cell Model (#1)/settings.xml").toAbsolutePath());
        refused(linked, "Cell Model (#1)/settings.xml is a link to", "outside the workflow folder");

        Path shared = copy(SWEEP, tmp.resolve("shared"));
        edit(shared.resolve("workflow.knime"), "value=\"Cell Model (#2)/settings.xml\"", "value=\"./Cell Model (#1)/settings.xml\"");
        refused(shared, "nodes node_1 and node_2 share the settings file './Cell Model (#1)/settings.xml'");

        Path folder = copy(SWEEP, tmp.resolve("folder"));
        edit(folder.resolve("workflow.knime"), cell, "value=\"Cell Model (#1)\"");
        refused(folder, "Cell Model (#1) is a folder, not a KNIME settings file");
    }

    @Test
    void aNodeNameThatIsNotAFolderNameIsRefused(@TempDir Path tmp) throws IOException {
        for (String bad : List.of("../../escape", "a/b", "", "..", "x".repeat(300))) {
            Path w = copy(SWEEP, tmp.resolve("w" + bad.hashCode()));
            edit(w.resolve("Cell Model (#1)/settings.xml"), "<entry key=\"name\" type=\"xstring\" value=\"Cell Model\"/>",
                    "<entry key=\"name\" type=\"xstring\" value=\"" + bad + "\"/>");
            refused(w, "Cell Model (#1)/settings.xml: the node's name '" + bad + "' cannot name a folder");
        }
    }

    // ---- XML

    @Test
    void aDoctypeIsRefusedAndNoEntityIsRead(@TempDir Path tmp) throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "CELL-SECRET");
        Path w = copy(SWEEP, tmp);
        Path settings = w.resolve("Cell Model (#1)/settings.xml");
        String text = Files.readString(settings).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE config [<!ENTITY x SYSTEM \"" + secret.toUri()
                        + "\">]>\n").replace("value=\"Cell Model\"", "value=\"&x;\"");
        Files.writeString(settings, text);
        WorkflowException e = refused(w, "Cell Model (#1)/settings.xml is not well-formed XML (line 2)", "DOCTYPE");
        assertFalse(e.getMessage().contains("CELL-SECRET"));
    }

    @Test
    void aKeyTwiceInOneConfigIsRefused(@TempDir Path tmp) throws IOException {
        Path w = copy(SWEEP, tmp);
        edit(w.resolve(SWEEP_SETTINGS), "<entry key=\"order\" type=\"xint\" value=\"2\"/>",
                "<entry key=\"order\" type=\"xint\" value=\"2\"/>\n<entry key=\"order\" type=\"xint\" value=\"1\"/>");
        refused(w, SWEEP_SETTINGS + ", line 14: config 'model' holds the key 'order' twice");
    }

    // ---- messages

    /** The tester's case: a number setting of "abc" names the node, the key, the value, the type and the range. */
    @Test
    void aSettingOfTheWrongTypeNamesNodeKeyValueAndWhatIsAllowed(@TempDir Path tmp) throws IOException {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("key=\"t_ms\" type=\"xdouble\" value=\"5.0\"", new String[] {"t_ms = 'abc' is not a number",
            "allowed range (0, 1000] ms"});
        cases.put("key=\"drive_points\" type=\"xint\" value=\"101\"", new String[] {"drive_points = 'abc' is not a"
            + " whole number", "allowed [1, 100000]"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            Path w = copy(SWEEP, tmp.resolve("w" + c.getKey().hashCode()));
            edit(w.resolve(SWEEP_SETTINGS), c.getKey(), c.getKey().replaceAll("value=\"[^\"]*\"", "value=\"abc\""));
            WorkflowException e = refused(w, "node 'Mean_Field Drive Sweep (#4)'", SWEEP_SETTINGS, c.getValue()[0],
                    c.getValue()[1]);
            assertFalse(e.getMessage().contains("For input string"), e.getMessage());
        }
        Path huge = copy(SWEEP, tmp.resolve("huge"));
        edit(huge.resolve(SWEEP_SETTINGS), "key=\"drive_points\" type=\"xint\" value=\"101\"",
                "key=\"drive_points\" type=\"xint\" value=\"99999999999999999999\"");
        refused(huge, "node 'Mean_Field Drive Sweep (#4)'",
                "drive_points = 99999999999999999999 is outside the allowed range [1, 100000]");
        Path id = copy(SWEEP, tmp.resolve("id"));
        edit(id.resolve("workflow.knime"), "<entry key=\"id\" type=\"xint\" value=\"3\"/>",
                "<entry key=\"id\" type=\"xint\" value=\"three\"/>");
        refused(id, "workflow.knime: in config 'node_3', entry 'id' = 'three' is not a whole number");
    }

    /** Ports appear as workflow.knime numbers them (data ports from 1), with their names. */
    @Test
    void portsAreNamedAsTheFileNumbersThem(@TempDir Path tmp) throws IOException {
        String toBuilder = "<entry key=\"destID\" type=\"xint\" value=\"3\"/>\n"
                + "            <entry key=\"sourcePort\" type=\"xint\" value=\"1\"/>\n"
                + "            <entry key=\"destPort\" type=\"xint\" value=\"2\"/>";
        Path seven = copy(SWEEP, tmp.resolve("seven"));
        edit(seven.resolve("workflow.knime"), toBuilder, toBuilder.replace("value=\"2\"", "value=\"7\""));
        WorkflowException e = refused(seven, "the connection from 'Cell Model (#2)' port 1 (cell) to"
                + " 'Network Builder (#3)' port 7:", "has no input port 7; its input ports are 1 (excitatory cell),"
                + " 2 (inhibitory cell)");
        assertFalse(e.getMessage().contains("port 6"), e.getMessage());

        Path twice = copy(SWEEP, tmp.resolve("twice"));
        edit(twice.resolve("workflow.knime"), toBuilder, toBuilder.replace("value=\"2\"", "value=\"1\""));
        refused(twice, "to 'Network Builder (#3)' port 1 (excitatory cell): that input is already connected, from"
                + " 'Cell Model (#1)' port 1 (cell)");

        Path flow = copy(SWEEP, tmp.resolve("flow"));
        edit(flow.resolve("workflow.knime"), toBuilder, toBuilder.replace("value=\"2\"", "value=\"0\""));
        refused(flow, "workflow.knime: connection_1 has destPort 0, the flow-variable port",
                "data ports are numbered from 1");

        Path unconnected = copy(SWEEP, tmp.resolve("unconnected"));
        edit(unconnected.resolve("workflow.knime"), toBuilder, toBuilder.replace("value=\"3\"", "value=\"4\"")
                .replace("destPort\" type=\"xint\" value=\"2\"", "destPort\" type=\"xint\" value=\"3\""));
        refused(unconnected, "node 'Network Builder (#3)': its input port 2 (inhibitory cell) is not connected");
    }

    @Test
    void twoNodesWithOneIdAreRefused(@TempDir Path tmp) throws IOException {
        Path w = copy(SWEEP, tmp);
        edit(w.resolve("workflow.knime"), "<entry key=\"id\" type=\"xint\" value=\"2\"/>",
                "<entry key=\"id\" type=\"xint\" value=\"1\"/>");
        refused(w, SWEEP + "/workflow.knime: two nodes have id 1 ('Cell Model (#1)' and 'Cell Model (#1)'): every node needs"
                + " its own id");
    }

    /** 50 000 nodes in one cycle: the search for it is iterative, and the message stays short. */
    @Test
    void aLongCycleIsNamedWithoutOverflowingTheStack() {
        NodeSpec sim = Nodes.get("network-simulation");
        Map<String, Object> settings = new LinkedHashMap<>();
        sim.parameters().forEach(s -> settings.put(s.key(), SettingsMapping.toSetting(s, s.defaultValue())));
        int n = 50_000;
        List<Workflow.Node> nodes = new ArrayList<>();
        List<Workflow.Connection> connections = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            nodes.add(new Workflow.Node(i, sim.factoryClass(), sim.label(), settings, "", 0, 0));
            connections.add(new Workflow.Connection(i, 0, i % n + 1, 0));
        }
        WorkflowException e = refused(() -> WorkflowRunner.check(new Workflow("ring", "", nodes, connections)),
                "ring/workflow.knime: the connections form a cycle: 'Network Simulation (#1)' -> 'Network Simulation (#2)'",
                "... (49993 more) -> ", "'Network Simulation (#50000)' -> 'Network Simulation (#1)'");
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    void aWorkflowWithoutNodesIsRefused() {
        refused(() -> WorkflowRunner.run(new Workflow("empty", "", List.of(), List.of()), null, Progress.NONE),
                "empty/workflow.knime: the workflow has no nodes");
    }
}
