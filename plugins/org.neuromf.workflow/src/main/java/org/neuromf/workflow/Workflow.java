package org.neuromf.workflow;

import java.util.List;
import java.util.Map;

/**
 * A NeuroMF workflow: nodes (each a NeuroMF node with its settings, annotation and place) and the
 * connections between their table ports. Port numbers here count tables from 0; in KNIME's files
 * port 0 of a node is its flow-variable port, so they are written one higher.
 */
public record Workflow(String name, String description, List<Node> nodes, List<Connection> connections) {

    /**
     * @param settings setting values by key (Double, Integer, Long, Boolean, String), as stored
     * @param annotation the text under the node
     */
    public record Node(int id, String factory, String name, Map<String, Object> settings, String annotation, int x, int y) {

        /**
         * The node's name and id, {@code Mean-Field Model (#5)}: names it in messages and names its
         * output folder (its folder inside the workflow is KNIME's spelling, {@link WorkflowFiles#nodeFolder}).
         */
        public String folder() {
            return name + " (#" + id + ")";
        }
    }

    /** From table port {@code sourcePort} of node {@code source} to table port {@code destPort} of {@code dest}. */
    public record Connection(int source, int sourcePort, int dest, int destPort) {
    }

    public Node node(int id) {
        for (Node n : nodes) {
            if (n.id() == id) {
                return n;
            }
        }
        throw new WorkflowException("workflow " + name + " has no node #" + id);
    }
}
