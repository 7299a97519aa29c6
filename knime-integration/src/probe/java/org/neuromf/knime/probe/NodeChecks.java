package org.neuromf.knime.probe;

import static org.neuromf.knime.probe.Checks.expect;
import static org.neuromf.knime.probe.Checks.expectEqual;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowCreationHelper;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.neuromf.core.operation.Port;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.workflow.NodeSpec;
import org.neuromf.workflow.Nodes;
import org.neuromf.workflow.SettingsMapping;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every node factory in KNIME: created in a workflow, its description and icon as KNIME reads
 * them, its default settings saved and loaded back unchanged, and an out-of-range value refused
 * with the engine's own message.
 */
final class NodeChecks {

    private NodeChecks() {
    }

    static void run(Checks checks, Path scratch) throws Exception {
        Path folder = Files.createDirectories(scratch.resolve("every-node"));
        WorkflowManager project = WorkflowManager.ROOT.createAndAddProject("every-node",
                new WorkflowCreationHelper(WorkflowContextV2.forTemporaryWorkflow(folder, null)));
        Map<NodeSpec, NodeID> ids = new LinkedHashMap<>();
        Map<NodeSpec, NodeFactory<?>> factories = new LinkedHashMap<>();
        for (NodeSpec spec : Nodes.all()) {
            checks.check(spec.label() + ": KNIME creates it in a workflow, with its ports", () -> {
                NodeFactory<?> factory = (NodeFactory<?>) Class.forName(spec.factoryClass()).getDeclaredConstructor()
                        .newInstance();
                NodeID id = project.createAndAddNode(factory);
                NodeContainer nc = project.getNodeContainer(id);
                expectEqual(spec.label(), nc.getName(), "name");
                // KNIME's port 0 is the flow-variable port
                expectEqual(spec.inputs().size(), nc.getNrInPorts() - 1, "input ports");
                expectEqual(spec.outputs().size(), nc.getNrOutPorts() - 1, "output ports");
                ids.put(spec, id);
                factories.put(spec, factory);
            });
        }
        Map<NodeSpec, String> defaults = new LinkedHashMap<>();
        for (var e : ids.entrySet()) {
            defaults.put(e.getKey(), Knime.settings(project, e.getValue()).toString());
        }
        project.save(folder.toFile(), new ExecutionMonitor(), true);
        WorkflowManager.ROOT.removeProject(project.getID());
        try (Knime.Loaded reloaded = Knime.load(folder, scratch)) {
            for (var e : ids.entrySet()) {
                NodeSpec spec = e.getKey();
                NodeID id = reloaded.id(e.getValue().getIndex());
                NodeFactory<?> factory = factories.get(spec);
                checks.check(spec.label() + ": KNIME parses its description: name, every port, one option per parameter",
                        () -> description(spec, factory));
                checks.check(spec.label() + ": its icon loads", () -> {
                    expect(factory.getIcon() != null && !factory.getIcon().equals(NodeFactory.getDefaultIcon()),
                            "icon " + factory.getIcon());
                    BufferedImage icon = ImageIO.read(factory.getIcon());
                    expectEqual(List.of(16, 16), List.of(icon.getWidth(), icon.getHeight()), "icon size");
                });
                checks.check(spec.label() + ": KNIME saves its default settings and loads them back unchanged", () -> {
                    NodeSettings settings = Knime.settings(reloaded.wfm(), id);
                    NodeSettings model = Knime.model(settings);
                    for (ParameterSpec p : spec.parameters()) {
                        Object d = SettingsMapping.toSetting(p, p.defaultValue());
                        expectEqual(d, Knime.get(model, p.key(), d), p.key());
                    }
                    expectEqual(defaults.get(spec), settings.toString(), "the settings after saving and loading");
                    reloaded.wfm().loadNodeSettings(id, settings);
                    expectEqual(defaults.get(spec), Knime.settings(reloaded.wfm(), id).toString(),
                            "the settings after loadNodeSettings");
                });
                outOfRange(spec).ifPresent(bad -> checks.check(spec.label() + ": " + bad.key() + " = " + bad.value()
                        + " through loadNodeSettings is refused with the engine's message", () -> {
                            String before = Knime.settings(reloaded.wfm(), id).toString();
                            try {
                                Knime.set(reloaded.wfm(), id, Map.of(bad.key(), bad.value()));
                                throw new AssertionError("accepted");
                            } catch (InvalidSettingsException refused) {
                                expectEqual(bad.message(), refused.getMessage(), "message");
                            }
                            expectEqual(before, Knime.settings(reloaded.wfm(), id).toString(), "settings unchanged");
                        }));
            }
        }
    }

    private static void description(NodeSpec spec, NodeFactory<?> factory) {
        expectEqual(spec.label(), factory.getNodeName(), "name");
        for (int i = 0; i < spec.inputs().size(); i++) {
            Port p = spec.inputs().get(i);
            expect(p.name().equalsIgnoreCase(factory.getInportName(i)), "input " + i + " name " + factory.getInportName(i));
            expect(factory.getInportDescription(i).contains(p.description()), "input " + i + " description "
                    + factory.getInportDescription(i));
        }
        for (int i = 0; i < spec.outputs().size(); i++) {
            Port p = spec.outputs().get(i);
            expect(p.name().equalsIgnoreCase(factory.getOutportName(i)), "output " + i + " name " + factory.getOutportName(i));
            expect(factory.getOutportDescription(i).contains(p.description()), "output " + i + " description");
        }
        Element xml = factory.getXMLDescription();
        NodeList options = xml.getElementsByTagNameNS("*", "option");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < options.getLength(); i++) {
            String text = text(options.item(i));
            keys.add(text.substring("Key ".length(), text.indexOf('.')));
        }
        expectEqual(spec.parameters().stream().map(ParameterSpec::key).toList(), keys, "one option per parameter");
    }

    /** The text inside an element (KNIME's XMLBeans DOM has no getTextContent). */
    private static String text(org.w3c.dom.Node node) {
        StringBuilder b = new StringBuilder();
        for (org.w3c.dom.Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            b.append(c.getNodeType() == org.w3c.dom.Node.TEXT_NODE ? c.getNodeValue() : text(c));
        }
        return b.toString();
    }

    /** A value outside a parameter's range and the engine's message refusing it. */
    record Bad(String key, Object value, String message) {
    }

    /** The first numeric parameter with a bound, set beyond it (or a choice that is not one). */
    static java.util.Optional<Bad> outOfRange(NodeSpec spec) {
        for (ParameterSpec p : spec.parameters()) {
            Object setting;
            if (p instanceof ParameterSpec.Choice) {
                setting = "not-a-choice";
            } else if (p instanceof ParameterSpec.Real || p instanceof ParameterSpec.Whole) {
                double upper = SettingsMapping.upperBound(p);
                double lower = SettingsMapping.lowerBound(p);
                double beyond = upper < 1e15 ? 2 * Math.abs(upper) + 1 : lower > -1e15 ? lower - 1 - Math.abs(lower) : Double.NaN;
                if (Double.isNaN(beyond)) {
                    continue;
                }
                setting = switch (SettingsMapping.kind(p)) {
                    case INTEGER -> (Object) (int) beyond;
                    case LONG -> (Object) (long) beyond;
                    default -> (Object) beyond;
                };
            } else {
                continue;
            }
            try {
                SettingsMapping.fromSetting(p, setting);
            } catch (IllegalArgumentException e) {
                return java.util.Optional.of(new Bad(p.key(), setting, e.getMessage()));
            }
        }
        return java.util.Optional.empty();
    }
}
