package org.bayan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The validators of a response and the one decision of a conditional GET (RFC 9110 §13):
 * whether the reader's copy still holds, so it gets a bodiless 304 instead of the page.
 * The page cache decides with it for every kept page, the feeds for a feed answered directly.
 */
public final class Conditional {

    private final String etag;
    private final Instant lastModified;
    /** Last-Modified as sent, written once: a kept page sends it with every answer. */
    private final String lastModifiedHeader;

    /**
     * @param etag         a strong entity tag, quoted ({@code "abc"})
     * @param lastModified when the response last changed, or null if unknown; kept to the second,
     *                     as HTTP dates are
     */
    public Conditional(String etag, Instant lastModified) {
        this.etag = etag;
        this.lastModified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        this.lastModifiedHeader = lastModified == null ? null : HttpDate.format(this.lastModified);
    }

    public String etag() {
        return etag;
    }

    public Instant lastModified() {
        return lastModified;
    }

    /**
     * Sets ETag and Last-Modified and, if the reader's copy is current, answers 304 with no
     * body. Headers the caller set before (Cache-Control, Vary) stay on the 304, as they should.
     *
     * @return true if the 304 was sent and nothing more may be written
     */
    public boolean answer(HttpServletRequest req, HttpServletResponse resp) {
        applyTo(resp);
        if (!notModified(req)) {
            return false;
        }
        resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return true;
    }

    /** Sets ETag and, if known, Last-Modified (an IMF-fixdate). */
    public void applyTo(HttpServletResponse resp) {
        resp.setHeader("ETag", etag);
        if (lastModified != null) {
            resp.setHeader("Last-Modified", lastModifiedHeader);
        }
    }

    /**
     * Whether the reader's copy is current. If-None-Match wins over If-Modified-Since when
     * both are sent (RFC 9110 §13.1.3): a withdrawn statement changes the ETag but may leave
     * the newest date as it was. For a GET or HEAD: no other method is ever answered 304.
     */
    public boolean notModified(HttpServletRequest req) {
        String ifNoneMatch = req.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch);
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

    /**
     * If-None-Match compares weakly (§13.1.2): {@code W/"abc"} matches {@code "abc"}. The header
     * is a list, {@code "*"} matches any current page.
     */
    private boolean matchesAny(String ifNoneMatch) {
        String ours = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || opaque(t).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
