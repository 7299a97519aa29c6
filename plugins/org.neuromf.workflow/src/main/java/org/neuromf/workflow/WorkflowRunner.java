package org.neuromf.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.operation.Port;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.OutputFolder;
import org.neuromf.core.util.Progress;

/**
 * Runs a NeuroMF workflow headless, as KNIME would: every node is checked first (settings, ports,
 * connections, no cycle) and configured in dependency order from its inputs' schemas, then executed
 * in that order. Every output table is written as {@code <node folder>/<port>.csv} and every figure
 * as {@code <node folder>/image.png} into the {@link OutputFolder} given, which the caller commits.
 * In messages, ports are numbered as KNIME numbers them in workflow.knime: data ports from 1.
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
     * Everything KNIME checks before running: known nodes, one id each, valid settings, connected
     * required inputs, no cycle, and every node configured from its inputs' schemas (so every
     * connection joins compatible tables).
     */
    public static Plan check(Workflow w) {
        String file = w.name() + "/workflow.knime";
        if (w.nodes().isEmpty()) {
            throw new WorkflowException(file + ": the workflow has no nodes, so there is nothing to run");
        }
        Map<Integer, Workflow.Node> nodes = new LinkedHashMap<>();
        Map<Integer, NodeSpec> specs = new LinkedHashMap<>();
        Map<Integer, ParameterValues> values = new LinkedHashMap<>();
        for (Workflow.Node n : w.nodes()) {
            Workflow.Node other = nodes.putIfAbsent(n.id(), n);
            if (other != null) {
                throw new WorkflowException(file + ": two nodes have id " + n.id() + " ('" + other.folder() + "' and '"
                        + n.folder() + "'): every node needs its own id");
            }
            NodeSpec spec = WorkflowFiles.spec(n.factory(), n.folder());
            specs.put(n.id(), spec);
            values.put(n.id(), values(n, spec));
        }
        Map<Integer, Workflow.Connection[]> inputs = inputs(w, nodes, specs, file);
        List<Workflow.Node> order = order(w, nodes, inputs, file);
        return new Plan(w, specs, values, inputs, order, configure(order, specs, values, inputs));
    }

    /**
     * Checks, configures and executes; writes every node's outputs into {@code out} as it finishes
     * (nothing when {@code out} is null). Does not commit: the caller opened {@code out} before the
     * work and commits it after.
     */
    public static Result run(Workflow w, OutputFolder out, Progress progress) {
        Plan plan = check(w);
        Map<Integer, NodeSpec> specs = plan.specs();
        Map<Integer, ParameterValues> values = plan.values();
        Map<Integer, Workflow.Connection[]> inputs = plan.inputs();
        List<Workflow.Node> order = plan.order();

        Map<Integer, List<Table>> tables = new LinkedHashMap<>();
        Map<Integer, byte[]> images = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            progress.checkCancelled();
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
            if (out != null) {
                write(out, n, spec, tables.get(n.id()), images.get(n.id()));
            }
        }
        progress.report(1, "done");
        return new Result(w, tables, images, warnings);
    }

    /** A node's outputs into its folder of {@code out}: one CSV per table port, named after the port, or the figure. */
    private static void write(OutputFolder out, Workflow.Node n, NodeSpec spec, List<Table> tables, byte[] image) {
        if (spec.isPlot()) {
            out.write(n.folder() + "/image.png", stream -> stream.write(image));
            return;
        }
        for (int p = 0; p < tables.size(); p++) {
            Table t = tables.get(p);
            out.write(n.folder() + "/" + spec.outputs().get(p).name().replace(' ', '_') + ".csv", stream -> Csv.write(t,
                    stream));
        }
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

    /** {@code port 2 (inhibitory cell)}: the port as KNIME numbers it in workflow.knime, with its name. */
    static String port(List<Port> ports, int index) {
        return "port " + (index + 1) + (index < ports.size() ? " (" + ports.get(index).name() + ")" : "");
    }

    /** {@code 1 (cell)} or {@code 1 (network), 2 (stimulus)}: all the ports there are. */
    private static String ports(List<Port> ports) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < ports.size(); p++) {
            names.add((p + 1) + " (" + ports.get(p).name() + ")");
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** For each node, the connection into each of its input ports (null where none). */
    private static Map<Integer, Workflow.Connection[]> inputs(Workflow w, Map<Integer, Workflow.Node> nodes,
            Map<Integer, NodeSpec> specs, String file) {
        Map<Integer, Workflow.Connection[]> in = new LinkedHashMap<>();
        for (Workflow.Node n : w.nodes()) {
            in.put(n.id(), new Workflow.Connection[specs.get(n.id()).inputs().size()]);
        }
        for (Workflow.Connection c : w.connections()) {
            if (!specs.containsKey(c.source()) || !specs.containsKey(c.dest())) {
                throw new WorkflowException(file + ": a connection joins node #" + c.source() + " to node #" + c.dest()
                        + ", but the workflow has no node #" + (specs.containsKey(c.source()) ? c.dest() : c.source()));
            }
            NodeSpec from = specs.get(c.source());
            NodeSpec to = specs.get(c.dest());
            Workflow.Connection[] ports = in.get(c.dest());
            String problem = null;
            if (c.sourcePort() >= from.outputs().size()) {
                problem = "'" + nodes.get(c.source()).folder() + "' has no output port " + (c.sourcePort() + 1)
                        + "; its output ports are " + ports(from.outputs());
            } else if (from.isPlot()) {
                problem = "'" + nodes.get(c.source()).folder() + "' is a figure, whose image is not a table that '"
                        + nodes.get(c.dest()).folder() + "' can read";
            } else if (c.destPort() >= to.inputs().size()) {
                problem = "'" + nodes.get(c.dest()).folder() + "' has no input port " + (c.destPort() + 1)
                        + "; its input ports are " + ports(to.inputs());
            } else if (ports[c.destPort()] != null) {
                Workflow.Connection earlier = ports[c.destPort()];
                problem = "that input is already connected, from '" + nodes.get(earlier.source()).folder() + "' "
                        + port(specs.get(earlier.source()).outputs(), earlier.sourcePort()) + "; an input takes one"
                        + " connection";
            }
            if (problem != null) {
                throw new WorkflowException(file + ": the connection from '" + nodes.get(c.source()).folder() + "' "
                        + port(from.outputs(), c.sourcePort()) + " to '" + nodes.get(c.dest()).folder() + "' "
                        + port(to.inputs(), c.destPort()) + ": " + problem);
            }
            ports[c.destPort()] = c;
        }
        for (Workflow.Node n : w.nodes()) {
            Workflow.Connection[] ports = in.get(n.id());
            List<Port> declared = specs.get(n.id()).inputs();
            for (int p = 0; p < ports.length; p++) {
                if (ports[p] == null && !declared.get(p).optional()) {
                    throw new WorkflowException("node '" + n.folder() + "': its input " + port(declared, p)
                            + " is not connected");
                }
            }
        }
        return in;
    }

    /** The nodes in dependency order (Kahn), or the cycle named node by node. */
    private static List<Workflow.Node> order(Workflow w, Map<Integer, Workflow.Node> nodes,
            Map<Integer, Workflow.Connection[]> inputs, String file) {
        Map<Integer, Integer> pending = new LinkedHashMap<>();
        Map<Integer, List<Integer>> next = new HashMap<>();
        for (Workflow.Node n : w.nodes()) {
            int connected = 0;
            for (Workflow.Connection c : inputs.get(n.id())) {
                if (c != null) {
                    connected++;
                    next.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c.dest());
                }
            }
            pending.put(n.id(), connected);
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
            order.add(nodes.get(id));
            for (int to : next.getOrDefault(id, List.of())) {
                if (pending.merge(to, -1, Integer::sum) == 0) {
                    ready.add(to);
                }
            }
        }
        if (order.size() < w.nodes().size()) {
            Set<Integer> unordered = new LinkedHashSet<>(pending.keySet());
            order.forEach(n -> unordered.remove(n.id()));
            throw new WorkflowException(file + ": the connections form a cycle: " + names(cycle(next, unordered),
                    nodes) + "; a workflow must flow one way");
        }
        return order;
    }

    /**
     * One cycle among the nodes that could not be ordered (each lies on a cycle or after one), as
     * node ids from a node back to it: a depth-first search with its own stack, so that a long chain
     * of nodes cannot overflow the thread's.
     */
    private static List<Integer> cycle(Map<Integer, List<Integer>> next, Set<Integer> unordered) {
        Set<Integer> visited = new HashSet<>();
        for (int start : unordered) {
            if (!visited.add(start)) {
                continue;
            }
            List<Integer> path = new ArrayList<>(List.of(start));
            Map<Integer, Integer> onPath = new HashMap<>(Map.of(start, 0));
            Deque<Iterator<Integer>> branches = new ArrayDeque<>();
            branches.push(next.getOrDefault(start, List.of()).iterator());
            while (!branches.isEmpty()) {
                Iterator<Integer> branch = branches.peek();
                if (!branch.hasNext()) {
                    branches.pop();
                    onPath.remove(path.remove(path.size() - 1));
                    continue;
                }
                int to = branch.next();
                Integer at = onPath.get(to);
                if (at != null) {
                    List<Integer> cycle = new ArrayList<>(path.subList(at, path.size()));
                    cycle.add(to);
                    return cycle;
                }
                if (unordered.contains(to) && visited.add(to)) {
                    onPath.put(to, path.size());
                    path.add(to);
                    branches.push(next.getOrDefault(to, List.of()).iterator());
                }
            }
        }
        throw new IllegalStateException("nodes " + unordered + " could not be ordered, yet lie on no cycle");
    }

    /** 'A' -> 'B' -> 'A', shortened in the middle when long. */
    private static String names(List<Integer> ids, Map<Integer, Workflow.Node> nodes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.size() > 8 && i == 4) {
                names.add("... (" + (ids.size() - 8) + " more)");
                i = ids.size() - 4;
            }
            names.add("'" + nodes.get(ids.get(i)).folder() + "'");
        }
        return String.join(" -> ", names);
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
}
