package org.bayan.sitemap;

import java.time.Instant;
import java.util.Map;

/**
 * One address a sitemap lists; {@code lastModified} is null for listings, which change all the
 * time. {@code counterparts} are the same page in the site's other languages, language to path in
 * that language's tree, for the sitemap's {@code xhtml:link} alternates: a statement's published
 * translations, a section's or a tag's counterparts, the other languages' home page and tag cloud.
 * {@code imagePath} is a statement's featured image at its full size, or null.
 */
record SitemapUrl(String path, Instant lastModified, Map<String, String> counterparts, String imagePath) {

    SitemapUrl {
        counterparts = Map.copyOf(counterparts);
    }

    /** An address with no picture of its own to list ({@code image:image}). */
    SitemapUrl(String path, Instant lastModified, Map<String, String> counterparts) {
        this(path, lastModified, counterparts, null);
    }

    /** An address with no counterpart in another language, or one whose alternates a sitemap does not give (an index's file). */
    SitemapUrl(String path, Instant lastModified) {
        this(path, lastModified, Map.of());
    }
}
