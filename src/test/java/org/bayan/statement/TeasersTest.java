package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The teaser a listing shows: the lead, or else the body's first paragraph as plain text. */
class TeasersTest {

    @Test
    void leadIsShownWhole() {
        assertEquals("The lead.", Teasers.of("  The lead. ", "<p>First.</p><p>Second.</p>"));
    }

    @Test
    void withoutLeadTheFirstParagraphIsShownAsText() {
        assertEquals("First & foremost, bold.",
                Teasers.of(null, "<p>First &amp; foremost, <strong>bold</strong>.</p><p>Second.</p><p>Third.</p>"));
    }

    @Test
    void firstParagraphInsideAQuoteOrAfterAListIsFound() {
        assertEquals("Quoted.", Teasers.of("", "<blockquote><p>Quoted.</p></blockquote><p>After.</p>"));
        assertEquals("After the list.", Teasers.of("", "<ul><li>One</li></ul><p>After the list.</p>"));
    }

    @Test
    void bodyWithoutParagraphsGivesAllItsText() {
        assertEquals("Just a line", Teasers.of(null, "<ul><li>Just a line</li></ul>"));
        assertEquals("Plain", Teasers.of(null, "Plain"));
    }

    @Test
    void descriptionIsCutAtAWordBoundary() {
        String body = "<p>" + "word ".repeat(100) + "</p>";
        String teaser = Teasers.of(null, body, 22);
        assertEquals("word word word word…", teaser);
    }
}
