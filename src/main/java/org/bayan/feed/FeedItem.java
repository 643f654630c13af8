package org.bayan.feed;

import java.time.Instant;
import java.util.List;
import org.bayan.statement.Statement;

/**
 * One statement as a feed carries it: in full, since readers of a feed read it there.
 * {@code bodyHtml} was sanitised when it was saved; {@code createdAt} never changes, so the
 * entry's id is made from it and the statement's id (see {@link FeedIds}).
 */
record FeedItem(long id, String title, String path, Instant createdAt, Instant publishedAt, Instant updatedAt,
                String summary, String bodyHtml, String source, String language, List<String> tags) {

    /** When the statement last changed for its readers, as its page's JSON-LD dateModified says. */
    Instant modifiedAt() {
        return Statement.lastPublicChange(publishedAt, updatedAt);
    }
}
