package org.bayan.feed;

import java.time.Instant;
import java.util.List;

/**
 * A feed ready to write: the listing it follows ({@code pagePath}), where it is served
 * ({@code feedBase} plus the format's file name) and its newest statements, newest first.
 */
record Feed(String title, String description, String pagePath, String feedBase, List<FeedItem> items) {

    /** The feed changes when a statement is published: its date is that of the newest one. */
    Instant updated() {
        return items.isEmpty() ? null : items.get(0).publishedAt();
    }
}
