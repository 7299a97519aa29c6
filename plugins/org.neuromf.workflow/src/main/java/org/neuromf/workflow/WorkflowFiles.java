package org.neuromf.workflow;

import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.util.IoReasons;
import org.neuromf.core.util.MemoryBudget;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads and writes workflows in KNIME's format: a folder with {@code workflow.knime} (nodes, their
 * places, connections), {@code workflow-metadata.xml} (the description) and one folder per node
 * with its {@code settings.xml} (factory, bundle, annotation, and the node model's settings, one
 * entry per parameter key as KNIME's SettingsModels store them). A {@code .knwf} file is such a
 * folder zipped. What is written is what KNIME 5 saves for such a workflow, in its order.
 */
public final class WorkflowFiles {

    static final String BUNDLE = "org.neuromf.knime";
    static final String VERSION = "0.1.0";
    /** Node sizes are cached figure sizes; KNIME 5's interface writes -1 and uses only x and y. */
    private static final int UNSIZED = -1;
    /**
     * The state KNIME saves for a configured node, and for a workflow of them: a NeuroMF node with
     * its inputs connected is configured as soon as KNIME loads it, and a file saying IDLE would
     * load with a warning per node.
     */
    private static final String CONFIGURED = "CONFIGURED";
    /**
     * Who and when the files say wrote them: fixed, so that writing a workflow again gives the same
     * files (a test checks the committed ones).
     */
    private static final String AUTHOR = "NeuroMF";
    private static final OffsetDateTime WRITTEN = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final String METADATA_NAMESPACE = "http://www.knime.org/core/node/workflow/metadata/v1.0";

    private WorkflowFiles() {
    }

    // ---- writing

    /** Writes the workflow into folder {@code dir} (created): workflow.knime, its metadata, the nodes' settings. */
    public static void write(Workflow w, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(WORKFLOW_KNIME), workflowConfig(w).toXml(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(METADATA), metadata(w), StandardCharsets.UTF_8);
            for (Workflow.Node n : w.nodes()) {
                Path folder = dir.resolve(nodeFolder(n));
                Files.createDirectories(folder);
                Files.writeString(folder.resolve("settings.xml"), nodeConfig(n).toXml(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workflow " + w.name() + " into " + dir + ": "
                    + IoReasons.of(e), e);
        }
    }

    /** The node's folder as KNIME names it: its name with all but letters, digits and spaces made _, and its id. */
    static String nodeFolder(Workflow.Node n) {
        return n.name().replaceAll("[^a-zA-Z0-9 ]", "_") + " (#" + n.id() + ")";
    }

    static Config workflowConfig(Workflow w) {
        Config c = new Config(WORKFLOW_KNIME);
        // KNIME loads only the version strings it knows ("5.1.0" for 5.1 to 5.12) and refuses files
        // created by a newer release than itself: claim the oldest 5.x that writes this format
        c.string("created_by", "5.1.0");
        c.bool("created_by_nightly", false);
        c.string("version", "5.1.0");
        c.string("name", w.name());
        Config author = c.config("authorInformation");
        author.string("authored-by", AUTHOR);
        author.string("authored-when", WRITTEN.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z")));
        author.string("lastEdited-by", null);
        author.string("lastEdited-when", null);
        c.string("customDescription", null); // since 5.1 the description is in workflow-metadata.xml
        c.string("state", CONFIGURED);
        c.config("workflow_credentials");
        Config nodes = c.config("nodes");
        for (Workflow.Node n : w.nodes()) {
            Config node = nodes.config("node_" + n.id());
            node.integer("id", n.id());
            node.string("node_settings_file", nodeFolder(n) + "/settings.xml");
            node.bool("node_is_meta", false);
            node.string("node_type", "NativeNode");
            node.string("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            Config ui = node.config("ui_settings");
            Config bounds = ui.config("extrainfo.node.bounds");
            bounds.integer("array-size", 4);
            bounds.integer("0", n.x());
            bounds.integer("1", n.y());
            bounds.integer("2", UNSIZED);
            bounds.integer("3", UNSIZED);
        }
        Config connections = c.config("connections");
        int i = 0;
        for (Workflow.Connection k : w.connections()) {
            Config con = connections.config("connection_" + i++);
            con.integer("sourceID", k.source());
            con.integer("destID", k.dest());
            con.integer("sourcePort", k.sourcePort() + 1);
            con.integer("destPort", k.destPort() + 1);
            con.string("ui_classname", "org.knime.core.node.workflow.ConnectionUIInformation");
            con.config("ui_settings").integer("extrainfo.conn.bendpoints_size", 0);
        }
        // no workflow_editor_settings: KNIME writes them only once an editor has set them, and then all of them
        return c;
    }

    /** workflow-metadata.xml, where KNIME 5.1 and later keep the workflow's description. */
    static String metadata(Workflow w) {
        String text = w.description().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workflow-metadata content-type=\"text/plain\" xmlns=\""
                + METADATA_NAMESPACE + "\">\n    <last-modified>" + DateTimeFormatter.ISO_INSTANT.format(WRITTEN)
                + "</last-modified>\n    <description>" + text + "</description>\n</workflow-metadata>";
    }

    static Config nodeConfig(Workflow.Node n) {
        NodeSpec spec = spec(n.factory(), nodeFolder(n));
        Config c = new Config("settings.xml");
        c.string("node_file", "settings.xml");
        c.config("flow_stack");
        c.config("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory");
        Config model = c.config("model");
        for (ParameterSpec s : spec.parameters()) {
            Config internals = model.config(s.key() + "_Internals");
            internals.string("SettingsModelID", id(SettingsMapping.kind(s)));
            internals.bool("EnabledStatus", true);
            model.put(s.key(), type(SettingsMapping.kind(s)), n.settings().get(s.key()));
        }
        if (!n.annotation().isEmpty()) { // KNIME writes a node's annotation once it has been set
            Config annotation = c.config("nodeAnnotation"); // the text under the node, placed by KNIME
            annotation.string("text", n.annotation());
            annotation.string("contentType", "text/plain");
            annotation.integer("bgcolor", 16777215);
            annotation.integer("x-coordinate", 0);
            annotation.integer("y-coordinate", 0);
            annotation.integer("width", 0);
            annotation.integer("height", 0);
            annotation.string("alignment", "CENTER");
            annotation.integer("borderSize", 0);
            annotation.integer("borderColor", 0);
            annotation.integer("defFontSize", -1);
            annotation.integer("annotation-version", 20230412);
            annotation.config("styles");
        }
        c.string("customDescription", null);
        c.string("state", CONFIGURED);
        c.string("factory", n.factory());
        c.string("node-name", spec.label());
        c.string("node-bundle-name", "NeuroMF KNIME Nodes");
        c.string("node-bundle-symbolic-name", BUNDLE);
        c.string("node-bundle-vendor", "NeuroMF");
        c.string("node-bundle-version", VERSION);
        c.string("node-feature-name", "NeuroMF");
        c.string("node-feature-symbolic-name", "org.neuromf.feature.feature.group");
        c.string("node-feature-vendor", "NeuroMF");
        c.string("node-feature-version", VERSION); // never null: KNIME skips a node whose version is null
        c.config("factory_settings");
        c.string("name", spec.label());
        c.bool("hasContent", false);
        c.bool("isInactive", false);
        Config ports = c.config("ports");
        for (int p = 1; p <= (spec.isPlot() ? 1 : spec.outputs().size()); p++) {
            Config port = ports.config("port_" + p);
            port.integer("index", p);
            port.string("port_dir_location", null);
        }
        Config stores = c.config("filestores");
        stores.string("file_store_location", null);
        stores.string("file_store_id", null);
        return c;
    }

    private static String type(SettingsMapping.Kind k) {
        switch (k) {
            case DOUBLE:
                return "xdouble";
            case INTEGER:
                return "xint";
            case LONG:
                return "xlong";
            case BOOLEAN:
                return "xboolean";
            default:
                return "xstring";
        }
    }

    /** The SettingsModelID KNIME's models store (the long model's differs in form). */
    private static String id(SettingsMapping.Kind k) {
        switch (k) {
            case DOUBLE:
                return "SMID_double";
            case INTEGER:
                return "SMID_integer";
            case LONG:
                return "SMN_long";
            case BOOLEAN:
                return "SMID_boolean";
            default:
                return "SMID_string";
        }
    }

    private static final Map<String, NodeSpec> BY_FACTORY = Nodes.all().stream().collect(Collectors.toMap(
            NodeSpec::factoryClass, s -> s));

    /** The NeuroMF node of a factory class; anything else is refused by node and factory. */
    static NodeSpec spec(String factory, String node) {
        if (factory == null || factory.isBlank()) {
            throw new WorkflowException("node '" + node + "': the entry 'factory' of its settings.xml is empty; KNIME"
                    + " writes the node's factory class there, such as " + Nodes.all().get(0).factoryClass());
        }
        NodeSpec spec = BY_FACTORY.get(factory);
        if (spec != null) {
            return spec;
        }
        throw new WorkflowException("node '" + node + "' uses factory " + factory + ", which is not a NeuroMF node: this"
                + " command runs NeuroMF nodes only; run the workflow in KNIME");
    }

    // ---- reading

    /**
     * The largest workflow.knime or settings.xml read: 16 MB. A node's settings.xml is some 4 KB and
     * workflow.knime some 2 KB per node, so this is far above any real file, and a damaged or hostile
     * one cannot fill the memory.
     */
    static final int MAX_FILE_BYTES = 16_000_000;
    /** The most entries a .knwf may hold; one saved with the data of a thousand nodes holds some ten thousand. */
    static final int MAX_ARCHIVE_ENTRIES = 100_000;
    /** The longest node name, in UTF-8 bytes, so that its folder name ({@code name (#id)}) fits every file system. */
    private static final int MAX_NAME_BYTES = 200;
    private static final String WORKFLOW_KNIME = "workflow.knime";
    private static final String METADATA = "workflow-metadata.xml";

    /**
     * Reads a workflow folder, or a .knwf archive (a zipped workflow folder). Only workflow.knime and
     * the settings.xml of its nodes are read, each up to {@link #MAX_FILE_BYTES}; node data that KNIME
     * saved beside them is never opened. Anything wrong is a {@link WorkflowException} naming the file.
     */
    public static Workflow read(Path path) {
        if (!Files.exists(path)) {
            throw new WorkflowException(path + " does not exist: give a workflow folder (with workflow.knime) or a"
                    + " .knwf file");
        }
        if (Files.isDirectory(path)) {
            return read(new Folder(path, real(path, path)), name(path));
        }
        if (path.getFileName().toString().equals(WORKFLOW_KNIME)) {
            throw new WorkflowException(path + " is the workflow's description only: give the folder that holds it");
        }
        try (Archive archive = Archive.open(path)) {
            return read(archive, name(path).replaceAll("\\.knwf$", ""));
        }
    }

    private static String name(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        return name == null ? path.toString() : name.toString();
    }

    /** The files of a workflow: its folder, or the workflow folder inside a .knwf archive. */
    private interface Source {
        /** The file as the user finds it, for messages. */
        String where(String file);

        /** The file's bytes (at most {@link #MAX_FILE_BYTES}), or null when it does not exist. */
        byte[] read(String file);
    }

    private record Folder(Path dir, Path realDir) implements Source {
        @Override
        public String where(String file) {
            return dir + File.separator + file;
        }

        @Override
        public byte[] read(String file) {
            Path p;
            try {
                p = dir.resolve(file);
            } catch (InvalidPathException e) {
                throw new WorkflowException(where(file) + " is not a file name on this system: " + e.getReason());
            }
            if (!Files.exists(p)) {
                return null;
            }
            if (!real(p, dir).startsWith(realDir)) {
                throw new WorkflowException(where(file) + " is a link to " + real(p, dir) + ", outside the workflow"
                        + " folder: a workflow's files must lie inside its folder");
            }
            if (!Files.isRegularFile(p)) {
                throw new WorkflowException(where(file) + (Files.isDirectory(p) ? " is a folder" : " is not a plain"
                        + " file") + ", not a KNIME settings file");
            }
            try {
                long size = Files.size(p);
                if (size > MAX_FILE_BYTES) {
                    throw tooLarge(where(file), size);
                }
                try (InputStream in = Files.newInputStream(p)) {
                    return readAtMost(in, where(file));
                }
            } catch (IOException e) {
                throw new WorkflowException("cannot read " + where(file) + ": " + IoReasons.of(e));
            }
        }
    }

    private static Path real(Path p, Path dir) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new WorkflowException("cannot read " + p + " in " + dir + ": " + IoReasons.of(e));
        }
    }

    /** A .knwf: read from its central directory, so that only the entries asked for are ever decompressed. */
    private static final class Archive implements Source, AutoCloseable {
        private final Path file;
        private final ZipFile zip;
        /** The entry-name prefix of the workflow folder: {@code hh-spontaneous/}. */
        private final String root;

        private Archive(Path file, ZipFile zip, String root) {
            this.file = file;
            this.zip = zip;
            this.root = root;
        }

        static Archive open(Path file) {
            ZipFile zip;
            try {
                zip = new ZipFile(file.toFile());
            } catch (ZipException e) {
                throw new WorkflowException(file + " is not a workflow: a file must be a .knwf archive (a zipped"
                        + " workflow folder), and this one is not a zip archive or is damaged (" + e.getMessage()
                        + ")");
            } catch (IOException e) {
                throw new WorkflowException("cannot read " + file + ": " + IoReasons.of(e));
            }
            try {
                return new Archive(file, zip, root(file, zip));
            } catch (RuntimeException e) {
                closeQuietly(zip);
                throw e;
            }
        }

        /** Checks every entry name and finds the workflow folder: the one holding the shallowest workflow.knime. */
        private static String root(Path file, ZipFile zip) {
            if (zip.size() > MAX_ARCHIVE_ENTRIES) {
                throw new WorkflowException(file + " holds " + zip.size() + " entries, more than the "
                        + MAX_ARCHIVE_ENTRIES + " a .knwf may hold here: export the workflow without its data (reset it"
                        + " first)");
            }
            List<String> roots = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
                ZipEntry e = all.nextElement();
                String name = e.getName();
                if (pointsOutside(name)) {
                    throw new WorkflowException(file + " holds an entry named '" + name + "', which points outside"
                            + " the archive (an absolute name or ..): a .knwf exported by KNIME never does; export it"
                            + " again");
                }
                if (!e.isDirectory() && (name.equals(WORKFLOW_KNIME) || name.endsWith("/" + WORKFLOW_KNIME))) {
                    String root = name.substring(0, name.length() - WORKFLOW_KNIME.length());
                    int depth = depth(root);
                    if (roots.isEmpty() || depth < depth(roots.get(0))) {
                        roots.clear();
                    }
                    if (roots.isEmpty() || depth == depth(roots.get(0))) {
                        roots.add(root);
                    }
                }
            }
            if (roots.isEmpty()) {
                throw new WorkflowException(file + " holds no workflow.knime: it is not a KNIME workflow");
            }
            if (roots.size() > 1) {
                throw new WorkflowException(file + " holds several workflows (" + String.join(", ", roots.subList(0,
                        Math.min(3, roots.size()))) + (roots.size() > 3 ? ", ..." : "") + "): give one workflow");
            }
            return roots.get(0);
        }

        private static int depth(String folder) {
            return (int) folder.chars().filter(c -> c == '/').count();
        }

        @Override
        public String where(String name) {
            return file + ", entry " + root + name;
        }

        @Override
        public byte[] read(String name) {
            ZipEntry e = zip.getEntry(root + name);
            if (e == null) {
                return null;
            }
            if (e.isDirectory()) {
                throw new WorkflowException(where(name) + " is a folder, not a KNIME settings file");
            }
            if (e.getSize() > MAX_FILE_BYTES) {
                throw tooLarge(where(name), e.getSize());
            }
            try (InputStream in = zip.getInputStream(e)) {
                return readAtMost(in, where(name));
            } catch (ZipException | EOFException x) {
                throw new WorkflowException("cannot read " + where(name) + ": the archive is damaged (" + x.getMessage()
                        + ")");
            } catch (IOException x) {
                throw new WorkflowException("cannot read " + where(name) + ": " + IoReasons.of(x));
            }
        }

        @Override
        public void close() {
            closeQuietly(zip);
        }

        private static void closeQuietly(ZipFile zip) {
            try {
                zip.close();
            } catch (IOException e) {
                // only read from: nothing is lost
            }
        }
    }

    /** Reads at most {@link #MAX_FILE_BYTES}, whatever the file or entry claims its size is. */
    private static byte[] readAtMost(InputStream in, String where) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(where, -1);
        }
        return bytes;
    }

    private static WorkflowException tooLarge(String where, long size) {
        String limit = MemoryBudget.megabytes(MAX_FILE_BYTES);
        return new WorkflowException(where + " is " + (size < 0 ? "larger than " + limit : MemoryBudget.megabytes(size))
                + ", above the limit of " + limit + " for a workflow.knime or settings.xml (real ones are a few KB): it"
                + " is damaged or not a KNIME file");
    }

    /** Whether a file name inside a workflow is absolute or climbs out with {@code ..} (either slash counts). */
    static boolean pointsOutside(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static Workflow read(Source files, String name) {
        String file = files.where(WORKFLOW_KNIME);
        Config wf = config(files, WORKFLOW_KNIME, file + " does not exist, so this is not a workflow: give a workflow"
                + " folder (with workflow.knime) or a .knwf file");
        List<Workflow.Node> nodes = new ArrayList<>();
        Map<String, String> settingsFiles = new HashMap<>();
        Config nodesConfig = wf.child("nodes", file);
        for (String k : nodesConfig.keys()) {
            Config n = nodesConfig.child(k, file);
            int id = n.whole("id", file);
            String settingsFile = n.text("node_settings_file", file);
            if (settingsFile == null || settingsFile.isBlank()) {
                throw new WorkflowException(file + ": node " + k + " (#" + id + ") names no node_settings_file");
            }
            if (settingsFile.chars().anyMatch(c -> c < 32)) {
                throw new WorkflowException(file + ": node " + k + " (#" + id + ") has a node_settings_file with a"
                        + " control character, which no file name has: '" + settingsFile + "'");
            }
            if (pointsOutside(settingsFile)) {
                throw new WorkflowException(file + ": node " + k + " (#" + id + ") has node_settings_file '"
                        + settingsFile + "', outside the workflow folder: a node's settings must lie in its folder"
                        + " inside the workflow");
            }
            String other = settingsFiles.put(normalized(settingsFile), k);
            if (other != null) {
                throw new WorkflowException(file + ": nodes " + other + " and " + k + " share the settings file '"
                        + settingsFile + "': every node has its own");
            }
            String folder = settingsFile.substring(0, Math.max(0, settingsFile.lastIndexOf('/')));
            String where = files.where(settingsFile);
            Config settings = config(files, settingsFile, file + ": node " + k + " (#" + id + ") has its settings in '"
                    + settingsFile + "', which does not exist" + (folder.isEmpty() ? "" : " (is the node folder '"
                    + folder + "' missing?)"));
            String factory = settings.text("factory", where);
            NodeSpec spec = spec(factory, folder.isEmpty() ? settingsFile : folder);
            Config model = settings.child("model", where);
            List<String> expected = spec.parameters().stream().map(ParameterSpec::key).toList();
            for (String key : model.keys()) {
                if (!key.endsWith("_Internals") && !expected.contains(key)) {
                    throw new WorkflowException(where + ": setting '" + key + "' is not a parameter of " + spec.label()
                            + "; its parameters are " + String.join(", ", expected));
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (ParameterSpec s : spec.parameters()) {
                if (!model.has(s.key())) {
                    Object before = SettingsMapping.savedBefore(spec.id(), s);
                    if (before == null) {
                        throw new WorkflowException(where + ": setting '" + s.key() + "' of " + spec.label()
                                + " is missing");
                    }
                    values.put(s.key(), before);
                    continue;
                }
                values.put(s.key(), setting(s, model.entry(s.key(), where), folder, where));
            }
            String annotation = settings.has("nodeAnnotation") ? settings.child("nodeAnnotation", where).text("text", where)
                    : "";
            Config bounds = n.child("ui_settings", file).child("extrainfo.node.bounds", file);
            nodes.add(new Workflow.Node(id, factory, nodeName(settings, spec, where), values,
                    annotation == null ? "" : annotation, bounds.whole("0", file), bounds.whole("1", file)));
        }
        List<Workflow.Connection> connections = new ArrayList<>();
        Config cons = wf.child("connections", file);
        for (String k : cons.keys()) {
            Config c = cons.child(k, file);
            connections.add(new Workflow.Connection(c.whole("sourceID", file), dataPort(c, "sourcePort", file),
                    c.whole("destID", file), dataPort(c, "destPort", file)));
        }
        byte[] metadata = files.read(METADATA);
        String description = metadata != null ? description(metadata, files.where(METADATA))
                : wf.has("customDescription") ? wf.text("customDescription", file) : null; // before KNIME 5.1
        return new Workflow(name, description == null ? "" : description, nodes, connections);
    }

    /** The text of workflow-metadata.xml's description, or null when it has none. */
    private static String description(byte[] metadata, String file) {
        StringBuilder text = new StringBuilder();
        boolean[] found = {false};
        Config.parse(metadata, file, new DefaultHandler() {
            private int depth;
            private boolean inside;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                if (++depth == 2 && "description".equals(local)) {
                    inside = true;
                    found[0] = true;
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                if (depth-- == 2) {
                    inside = false;
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inside) {
                    text.append(ch, start, length);
                }
            }
        });
        return found[0] ? text.toString() : null;
    }

    /** The name without {@code .} parts and repeated slashes, so that two spellings of one file compare equal. */
    private static String normalized(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.replace('\\', '/').split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static Config config(Source files, String file, String missing) {
        byte[] bytes = files.read(file);
        if (bytes == null) {
            throw new WorkflowException(missing);
        }
        return Config.read(bytes, files.where(file));
    }

    /** A setting's value, read as its parameter reads text; the message names node, file and what is allowed. */
    private static Object setting(ParameterSpec s, Config.Entry e, String node, String where) {
        try {
            return e.value() == null ? s.check(null) : s.parse(e.value());
        } catch (IllegalArgumentException x) {
            throw new WorkflowException("node '" + node + "' (" + where + "): " + x.getMessage());
        }
    }

    /** The node's name, which names its output folder: a plain name, no path. */
    private static String nodeName(Config settings, NodeSpec spec, String where) {
        String name = settings.has("name") ? settings.text("name", where) : spec.label();
        if (name == null || name.isBlank() || name.equals(".") || name.equals("..") || name.contains("/")
                || name.contains("\\") || name.chars().anyMatch(c -> c < 32)
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new WorkflowException(where + ": the node's name '" + name + "' cannot name a folder (it must be a"
                    + " plain name of at most " + MAX_NAME_BYTES + " bytes, without / or \\); KNIME writes '"
                    + spec.label() + "'");
        }
        return name;
    }

    /** A connection's port as KNIME numbers it (data ports from 1, 0 is the flow-variable port), counted from 0. */
    private static int dataPort(Config connection, String key, String file) {
        int port = connection.whole(key, file);
        if (port < 1) {
            throw new WorkflowException(file + ": " + connection.key + " has " + key + " " + port + (port == 0
                    ? ", the flow-variable port, which NeuroMF workflows do not connect" : ", which is not a port")
                    + "; data ports are numbered from 1");
        }
        return port - 1;
    }
}
