package org.bayan.statement;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The only HTML a statement body may hold, enforced with the OWASP Java HTML Sanitizer
 * before anything is stored: paragraphs, headings, emphasis, links, lists and quotes, and
 * photos of this site's media library as {@code <figure>}, {@code <img>} and {@code <figcaption>},
 * and YouTube or Vimeo posters ({@link BodyVideos}).
 * Scripts, styles, event handlers, frames, {@code javascript:} links and pictures from anywhere
 * else (tracking pixels) are removed; what the editor shows after a save is exactly what was stored.
 */
public final class BodySanitizer {

    /** A size of a library photo, by its address on this site: {@code /media/<sha-256>/w640.jpg}, after any context path. */
    static final Pattern MEDIA_SRC = Pattern.compile("(/[A-Za-z0-9._~-]+)*/media/[0-9a-f]{64}/(w[0-9]{1,4}|full)\\.(jpg|png)");
    private static final Pattern MEDIA_SRCSET = Pattern.compile("(" + MEDIA_SRC.pattern() + " [0-9]{1,4}w)(, " + MEDIA_SRC.pattern() + " [0-9]{1,4}w)*");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s",
                    "ul", "ol", "li", "blockquote", "a", "figure", "figcaption", "img", "small")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer")
            .allowAttributes("src").matching(MEDIA_SRC).onElements("img")
            .allowAttributes("srcset").matching(MEDIA_SRCSET).onElements("img")
            .allowAttributes("alt", "sizes").onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("[0-9]{1,4}")).onElements("img")
            .allowAttributes("loading").matching(Pattern.compile("lazy")).onElements("img")
            .allowAttributes("class").matching(Pattern.compile("body-image|credit|video")).onElements("figure", "small")
            // A video's poster (BodyVideos): the player it becomes on a click, one of two privacy-enhanced players.
            .allowElements("span")
            .allowAttributes("class").matching(Pattern.compile("video-poster")).onElements("a")
            .allowAttributes("class").matching(Pattern.compile("play|video-title")).onElements("span")
            .allowAttributes("aria-hidden").matching(Pattern.compile("true")).onElements("span")
            .allowAttributes("data-player").matching(Pattern.compile(
                    "https://(www\\.youtube-nocookie\\.com/embed/[A-Za-z0-9_-]{11}\\?autoplay=1"
                    + "|player\\.vimeo\\.com/video/[0-9]{6,12}\\?autoplay=1&dnt=1)")).onElements("figure")
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
                // An <img> whose address was not one of ours lost its src: nothing is left of it to show.
                .replaceAll("<img(?![^>]*\\bsrc=)[^>]*>", "")
                .strip();
        return clean;
    }
}
