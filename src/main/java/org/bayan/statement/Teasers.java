package org.bayan.statement;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The short text a listing shows for a statement: its lead, or else its first paragraph. Feeds
 * and the description of a statement page use it too.
 */
public final class Teasers {

    static final int MAX_LENGTH = 600;

    private Teasers() {
    }

    public static String of(String lead, String bodyHtml) {
        if (lead != null && !lead.isBlank()) {
            return lead.strip(); // written to be shown whole
        }
        return ofBody(bodyHtml);
    }

    /**
     * The teaser of a statement without a lead: its body's first paragraph, cut. Kept with the
     * statement whenever its body is saved ({@link Statement#setBody}), so listings read it.
     */
    public static String ofBody(String bodyHtml) {
        return shorten(firstParagraph(bodyHtml == null ? "" : bodyHtml), MAX_LENGTH);
    }

    /**
     * The same, cut at a word boundary to at most {@code maxLength} characters (plus an
     * ellipsis) even if it is the lead: for page descriptions, which previews cut anyway.
     */
    public static String of(String lead, String bodyHtml, int maxLength) {
        return shorten(lead != null && !lead.isBlank() ? lead.strip() : firstParagraph(bodyHtml), maxLength);
    }

    private static String firstParagraph(String bodyHtml) {
        // Paragraphs do not nest, so the first one ends at the first "</p>": only that much of
        // the body is parsed (a listing makes a teaser for each of its statements).
        int end = bodyHtml.indexOf("</p>");
        Element first = end < 0 ? null : Jsoup.parseBodyFragment(bodyHtml.substring(0, end + 4)).selectFirst("p");
        if (first == null) {
            Document whole = Jsoup.parseBodyFragment(bodyHtml);
            first = whole.selectFirst("p");
            if (first == null) {
                return whole.text().strip();
            }
        }
        return first.text().strip();
    }

    private static String shorten(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxLength);
        return text.substring(0, cut > 0 ? cut : maxLength) + "…";
    }
}
