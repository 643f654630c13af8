package org.bayan.statement;

import java.time.LocalDateTime;

/**
 * What the statement editor submits, as typed. {@code version} is the version the editor
 * started from (null for a new statement); {@code publishAt} is in the site's time zone;
 * {@code language} is the statement's language code (null: keep it, or the site's default).
 */
public record StatementForm(String title, String slug, String lead, String body, Long sectionId, String tags,
                            String source, LocalDateTime publishAt, Long version, String language) {

    /** A form in the statement's own language. */
    public StatementForm(String title, String slug, String lead, String body, Long sectionId, String tags,
                         String source, LocalDateTime publishAt, Long version) {
        this(title, slug, lead, body, sectionId, tags, source, publishAt, version, null);
    }
}
