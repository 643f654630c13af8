package org.bayan.sitemap;

import java.time.Instant;

/** One address a sitemap lists; {@code lastModified} is null for listings, which change all the time. */
record SitemapUrl(String path, Instant lastModified) {
}
