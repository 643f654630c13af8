package org.bayan.statement;

import java.util.List;
import java.util.Map;

/**
 * A JSON-LD data block, written so that it can sit inside an HTML {@code <script>} element
 * whatever the text in it: besides JSON's own escapes, "<" becomes {@code \u003c} (and "/"
 * after it {@code \/}), so a title such as {@code </script><script>alert(1)</script>} can
 * neither end the element nor open a comment; ">" and "&" are escaped too, and the line
 * separators U+2028 and U+2029 that old JavaScript parsers choke on.
 */
final class JsonLd {

    private JsonLd() {
    }

    /** Writes an object whose values are strings, numbers, lists or objects; null values are left out. */
    static String of(Map<String, ?> object) {
        StringBuilder out = new StringBuilder();
        value(object, out);
        return out.toString();
    }

    private static void value(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                value(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(String.valueOf(value), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '/' -> out.append(i > 0 && s.charAt(i - 1) == '<' ? "\\/" : "/");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
