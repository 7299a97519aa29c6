package org.neuromf.core.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference numbers of {@code reference/hh_config1.json} (a copy of the project's shared
 * reference file), read with a small JSON reader: objects become maps, arrays lists, numbers
 * doubles.
 */
public final class Reference {

    public static final Map<String, Object> HH_CONFIG1 = load("/reference/hh_config1.json");

    private final String text;
    private int pos;

    private Reference(String text) {
        this.text = text;
    }

    /** A top-level object of the reference file. */
    public static Map<String, Object> object(String key) {
        return object(HH_CONFIG1, key);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object o, String key) {
        return (Map<String, Object>) ((Map<String, Object>) o).get(key);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o, String key) {
        return (List<Object>) ((Map<String, Object>) o).get(key);
    }

    @SuppressWarnings("unchecked")
    public static double number(Object o, String key) {
        return (Double) ((Map<String, Object>) o).get(key);
    }

    private static Map<String, Object> load(String resource) {
        try (InputStream in = Reference.class.getResourceAsStream(resource)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) new Reference(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)).value();
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(pos);
        if (c == '{') {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            while (true) {
                skipSpace();
                if (text.charAt(pos) == '}') {
                    pos++;
                    return m;
                }
                String key = string();
                skipSpace();
                expect(':');
                m.put(key, value());
                skipSpace();
                if (text.charAt(pos) == ',') {
                    pos++;
                }
            }
        }
        if (c == '[') {
            List<Object> l = new ArrayList<>();
            pos++;
            while (true) {
                skipSpace();
                if (text.charAt(pos) == ']') {
                    pos++;
                    return l;
                }
                l.add(value());
                skipSpace();
                if (text.charAt(pos) == ',') {
                    pos++;
                }
            }
        }
        if (c == '"') {
            return string();
        }
        if (text.startsWith("true", pos) || text.startsWith("false", pos) || text.startsWith("null", pos)) {
            String word = text.startsWith("true", pos) ? "true" : text.startsWith("false", pos) ? "false" : "null";
            pos += word.length();
            return word.equals("null") ? null : Boolean.valueOf(word);
        }
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return Double.valueOf(text.substring(start, pos));
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\') {
                char e = text.charAt(pos++);
                b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'u' ? (char) Integer.parseInt(text.substring(pos, pos += 4), 16) : e);
            } else {
                b.append(c);
            }
        }
        pos++;
        return b.toString();
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalStateException("expected '" + c + "' at " + pos);
        }
        pos++;
    }

    private void skipSpace() {
        while (Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
