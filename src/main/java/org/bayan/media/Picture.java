package org.bayan.media;

/**
 * A photo as a page shows it: its sizes (for {@code src}, {@code srcset}, {@code width} and
 * {@code height}, so nothing moves as it loads), its alt text, caption and credit, and its
 * social card. Built from the columns a listing or a statement reads with the statement.
 */
public record Picture(String hash, String contentType, int width, int height, String alt, String caption, String credit) {

    /** A statement's picture, or null when it has none. */
    public static Picture of(Media m, String alt, String caption, String credit) {
        return m == null ? null : new Picture(m.getHash(), m.getContentType(), m.getWidth(), m.getHeight(), alt, caption, credit);
    }

    /** The size a browser without {@code srcset} takes: 1024 wide, or the largest below it. */
    public String src() {
        return ImageSizes.path(hash, srcWidth(), contentType);
    }

    /** The width {@link #src()} has, and its height. */
    public int srcWidth() {
        int chosen = ImageSizes.widthsFor(width).get(0);
        for (int w : ImageSizes.widthsFor(width)) {
            if (w <= 1024) chosen = w;
        }
        return chosen;
    }

    public int srcHeight() {
        return ImageSizes.heightAt(srcWidth(), width, height);
    }

    public String srcset(String contextPath) {
        return ImageSizes.srcset(contextPath, hash, width, contentType);
    }

    /** The smallest size, for a listing's thumbnail. */
    public String thumbnail() {
        return ImageSizes.path(hash, ImageSizes.widthsFor(width).get(0), contentType);
    }

    public int thumbnailWidth() {
        return ImageSizes.widthsFor(width).get(0);
    }

    public int thumbnailHeight() {
        return ImageSizes.heightAt(thumbnailWidth(), width, height);
    }

    /**
     * A listing's thumbnail as HTML, written here in one piece rather than by the template: a
     * listing or search page shows up to twenty, and each attribute a template works out costs
     * about a microsecond (bench/results-2026-12-02-cpu.md).
     */
    public String thumbnailTag(String contextPath) {
        return "<img class=\"thumb\" src=\"" + org.unbescape.html.HtmlEscape.escapeHtml5Xml(contextPath) + thumbnail()
                + "\" alt=\"" + (alt == null ? "" : org.unbescape.html.HtmlEscape.escapeHtml5Xml(alt)) + "\" loading=\"lazy\" width=\""
                + thumbnailWidth() + "\" height=\"" + thumbnailHeight() + "\">";
    }

    /** The 1200×630 card social networks and search engines show. */
    public String social() {
        return ImageSizes.socialPath(hash);
    }
}
