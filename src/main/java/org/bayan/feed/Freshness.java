package org.bayan.feed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The validators of a feed, so that feed readers polling every few minutes get a bodiless 304
 * while nothing changed: an ETag over everything the feed shows, and Last-Modified.
 */
record Freshness(String etag, Instant lastModified) {

    /**
     * The ETag covers the address (format included), the title and each statement's id and
     * times, so publishing, editing, renaming or withdrawing any of them changes it.
     */
    static Freshness of(String requestUri, Feed feed) {
        StringBuilder state = new StringBuilder(requestUri).append('\n').append(feed.title())
                .append('\n').append(feed.items().size());
        for (FeedItem item : feed.items()) {
            state.append('\n').append(item.id()).append(' ').append(item.publishedAt()).append(' ').append(item.updatedAt());
        }
        Instant last = feed.updated(); // the latest publication or edit, as the feed itself says
        return new Freshness('"' + sha256(state.toString()).substring(0, 32) + '"',
                last == null ? null : last.truncatedTo(ChronoUnit.SECONDS));
    }

    static String httpDate(Instant instant) {
        return org.bayan.platform.web.HttpDate.format(instant);
    }

    void applyTo(HttpServletResponse resp) {
        resp.setHeader("ETag", etag);
        if (lastModified != null) {
            resp.setHeader("Last-Modified", httpDate(lastModified));
        }
        // Readers may reuse a feed for five minutes, then ask again with the validators.
        resp.setHeader("Cache-Control", "public, max-age=300");
    }

    /**
     * Whether the reader's copy is current. If-None-Match wins over If-Modified-Since when
     * both are sent (RFC 9110): a withdrawn statement changes the ETag but may leave the
     * newest date as it was.
     */
    boolean notModified(HttpServletRequest req) {
        String ifNoneMatch = req.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
        }
        if (lastModified == null) {
            return false;
        }
        long since;
        try {
            since = req.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return false; // an unreadable date is as good as none
        }
        return since >= 0 && !lastModified.isAfter(Instant.ofEpochMilli(since));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
