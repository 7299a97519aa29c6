package org.neuromf.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

/**
 * Runs a NeuroMF workflow headless, as KNIME would: every node is checked first (settings, ports,
 * connections, no cycle) and configured in dependency order from its inputs' schemas, then executed
 * in that order. Every output table is written as {@code <out>/<node folder>/<port>.csv} and every
 * figure as {@code <out>/<node folder>/image.png}, all at once when the run has succeeded.
 */
public final class WorkflowRunner {

    /** What a run produced: by node id, its output tables (or the PNG bytes of a plot). */
    public record Result(Workflow workflow, Map<Integer, List<Table>> tables, Map<Integer, byte[]> images,
            List<String> warnings) {
    }

    private WorkflowRunner() {
    }

    /** A checked workflow: each node's spec, parameter values and input connections, and the order to run. */
    public record Plan(Workflow workflow, Map<Integer, NodeSpec> specs, Map<Integer, ParameterValues> values,
            Map<Integer, Workflow.Connection[]> inputs, List<Workflow.Node> order, Map<Integer, List<TableSchema>> schemas) {
    }

    /**
     * Everything KNIME checks before running: known nodes, valid settings, connected required inputs,
     * no cycle, and every node configured from its inputs' schemas (so every connection joins
     * compatible tables).
     */
    public static Plan check(Workflow w) {
        Map<Integer, NodeSpec> specs = new LinkedHashMap<>();
        Map<Integer, ParameterValues> values = new LinkedHashMap<>();
        for (Workflow.Node n : w.nodes()) {
            NodeSpec spec = WorkflowFiles.spec(n.factory(), n.folder());
            specs.put(n.id(), spec);
            values.put(n.id(), values(n, spec));
        }
        Map<Integer, Workflow.Connection[]> inputs = inputs(w, specs);
        List<Workflow.Node> order = order(w, inputs);
        return new Plan(w, specs, values, inputs, order, configure(order, specs, values, inputs));
    }

    /** Checks, configures and executes; writes the outputs into {@code out} when {@code out} is not null. */
    public static Result run(Workflow w, Path out, Progress progress) {
        Plan plan = check(w);
        Map<Integer, NodeSpec> specs = plan.specs();
        Map<Integer, ParameterValues> values = plan.values();
        Map<Integer, Workflow.Connection[]> inputs = plan.inputs();
        List<Workflow.Node> order = plan.order();

        Map<Integer, List<Table>> tables = new LinkedHashMap<>();
        Map<Integer, byte[]> images = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Workflow.Node n = order.get(i);
            NodeSpec spec = specs.get(n.id());
            Progress part = progress.sub((double) i / order.size(), 1.0 / order.size());
            part.report(0, n.folder());
            List<Table> in = new ArrayList<>();
            for (Workflow.Connection c : inputs.get(n.id())) {
                in.add(c == null ? null : tables.get(c.source()).get(c.sourcePort()));
            }
            try {
                if (spec.isPlot()) {
                    images.put(n.id(), spec.plot().png(in, values.get(n.id())));
                    tables.put(n.id(), List.of());
                } else {
                    OperationResult r = spec.operation().run(in, values.get(n.id()), part);
                    tables.put(n.id(), r.tables());
                    r.warnings().forEach(m -> warnings.add(n.folder() + ": " + m));
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new WorkflowException("node '" + n.folder() + "' failed: " + e.getMessage());
            }
        }
        Result result = new Result(w, tables, images, warnings);
        if (out != null) {
            write(result, specs, out);
        }
        progress.report(1, "done");
        return result;
    }

    /** The node's parameter values from its stored settings; the message names the node and key. */
    static ParameterValues values(Workflow.Node n, NodeSpec spec) {
        Map<String, Object> v = new LinkedHashMap<>();
        try {
            for (ParameterSpec s : spec.parameters()) {
                v.put(s.key(), SettingsMapping.fromSetting(s, n.settings().get(s.key())));
            }
            return ParameterValues.of(spec.parameters(), v);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("node '" + n.folder() + "' (settings.xml): " + e.getMessage());
        }
    }

    /** For each node, the connection into each of its input ports (null where none). */
    private static Map<Integer, Workflow.Connection[]> inputs(Workflow w, Map<Integer, NodeSpec> specs) {
        Map<Integer, Workflow.Connection[]> in = new LinkedHashMap<>();
        for (Workflow.Node n : w.nodes()) {
            in.put(n.id(), new Workflow.Connection[specs.get(n.id()).inputs().size()]);
        }
        for (Workflow.Connection c : w.connections()) {
            if (!specs.containsKey(c.source()) || !specs.containsKey(c.dest())) {
                throw new WorkflowException("workflow.knime: a connection joins node #" + c.source() + " to node #" + c.dest()
                        + ", but the workflow has no node #" + (specs.containsKey(c.source()) ? c.dest() : c.source()));
            }
            NodeSpec from = specs.get(c.source());
            NodeSpec to = specs.get(c.dest());
            String what = "the connection from '" + w.node(c.source()).folder() + "' port " + c.sourcePort() + " to '"
                    + w.node(c.dest()).folder() + "' port " + c.destPort();
            if (from.isPlot() || c.sourcePort() >= from.outputs().size()) {
                throw new WorkflowException(what + ": the source has no table output " + c.sourcePort());
            }
            if (c.destPort() >= to.inputs().size()) {
                throw new WorkflowException(what + ": the destination has " + to.inputs().size() + " inputs");
            }
            Workflow.Connection[] ports = in.get(c.dest());
            if (ports[c.destPort()] != null) {
                throw new WorkflowException(what + ": that input is already connected");
            }
            ports[c.destPort()] = c;
        }
        for (Workflow.Node n : w.nodes()) {
            Workflow.Connection[] ports = in.get(n.id());
            for (int p = 0; p < ports.length; p++) {
                if (ports[p] == null && !specs.get(n.id()).inputs().get(p).optional()) {
                    throw new WorkflowException("node '" + n.folder() + "': its input '"
                            + specs.get(n.id()).inputs().get(p).name() + "' is not connected");
                }
            }
        }
        return in;
    }

