package org.neuromf.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

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

    boolean isEntry(String k) {
        return children.get(k) instanceof Entry;
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

    /** The entry k as an int; the message names the file, the config, the entry and its value. */
    int whole(String k, String file) {
        String v = text(k, file);
        try {
            return Integer.parseInt(v == null ? "" : v.trim());
        } catch (NumberFormatException e) {
            throw new WorkflowException(file + ": in config '" + key + "', entry '" + k + "' = '" + v
                    + "' is not a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
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

    /**
     * Reads a config file from its bytes (read with a size limit by the caller); a malformed file is
     * refused with its name, the line and the problem. Parsed as a stream, without recursion, so that
     * deep nesting cannot overflow the stack.
     */
    static Config read(byte[] xml, String file) {
        ConfigReader reader = new ConfigReader(file);
        parse(xml, file, reader);
        if (reader.root == null) {
            throw new WorkflowException(file + " holds no KNIME <config>");
        }
        return reader.root;
    }

    /**
     * Parses a workflow's XML file with {@code handler}. A DOCTYPE is refused (KNIME never writes
     * one), so no entity is expanded and no external file is read.
     */
    static void parse(byte[] xml, String file, DefaultHandler handler) {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.newSAXParser().parse(new ByteArrayInputStream(xml), handler);
        } catch (SAXParseException e) {
            String m = String.valueOf(e.getMessage());
            String problem = m.contains("DOCTYPE") ? "it has a DOCTYPE declaration, which KNIME's files never have"
                    : m.contains("UTF-8") ? "it is not UTF-8 text (" + m + ")" : m;
            throw new WorkflowException(file + " is not well-formed XML (line " + e.getLineNumber() + "): " + problem);
        } catch (SAXException | IOException e) {
            throw new WorkflowException(file + " is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser of this Java lacks a standard feature", e);
        }
    }

    /** Builds the tree from the parser's events; elements other than config and entry are skipped, content and all. */
    private static final class ConfigReader extends DefaultHandler {
        /** Marks an open element that is neither a config nor an entry, or lies inside an entry. */
        private static final Object SKIPPED = new Object();

        private final String file;
        private final Deque<Object> open = new ArrayDeque<>();
        private Locator locator;
        private Config root;

        ConfigReader(String file) {
            this.file = file;
        }

        @Override
        public void setDocumentLocator(Locator l) {
            locator = l;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            Object self = SKIPPED;
            if (open.isEmpty()) {
                if (!"config".equals(local)) {
                    throw new WorkflowException(file + ": the root element is <" + qName + ">, not a KNIME <config>");
                }
                root = new Config(key(a, qName));
                self = root;
            } else if (open.peek() instanceof Config parent) {
                if ("config".equals(local)) {
                    Config c = new Config(key(a, qName));
                    add(parent, c.key, c);
                    self = c;
                } else if ("entry".equals(local)) {
                    String type = a.getValue("type");
                    String value = a.getValue("value");
                    boolean isNull = "true".equals(a.getValue("isnull")) || value == null;
                    add(parent, key(a, qName), new Entry(type == null ? "" : type, isNull ? null : unescape(value)));
                }
            }
            open.push(self);
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            open.pop();
        }

        private String key(Attributes a, String element) {
            String key = a.getValue("key");
            if (key == null) {
                throw new WorkflowException(file + ", line " + line() + ": <" + element + "> has no key");
            }
            return unescape(key);
        }

        private int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        /** KNIME never writes one key twice in a config, so a second one is a damaged file. */
        private void add(Config parent, String key, Object child) {
            if (parent.children.putIfAbsent(key, child) != null) {
                throw new WorkflowException(file + ", line " + line() + ": config '" + parent.key + "' holds the key '"
                        + key + "' twice");
            }
        }
    }
}
