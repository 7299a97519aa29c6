package org.neuromf.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A tree in KNIME's XMLConfig format (namespace http://www.knime.org/2008/09/XMLConfig), the
 * format of workflow.knime and of every node's settings.xml: named configs holding typed entries
 * ({@code xstring}, {@code xint}, {@code xlong}, {@code xdouble}, {@code xboolean}) and sub-configs,
 * in order.
 */
final class Config {

    static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    /** A typed entry; value null is written as {@code isnull="true"}. */
    record Entry(String type, String value) {
    }

    final String key;
    /** Entries (Entry) and sub-configs (Config) by key, in document order. */
    private final Map<String, Object> children = new LinkedHashMap<>();

    Config(String key) {
        this.key = key;
    }

    Config config(String k) {
        Config c = new Config(k);
        children.put(k, c);
        return c;
    }

    Config put(String k, String type, Object value) {
        children.put(k, new Entry(type, value == null ? null : format(value)));
        return this;
    }

    Config string(String k, String value) {
        return put(k, "xstring", value);
    }

    Config integer(String k, int value) {
        return put(k, "xint", value);
    }

    Config bool(String k, boolean value) {
        return put(k, "xboolean", value);
    }

    private static String format(Object v) {
        return v instanceof Double d ? Double.toString(d) : String.valueOf(v);
    }

    List<String> keys() {
        return new ArrayList<>(children.keySet());
    }

    boolean has(String k) {
        return children.containsKey(k);
    }

    /** The sub-config k; the message names the file and what is missing. */
    Config child(String k, String file) {
        Object c = children.get(k);
        if (!(c instanceof Config)) {
            throw new WorkflowException(file + ": config '" + key + "' has no sub-config '" + k + "'");
        }
        return (Config) c;
    }

    Entry entry(String k, String file) {
        Object e = children.get(k);
        if (!(e instanceof Entry)) {
            throw new WorkflowException(file + ": config '" + key + "' has no entry '" + k + "'");
        }
        return (Entry) e;
    }

    String text(String k, String file) {
        return entry(k, file).value();
    }

    int whole(String k, String file) {
        String v = text(k, file);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new WorkflowException(file + ": entry '" + k + "' = '" + v + "' is not a whole number");
        }
    }

    /** The entry's value as Java: Double, Integer, Long, Boolean or String (null when isnull). */
    static Object value(Entry e) {
        if (e.value() == null) {
            return null;
        }
        switch (e.type()) {
            case "xdouble":
                return Double.valueOf(e.value());
            case "xint":
                return Integer.valueOf(e.value());
            case "xlong":
                return Long.valueOf(e.value());
            case "xboolean":
                return Boolean.valueOf(e.value());
            default:
                return e.value();
        }
    }

    /** The document, two-space indented, as KNIME writes it. */
    String toXml() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<config xmlns=\"").append(NAMESPACE).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:schemaLocation=\"").append(NAMESPACE).append(" http://www.knime.org/XMLConfig_2008_09.xsd\"")
                .append(" key=\"").append(escape(key)).append("\">\n");
        body(b, "    ");
        return b.append("</config>\n").toString();
    }

    private void body(StringBuilder b, String indent) {
        for (Map.Entry<String, Object> c : children.entrySet()) {
            if (c.getValue() instanceof Entry e) {
                b.append(indent).append("<entry key=\"").append(escape(c.getKey())).append("\" type=\"").append(e.type())
                        .append("\"").append(e.value() == null ? " isnull=\"true\" value=\"\"" : " value=\""
                                + escape(e.value()) + "\"").append("/>\n");
            } else {
                Config sub = (Config) c.getValue();
                b.append(indent).append("<config key=\"").append(escape(c.getKey())).append("\"");
                if (sub.children.isEmpty()) {
                    b.append("/>\n");
                } else {
                    b.append(">\n");
                    sub.body(b, indent + "    ");
                    b.append(indent).append("</config>\n");
                }
            }
        }
    }

    /**
     * XML escaping plus KNIME's own: {@code %%ddddd} (five decimal digits of the UTF-16 unit) for
     * control characters, for units above 0xD7FF, and for a {@code %} followed by another.
     */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean doublePercent = c == '%' && i + 1 < s.length() && s.charAt(i + 1) == '%';
            if (c < 32 || c > 0xD7FF || doublePercent) {
                b.append(String.format("%%%%%05d", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Undoes KNIME's {@code %%ddddd} escapes. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("%%", i) && i + 7 <= s.length() && s.substring(i + 2, i + 7).chars().allMatch(Character::isDigit)) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 7)));
                i += 6;
            } else {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    /** Reads a config file; a malformed file is refused with its name and the parser's message. */
    static Config read(InputStream in, String file) throws IOException {
        Document d;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            d = f.newDocumentBuilder().parse(in);
        } catch (SAXException | ParserConfigurationException e) {
            throw new WorkflowException(file + " is not well-formed XML: " + e.getMessage());
        }
        Element root = d.getDocumentElement();
        if (!"config".equals(root.getLocalName())) {
            throw new WorkflowException(file + ": the root element is <" + root.getLocalName() + ">, not a KNIME <config>");
        }
        return fromElement(root);
    }

    private static Config fromElement(Element e) {
        Config c = new Config(e.getAttribute("key"));
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if ("entry".equals(child.getLocalName())) {
                    boolean isNull = "true".equals(child.getAttribute("isnull"));
                    c.children.put(unescape(child.getAttribute("key")), new Entry(child.getAttribute("type"),
                            isNull ? null : unescape(child.getAttribute("value"))));
                } else if ("config".equals(child.getLocalName())) {
                    c.children.put(unescape(child.getAttribute("key")), fromElement(child));
                }
            }
        }
        return c;
    }
}
