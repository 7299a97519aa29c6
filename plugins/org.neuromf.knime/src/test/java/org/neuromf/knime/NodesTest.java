package org.neuromf.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.neuromf.charts.Plot;
import org.neuromf.charts.Plots;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationRegistry;
import org.neuromf.core.param.ParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.neuromf.workflow.NodeSpec;
import org.neuromf.workflow.Nodes;
import org.neuromf.workflow.SettingsMapping;

/**
 * Every operation and plot has a node: a factory listed in plugin.xml under an existing category, a
 * description that is well-formed, up to date and documents every option and port, and an icon.
 */
class NodesTest {

    private static final Path NODES = Path.of("src/main/java/org/neuromf/knime/nodes");

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void everyOperationAndPlotHasANode() {
        Set<String> ids = new HashSet<>();
        for (NodeSpec n : Nodes.all()) {
            ids.add(n.id());
        }
        for (Operation op : OperationRegistry.standard().all()) {
            assertTrue(ids.contains(op.id()), "no node for operation " + op.id());
        }
        for (Plot p : Plots.standard()) {
            assertTrue(ids.contains(p.id()), "no node for plot " + p.id());
        }
        assertEquals(OperationRegistry.standard().all().size() + Plots.standard().size(), Nodes.all().size());
    }

    @Test
    void pluginXmlRegistersEveryFactoryInItsCategory() throws Exception {
        Document plugin = xml(Path.of("plugin.xml"));
        Set<String> categories = new HashSet<>();
        NodeList cats = plugin.getElementsByTagName("category");
        for (int i = 0; i < cats.getLength(); i++) {
            Element c = (Element) cats.item(i);
            String path = c.getAttribute("path");
            categories.add((path.endsWith("/") ? path : path + "/") + c.getAttribute("level-id"));
            assertTrue(Files.exists(Path.of(c.getAttribute("icon"))), "category icon " + c.getAttribute("icon"));
        }
        List<String> factories = new ArrayList<>();
        NodeList nodes = plugin.getElementsByTagName("node");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            factories.add(e.getAttribute("factory-class"));
            assertTrue(categories.contains(e.getAttribute("category-path")), "category " + e.getAttribute("category-path")
                    + " of " + e.getAttribute("factory-class") + " is declared");
        }
        for (NodeSpec n : Nodes.all()) {
            assertTrue(factories.contains(n.factoryClass()), n.factoryClass() + " in plugin.xml");
            assertTrue(Files.exists(NODES.resolve(n.factoryName() + ".java")), n.factoryName() + ".java");
            int i = factories.indexOf(n.factoryClass());
            assertEquals("/community/neuromf/" + n.category().path,
                    ((Element) nodes.item(i)).getAttribute("category-path"), n.id());
        }
        assertEquals(Nodes.all().size(), factories.size(), "one node entry per node");
    }

    @Test
    void descriptionsAreUpToDateAndDocumentEverything() throws Exception {
        for (NodeSpec n : Nodes.all()) {
            Path file = NODES.resolve(n.factoryName() + ".xml");
            assertTrue(Files.exists(file), file + " (run org.neuromf.knime.NodeDescriptions to write it)");
            assertEquals(NodeDescriptions.of(n), Files.readString(file, StandardCharsets.UTF_8),
                    file + " is stale: run org.neuromf.knime.NodeDescriptions to rewrite it");
            Document d = xml(file);
            Element root = d.getDocumentElement();
            assertEquals("knimeNode", root.getLocalName());
            assertEquals("http://knime.org/node/v4.1", root.getNamespaceURI());
            assertEquals(n.label(), d.getElementsByTagNameNS("*", "name").item(0).getTextContent());
            NodeList options = d.getElementsByTagNameNS("*", "option");
            assertEquals(n.parameters().size(), options.getLength(), n.id() + ": one option per parameter");
            for (int i = 0; i < options.getLength(); i++) {
                ParameterSpec s = n.parameters().get(i);
                Element o = (Element) options.item(i);
                assertEquals(SettingsMapping.label(s), o.getAttribute("name"));
                assertTrue(o.getTextContent().contains(s.key()) && o.getTextContent().contains(s.allowed()),
                        n.id() + " option " + s.key() + " names its key and allowed values");
            }
            assertEquals(n.inputs().size(), d.getElementsByTagNameNS("*", "inPort").getLength(), n.id() + " in ports");
            assertEquals(n.outputs().size(), d.getElementsByTagNameNS("*", "outPort").getLength(), n.id() + " out ports");
            assertEquals(n.hasView() ? 1 : 0, d.getElementsByTagNameNS("*", "view").getLength(), n.id() + " views");
            BufferedImage icon = ImageIO.read(NODES.resolve(root.getAttribute("icon").substring(2)).toFile());
            assertEquals(16, icon.getWidth(), n.id() + " icon");
            assertEquals(16, icon.getHeight(), n.id() + " icon");
        }
    }

    @Test
    void factoryClassesExistAndNameTheirNode() throws Exception {
        for (NodeSpec n : Nodes.all()) {
            Class<?> c = Class.forName(n.factoryClass(), false, getClass().getClassLoader());
            assertTrue(OperationNodeFactory.class.isAssignableFrom(c), c + " is an OperationNodeFactory");
            String source = Files.readString(NODES.resolve(n.factoryName() + ".java"));
            assertTrue(source.contains("return \"" + n.id() + "\";"), n.factoryName() + " returns its id");
        }
    }
}
