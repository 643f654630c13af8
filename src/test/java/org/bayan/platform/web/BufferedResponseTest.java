package org.bayan.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A page's text in UTF-8 as a reader's browser must get it, whatever letters it holds. */
class BufferedResponseTest {

    @Test
    void pagesAreEncodedAsUtf8ExactlyAsTheJdkEncodesThem() {
        for (String text : new String[] {"", "Coalition News", "أخبار الائتلاف · Koalisyon Haberleri", "a photo 📷 of the square",
                "<p>" + "Words. ".repeat(10_000) + "العربية</p>"}) {
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), BufferedResponse.utf8(text), text.length() + " characters");
        }
    }

    @Test
    void aLoneHalfOfASurrogatePairBecomesAQuestionMarkNotAnError() {
        assertArrayEquals("x?y".getBytes(StandardCharsets.UTF_8), BufferedResponse.utf8("x\uD83Dy"));
    }
}
