package org.bayan.feed;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The ids of feed entries: {@code tag:} URIs (RFC 4151) that never change, whatever happens to
 * a statement's title, slug or section, so a feed reader shows an edited statement once, updated,
 * not twice (RFC 4287 §4.2.6). Made from the site's host, the statement's creation day (UTC, so a
 * change of the site's time zone leaves it alone) and its id, with the context path of a site
 * not served at the root, so two sites on one host never share an id:
 * {@code tag:news.example.org,2018-05-02:statement/123}.
 */
final class FeedIds {

    private final String authority;
    private final String prefix;

    /** @param siteRoot the site's absolute address, e.g. {@code https://news.example.org/} */
    FeedIds(String siteRoot) {
        URI root = URI.create(siteRoot);
        this.authority = root.getHost() == null ? "localhost" : root.getHost().toLowerCase(Locale.ROOT);
        String path = root.getRawPath() == null ? "" : root.getRawPath().replaceAll("^/+|/+$", "");
        this.prefix = path.isEmpty() ? "" : path + "/";
    }

    String of(FeedItem item) {
        return "tag:" + authority + "," + LocalDate.ofInstant(item.createdAt(), ZoneOffset.UTC) + ":" + prefix
                + "statement/" + item.id();
    }
}
