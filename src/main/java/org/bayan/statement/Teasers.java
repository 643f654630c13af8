package org.bayan.statement;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** The short text a listing shows for a statement: its lead, or else its first paragraph. */
final class Teasers {

    static final int MAX_LENGTH = 600;

    private Teasers() {
    }

    static String of(String lead, String bodyHtml) {
        if (lead != null && !lead.isBlank()) {
            return lead.strip();
        }
        Element first = Jsoup.parseBodyFragment(bodyHtml).selectFirst("p");
        String text = first != null ? first.text() : Jsoup.parseBodyFragment(bodyHtml).text();
        return shorten(text.strip());
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_LENGTH);
        return text.substring(0, cut > 0 ? cut : MAX_LENGTH) + "…";
    }
}
