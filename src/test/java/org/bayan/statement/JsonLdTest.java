package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON-LD writer: what it writes reads back as the same data and cannot close its script element. */
class JsonLdTest {

    @Test
    void scriptEndingTitleWithLineSeparatorReadsBackUnchangedAndNeverClosesTheScript() {
        String title = "</script><script>alert(1)</script> and\u2028a line separator\u2029 <!-- & >";
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("@type", "NewsArticle");
        object.put("headline", title);
        object.put("keywords", List.of("a</script>", "b"));
        object.put("author", Map.of("name", "Media <Department>"));

        String json = JsonLd.of(object);

        assertEquals(object, new Gson().fromJson(json, Map.class), json);
        assertFalse(json.toLowerCase().contains("</script"), json);
        assertFalse(json.contains("<!--"), json);
        assertFalse(json.contains("\u2028") || json.contains("\u2029"), json);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
    }

    @Test
    void nullValuesAreLeftOut() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("headline", "Title");
        object.put("keywords", null);

        assertEquals("{\"headline\":\"Title\"}", JsonLd.of(object));
    }
}
