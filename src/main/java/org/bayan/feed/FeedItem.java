package org.bayan.feed;

import java.time.Instant;
import java.util.List;
import org.bayan.statement.Statement;

/**
 * One statement as a feed carries it: in full, since readers of a feed read it there.
 * {@code bodyHtml} was sanitised when it was saved; {@code createdAt} never changes, so the
 * entry's id is made from it and the statement's id (see {@link FeedIds}). {@code image} is null
 * for a statement without one.
 */
record FeedItem(long id, String title, String path, Instant createdAt, Instant publishedAt, Instant updatedAt,
                String summary, String bodyHtml, String source, String language, List<String> tags, Image image) {

    /** The featured image: its full size's address, type and length (an RSS enclosure), a mid size for the content, its alt text. */
    record Image(String fullPath, String type, long length, String inlinePath, int width, int height, String alt) {
    }

    /** When the statement last changed for its readers, as its page's JSON-LD dateModified says. */
    Instant modifiedAt() {
        return Statement.lastPublicChange(publishedAt, updatedAt);
    }
}
