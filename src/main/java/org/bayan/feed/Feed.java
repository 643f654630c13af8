package org.bayan.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A feed ready to write: the listing it follows ({@code pagePath}), where it is served
 * ({@code feedBase} plus the format's file name) and its newest statements, newest first.
 */
record Feed(String title, String description, String pagePath, String feedBase, List<FeedItem> items) {

    /** The feed changes when one of its statements is published or edited: the latest of those moments. */
    Instant updated() {
        return items.stream().map(FeedItem::modifiedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
