package org.bayan.statement;

import com.google.gson.Gson;
import java.util.Map;

/**
 * A JSON-LD data block, written so that it can sit inside an HTML {@code <script>} element
 * whatever the text in it. Gson's HTML-safe escaping (its default) writes "<", ">", "&", "="
 * and "'" as {@code \u003c} and so on, so a title such as {@code </script><script>alert(1)</script>}
 * can neither end the element nor open a comment; it also always escapes the line separators
 * U+2028 and U+2029 that old JavaScript parsers choke on.
 */
final class JsonLd {

    /** Thread-safe; never {@code disableHtmlEscaping()}: the escaping is what keeps the block closed. */
    private static final Gson GSON = new Gson();

    private JsonLd() {
    }

    /** Writes an object whose values are strings, numbers, lists or objects; null values are left out. */
    static String of(Map<String, ?> object) {
        return GSON.toJson(object);
    }
}
