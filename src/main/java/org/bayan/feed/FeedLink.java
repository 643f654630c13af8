package org.bayan.feed;

import java.util.Arrays;
import java.util.List;
import org.bayan.platform.web.Renderer;

/**
 * A feed a page offers: the layout names it in the page's head, so feed readers and browsers
 * find it from the page's address alone, and links it in the footer for people.
 *
 * @param title the feed's own title, e.g. "Coalition News | Syrian Coalition"
 */
public record FeedLink(String type, String label, String title, String path) {

    /** The RSS and Atom feeds of the listing at {@code basePath} ("" for the whole site), on a page in {@code language}. */
    public static List<FeedLink> of(Renderer renderer, String language, String basePath, String name) {
        String title = title(renderer, language, name);
        return Arrays.stream(FeedFormat.values())
                .map(f -> new FeedLink(f.mediaType(), f.label(), title, f.path(basePath)))
                .toList();
    }

    /** A feed's title in a language, written like the title of the page it follows. */
    static String title(Renderer renderer, String language, String name) {
        return name + " | " + renderer.siteName(language);
    }
}
