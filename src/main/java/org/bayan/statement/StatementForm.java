package org.bayan.statement;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the statement editor submits, as typed. {@code version} is the version the editor
 * started from (null for a new statement); {@code publishAt} is in the site's time zone;
 * {@code language} is the statement's language code (null: keep it, or the site's default);
 * {@code media} its featured image and attachments (null: keep them as they are); {@code details} its
 * byline, description and featured flag (null: keep them as they are).
 */
public record StatementForm(String title, String slug, String lead, String body, Long sectionId, String tags,
                            String source, LocalDateTime publishAt, Long version, String language, Media media,
                            Details details) {

    /** A form that leaves the byline, description and featured flag as they are. */
    public StatementForm(String title, String slug, String lead, String body, Long sectionId, String tags,
                         String source, LocalDateTime publishAt, Long version, String language, Media media) {
        this(title, slug, lead, body, sectionId, tags, source, publishAt, version, language, media, null);
    }

    /** A form in the statement's own language. */
    public StatementForm(String title, String slug, String lead, String body, Long sectionId, String tags,
                         String source, LocalDateTime publishAt, Long version) {
        this(title, slug, lead, body, sectionId, tags, source, publishAt, version, null, null);
    }

    /** A form that leaves the statement's image and attachments as they are. */
    public StatementForm(String title, String slug, String lead, String body, Long sectionId, String tags,
                         String source, LocalDateTime publishAt, Long version, String language) {
        this(title, slug, lead, body, sectionId, tags, source, publishAt, version, language, null);
    }

    /**
     * The featured image (its library id, or null for none) with this statement's alt text,
     * caption and credit, and the attachments in their order.
     */
    public record Media(Long imageId, String imageAlt, String imageCaption, String imageCredit,
                        List<AttachmentForm> attachments) {
        public static Media none() {
            return new Media(null, null, null, null, List.of());
        }
    }

    /**
     * The name the statement is signed with (blank: none), the description search engines show
     * (blank: the teaser), and whether it is featured.
     */
    public record Details(String byline, String description, boolean featured) {
        public static Details none() {
            return new Details(null, null, false);
        }
    }

    /** An attached document: its library id and its title under this statement. */
    public record AttachmentForm(long mediaId, String title) {
    }
}
