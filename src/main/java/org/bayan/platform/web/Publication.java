package org.bayan.platform.web;

import java.util.Map;
import java.util.Optional;

/**
 * Who publishes the site, as every page, feed and sitemap names it: the organisation's name
 * (one per language where it has one), its home page, its logo, its favicon, and the picture
 * shared for a statement that has none of its own. Kept by the site's identity and read by
 * the renderer for each page; a part left unset is null.
 *
 * @param name  the name in every language without one of its own
 * @param names the name in the languages that have one of their own
 */
public record Publication(String name, Map<String, String> names, Optional<String> publisherUrl,
                          Image logo, Image favicon, Image shareImage) {

    /** A picture of the library as the layout places it: an address under the site, its size, its type and its alt text. */
    public record Image(String path, int width, int height, String contentType, String alt) {
    }

    public Publication {
        names = Map.copyOf(names);
    }

    /** Named, with nothing else set: the settings' name and home page, before an admin says more. */
    public static Publication named(String name, Map<String, String> names, Optional<String> publisherUrl) {
        return new Publication(name, names, publisherUrl, null, null, null);
    }

    /** The name in a language: its own, or the one of every other language. */
    public String name(String language) {
        return names.getOrDefault(language, name);
    }
}
