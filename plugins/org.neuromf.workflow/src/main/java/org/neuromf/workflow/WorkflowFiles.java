package org.neuromf.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.neuromf.core.param.ParameterSpec;

/**
 * Reads and writes workflows in KNIME's format: a folder with {@code workflow.knime} (nodes, their
 * places and annotations, connections) and one folder per node with its {@code settings.xml}
 * (factory, bundle, and the node model's settings, one entry per parameter key as KNIME's
 * SettingsModels store them). A {@code .knwf} file is such a folder zipped.
 */
public final class WorkflowFiles {

    static final String BUNDLE = "org.neuromf.knime";
    static final String VERSION = "0.1.0";
    /** Node sizes are cached figure sizes; KNIME 5's interface writes -1 and uses only x and y. */
    private static final int UNSIZED = -1;

    private WorkflowFiles() {
    }

    // ---- writing

    /** Writes the workflow into folder {@code dir} (created), replacing what was there. */
    public static void write(Workflow w, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("workflow.knime"), workflowConfig(w).toXml(), StandardCharsets.UTF_8);
            for (Workflow.Node n : w.nodes()) {
                Path folder = dir.resolve(n.folder());
                Files.createDirectories(folder);
                Files.writeString(folder.resolve("settings.xml"), nodeConfig(n).toXml(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Config workflowConfig(Workflow w) {
        Config c = new Config("workflow.knime");
        // KNIME loads only the version strings it knows ("5.1.0" for 5.1 to 5.11) and refuses files
        // created by a newer release than itself: claim the oldest 5.x that writes this format
        c.string("created_by", "5.1.0");
        c.bool("created_by_nightly", false);
        c.string("version", "5.1.0");
        c.put("name", "xstring", null);
        c.put("customDescription", "xstring", w.description());
        c.string("state", "IDLE");
        c.config("workflow_credentials");
        c.config("annotations");
        Config nodes = c.config("nodes");
        for (Workflow.Node n : w.nodes()) {
            Config node = nodes.config("node_" + n.id());
            node.integer("id", n.id());
            node.string("node_settings_file", n.folder() + "/settings.xml");
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
            con.config("ui_settings").config("extrainfo.conn.bendpoints").integer("extrainfo.conn.bendpoints_size", 0);
        }
        c.config("workflow_editor_settings");
        return c;
    }

    static Config nodeConfig(Workflow.Node n) {
        NodeSpec spec = spec(n.factory(), n.folder());
        Config c = new Config("settings.xml");
        c.string("node_file", "settings.xml");
        c.config("flow_stack");
        c.config("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory");
        Config model = c.config("model");
        for (ParameterSpec s : spec.parameters()) {
            Object v = n.settings().get(s.key());
            model.put(s.key(), type(SettingsMapping.kind(s)), v);
            Config internals = model.config(s.key() + "_Internals");
            internals.string("SettingsModelID", id(SettingsMapping.kind(s)));
            internals.bool("EnabledStatus", true);
        }
        c.put("customDescription", "xstring", null);
        c.string("state", "IDLE");
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
            port.put("port_dir_location", "xstring", null);
        }
        Config stores = c.config("filestores");
        stores.put("file_store_location", "xstring", null);
        stores.put("file_store_id", "xstring", null);
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

    /** The NeuroMF node of a factory class; anything else is refused by node and factory. */
    static NodeSpec spec(String factory, String node) {
        for (NodeSpec s : Nodes.all()) {
            if (s.factoryClass().equals(factory)) {
                return s;
            }
        }
        throw new WorkflowException("node '" + node + "' uses factory " + factory + ", which is not a NeuroMF node: this"
                + " command runs NeuroMF nodes only; run the workflow in KNIME");
    }

    // ---- reading

    /** Reads a workflow folder, or a .knwf archive (a zipped workflow folder). */
    public static Workflow read(Path path) {
        try {
            if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".knwf")) {
                return read(unzip(path), path.getFileName().toString());
            }
            if (!Files.isRegularFile(path.resolve("workflow.knime"))) {
                throw new WorkflowException(path + " is not a workflow: it has no workflow.knime (give a workflow folder"
                        + " or a .knwf file)");
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (var walk = Files.walk(path)) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    files.put(path.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
            return read(files, path.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The files of a .knwf, relative to its workflow folder (the folder holding workflow.knime). */
    private static Map<String, byte[]> unzip(Path knwf) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(knwf))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        String root = null;
        for (String name : entries.keySet()) {
            if (name.endsWith("workflow.knime") && (root == null || name.length() < root.length())) {
                root = name.substring(0, name.length() - "workflow.knime".length());
            }
        }
        if (root == null) {
            throw new WorkflowException(knwf + " holds no workflow.knime");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().startsWith(root)) {
                files.put(e.getKey().substring(root.length()), e.getValue());
            }
        }
        return files;
    }

    private static Workflow read(Map<String, byte[]> files, String name) throws IOException {
        Config wf = config(files, "workflow.knime", name);
        String file = name + "/workflow.knime";
        List<Workflow.Node> nodes = new ArrayList<>();
        Config nodesConfig = wf.child("nodes", file);
        for (String k : nodesConfig.keys()) {
            Config n = nodesConfig.child(k, file);
            int id = n.whole("id", file);
            String settingsFile = n.text("node_settings_file", file);
            String folder = settingsFile.substring(0, Math.max(0, settingsFile.lastIndexOf('/')));
            if (!files.containsKey(settingsFile)) {
                throw new WorkflowException(file + ": node #" + id + " refers to " + settingsFile + ", which does not exist"
                        + " (the node folder '" + folder + "' is missing)");
            }
            Config settings = config(files, settingsFile, name);
            String where = name + "/" + settingsFile;
            String factory = settings.text("factory", where);
            NodeSpec spec = spec(factory, folder);
            Map<String, Object> values = new LinkedHashMap<>();
            Config model = settings.child("model", where);
            for (String key : model.keys()) {
                if (!key.endsWith("_Internals")) {
                    values.put(key, Config.value(model.entry(key, where)));
                }
            }
            List<String> expected = spec.parameters().stream().map(ParameterSpec::key).toList();
            for (String key : values.keySet()) {
                if (!expected.contains(key)) {
                    throw new WorkflowException(where + ": setting '" + key + "' is not a parameter of " + spec.label()
                            + "; its parameters are " + String.join(", ", expected));
                }
            }
            for (String key : expected) {
                if (!values.containsKey(key)) {
                    throw new WorkflowException(where + ": setting '" + key + "' of " + spec.label() + " is missing");
                }
            }
            String annotation = settings.has("nodeAnnotation") ? settings.child("nodeAnnotation", where).text("text", where)
                    : "";
            Config bounds = n.child("ui_settings", file).child("extrainfo.node.bounds", file);
            nodes.add(new Workflow.Node(id, factory, settings.has("name") ? settings.text("name", where) : spec.label(),
                    values, annotation == null ? "" : annotation, bounds.whole("0", file), bounds.whole("1", file)));
        }
        List<Workflow.Connection> connections = new ArrayList<>();
        Config cons = wf.child("connections", file);
        for (String k : cons.keys()) {
            Config c = cons.child(k, file);
            int sourcePort = c.whole("sourcePort", file) - 1;
            int destPort = c.whole("destPort", file) - 1;
            if (sourcePort < 0 || destPort < 0) {
                throw new WorkflowException(file + ": " + k + " uses a flow-variable port, which NeuroMF workflows do not");
            }
            connections.add(new Workflow.Connection(c.whole("sourceID", file), sourcePort, c.whole("destID", file),
                    destPort));
        }
        String description = wf.has("customDescription") ? wf.text("customDescription", file) : null;
        return new Workflow(name.replaceAll("\\.knwf$", ""), description == null ? "" : description, nodes, connections);
    }

    private static Config config(Map<String, byte[]> files, String file, String workflow) throws IOException {
        byte[] bytes = files.get(file);
        if (bytes == null) {
            throw new WorkflowException(workflow + ": " + file + " is missing");
        }
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            return Config.read(in, workflow + "/" + file);
        }
    }
}
