package org.bayan.statement;

import java.util.List;

/** Where a statement stands in the editorial workflow. */
public enum Status {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, TRASHED;

    /**
     * The statuses that are public once the publication time has passed. A scheduled statement
     * needs no job to go live: every public query also asks {@code publishedAt <= now}.
     */
    public static final List<Status> RELEASED = List.of(SCHEDULED, PUBLISHED);
}
