package org.neuromf.knime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.neuromf.core.operation.Port;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.workflow.NodeSpec;
import org.neuromf.workflow.Nodes;
import org.neuromf.workflow.SettingsMapping;

/**
 * KNIME node descriptions (schema http://knime.org/node/v4.1) written from the nodes' metadata, so
 * the description of every option and port is the engine's own. The XML files sit beside the
 * factories (KNIME reads {@code <Factory>.xml}); a test keeps them equal to what this class writes,
 * and {@link #main} rewrites them: {@code java -cp ... org.neuromf.knime.NodeDescriptions DIR}.
 */
public final class NodeDescriptions {

    private NodeDescriptions() {
    }

    public static String of(NodeSpec node) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<knimeNode icon=\"./").append(node.iconFile()).append("\" type=\"").append(type(node))
                .append("\" xmlns=\"http://knime.org/node/v4.1\"\n");
        x.append("    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n");
        x.append("    xsi:schemaLocation=\"http://knime.org/node/v4.1 http://knime.org/node/v4.1.xsd\">\n");
        x.append("  <name>").append(escape(node.label())).append("</name>\n");
        x.append("  <shortDescription>").append(escape(firstSentence(node.description()))).append("</shortDescription>\n");
        x.append("  <fullDescription>\n");
        x.append("    <intro>\n      <p>").append(escape(node.description())).append("</p>\n");
        x.append("      <p>Every setting can be controlled by a flow variable of the same name as its key.</p>\n");
        x.append("    </intro>\n");
        for (ParameterSpec s : node.parameters()) {
            x.append("    <option name=\"").append(escape(SettingsMapping.label(s))).append("\">")
                    .append(escape("Key " + s.key() + ". " + SettingsMapping.help(s))).append("</option>\n");
        }
        x.append("  </fullDescription>\n");
        x.append("  <ports>\n");
        int i = 0;
        for (Port p : node.inputs()) {
            x.append("    <inPort index=\"").append(i++).append("\" name=\"").append(escape(capitalise(p.name())))
                    .append("\">").append(escape((p.optional() ? "Optional: " : "") + p.description() + "."))
                    .append("</inPort>\n");
        }
        i = 0;
        for (Port p : node.outputs()) {
            x.append("    <outPort index=\"").append(i++).append("\" name=\"").append(escape(capitalise(p.name())))
                    .append("\">").append(escape(p.description() + ".")).append("</outPort>\n");
        }
        x.append("  </ports>\n");
        if (node.hasView()) {
            x.append("  <views>\n    <view index=\"0\" name=\"").append(node.isPlot() ? "Figure" : "Population rates")
                    .append("\">").append(node.isPlot() ? "The figure, interactive: zoom with the mouse, save or copy it"
                            + " from its context menu." : "The population rates of the last run, smoothed over 5 ms.")
                    .append("</view>\n  </views>\n");
        }
        x.append("</knimeNode>\n");
        return x.toString();
    }

    /** KNIME's node type, which sets the colour of the node in a workflow. */
    static String type(NodeSpec node) {
        if (node.isPlot()) {
            return "Visualizer";
        }
        if (node.inputs().isEmpty()) {
            return "Source";
        }
        return node.id().equals("transfer-function-fit") ? "Learner" : "Manipulator";
    }

    /** The text up to the first full stop that ends a sentence (not the one of "et al." or "e.g."). */
    static String firstSentence(String text) {
        int from = 0;
        while (true) {
            int end = text.indexOf(". ", from);
            if (end < 0) {
                return text;
            }
            String before = text.substring(Math.max(0, end - 5), end);
            if (!before.endsWith(" al") && !before.endsWith("e.g") && !before.endsWith("i.e") && !before.endsWith(" vs")) {
                return text.substring(0, end + 1);
            }
            from = end + 1;
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Rewrites every description in the factories' source folder {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "plugins/org.neuromf.knime/src/main/java/org/neuromf/knime/nodes");
        for (NodeSpec n : Nodes.all()) {
            Files.writeString(dir.resolve(n.factoryName() + ".xml"), of(n), StandardCharsets.UTF_8);
        }
    }
}