    /** The nodes in dependency order (Kahn), or the cycle named node by node. */
    private static List<Workflow.Node> order(Workflow w, Map<Integer, Workflow.Connection[]> inputs) {
        Map<Integer, Integer> pending = new LinkedHashMap<>();
        for (Workflow.Node n : w.nodes()) {
            pending.put(n.id(), (int) Arrays.stream(inputs.get(n.id())).filter(c -> c != null).count());
        }
        Deque<Integer> ready = new ArrayDeque<>();
        pending.forEach((id, k) -> {
            if (k == 0) {
                ready.add(id);
            }
        });
        List<Workflow.Node> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int id = ready.poll();
            order.add(w.node(id));
            for (Workflow.Connection c : w.connections()) {
                if (c.source() == id && pending.merge(c.dest(), -1, Integer::sum) == 0) {
                    ready.add(c.dest());
                }
            }
        }
        if (order.size() < w.nodes().size()) {
            throw new WorkflowException("workflow.knime: the connections form a cycle: " + cycle(w, order)
                    + "; a workflow must flow one way");
        }
        return order;
    }

    /** One cycle among the nodes that could not be ordered, as 'A' -> 'B' -> 'A' (depth-first search). */
    private static String cycle(Workflow w, List<Workflow.Node> ordered) {
        Map<Integer, List<Integer>> next = new LinkedHashMap<>();
        for (Workflow.Connection c : w.connections()) {
            if (!ordered.contains(w.node(c.source())) && !ordered.contains(w.node(c.dest()))) {
                next.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c.dest());
            }
        }
        for (int start : next.keySet()) {
            List<Integer> found = search(start, next, new ArrayList<>(), new HashSet<>());
            if (found != null) {
                List<String> names = new ArrayList<>();
                for (int id : found) {
                    names.add("'" + w.node(id).folder() + "'");
                }
                return String.join(" -> ", names);
            }
        }
        return "(none found)";
    }

    private static List<Integer> search(int at, Map<Integer, List<Integer>> next, List<Integer> path,
            Set<Integer> done) {
        if (path.contains(at)) {
            List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
            cycle.add(at);
            return cycle;
        }
        if (!done.add(at)) {
            return null;
        }
        path.add(at);
        for (int to : next.getOrDefault(at, List.of())) {
            List<Integer> found = search(to, next, path, done);
            if (found != null) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** KNIME's configure: every node's output schemas from its inputs' schemas, before any work. */
    private static Map<Integer, List<TableSchema>> configure(List<Workflow.Node> order, Map<Integer, NodeSpec> specs,
            Map<Integer, ParameterValues> values, Map<Integer, Workflow.Connection[]> inputs) {
        Map<Integer, List<TableSchema>> schemas = new LinkedHashMap<>();
        for (Workflow.Node n : order) {
            NodeSpec spec = specs.get(n.id());
            List<TableSchema> in = new ArrayList<>();
            for (Workflow.Connection c : inputs.get(n.id())) {
                in.add(c == null ? null : schemas.get(c.source()).get(c.sourcePort()));
            }
            try {
                if (spec.isPlot()) {
                    spec.plot().check(in, values.get(n.id()));
                    schemas.put(n.id(), List.of());
                } else {
                    schemas.put(n.id(), spec.operation().outputSchemas(in, values.get(n.id())));
                }
            } catch (IllegalArgumentException e) {
                throw new WorkflowException("node '" + n.folder() + "' cannot be configured: " + e.getMessage());
            }
        }
        return schemas;
    }

    /** Writes everything into a staging folder beside {@code out}, then puts it in place. */
    private static void write(Result r, Map<Integer, NodeSpec> specs, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, ".writing-");
            try {
                for (Workflow.Node n : r.workflow().nodes()) {
                    Path dir = staging.resolve(n.folder());
                    Files.createDirectories(dir);
                    NodeSpec spec = specs.get(n.id());
                    if (spec.isPlot()) {
                        Files.write(dir.resolve("image.png"), r.images().get(n.id()));
                    } else {
                        List<Table> tables = r.tables().get(n.id());
                        for (int p = 0; p < tables.size(); p++) {
                            Csv.write(tables.get(p), dir.resolve(spec.outputs().get(p).name().replace(' ', '_') + ".csv"));
                        }
                    }
                }
                delete(out);
                Files.move(staging, out);
            } finally {
                delete(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + out + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
