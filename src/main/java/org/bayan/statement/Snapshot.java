package org.bayan.statement;

import java.time.Instant;

/** A statement's fields at one moment: its current state, or a revision. Plain data for views. */
public record Snapshot(long statementId, int revision, String title, String slug, String lead, String body,
                       String source, Status status, Instant publishedAt, long sectionId, String sectionName,
                       String tags, Instant savedAt, String savedBy, String note, long version) {
}
