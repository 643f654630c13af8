package org.bayan.feed;

import java.time.Instant;
import java.util.List;

/**
 * One statement as a feed carries it: in full, since readers of a feed read it there.
 * {@code bodyHtml} was sanitised when it was saved.
 */
record FeedItem(long id, String title, String path, Instant publishedAt, Instant updatedAt, String summary,
                String bodyHtml, String source, String language, List<String> tags) {
}
