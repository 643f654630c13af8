package org.bayan.statement;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The only HTML a statement body may hold, enforced with the OWASP Java HTML Sanitizer
 * before anything is stored: paragraphs, headings, emphasis, links, lists and quotes. Scripts,
 * styles, event handlers, frames and {@code javascript:} links are removed; what the editor
 * shows after a save is exactly what was stored.
 */
final class BodySanitizer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s",
                    "ul", "ol", "li", "blockquote", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private BodySanitizer() {
    }

    public static String sanitize(String html) {
        if (html == null) {
            return "";
        }
        String clean = POLICY.sanitize(html)
                // Editors insert empty paragraphs for spacing; they carry nothing.
                .replaceAll("<p>\\s*(<br\\s*/?>)?\\s*</p>", "")
                .strip();
        return clean;
    }
}
