package org.bayan.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bayan.media.MediaItem;
import org.bayan.media.Picture;
import org.bayan.section.SectionNode;

/**
 * Everything the public page of one statement shows. {@code bodyHtml} was sanitised on save;
 * {@code updatedAt} is when it last changed, for search engines and sharing previews;
 * {@code byline} the name it is signed with and {@code description} what search engines show
 * (each null for none).
 */
public record StatementPage(long id, String title, String slug, String url, Instant publishedAt, Instant updatedAt,
                            LocalDate publishedOn, SectionNode section, String lead, String bodyHtml,
                            String source, String language, List<TagLink> tags,
                            Link older, Link newer, List<Related> related, List<Translation> translations,
                            Picture image, List<Download> attachments, String byline, String description) {

    /** A page without a byline or a description of its own. */
    public StatementPage(long id, String title, String slug, String url, Instant publishedAt, Instant updatedAt,
                         LocalDate publishedOn, SectionNode section, String lead, String bodyHtml,
                         String source, String language, List<TagLink> tags,
                         Link older, Link newer, List<Related> related, List<Translation> translations,
                         Picture image, List<Download> attachments) {
        this(id, title, slug, url, publishedAt, updatedAt, publishedOn, section, lead, bodyHtml, source, language, tags,
                older, newer, related, translations, image, attachments, null, null);
    }

    /** An attached document as the page lists it: its title, address, type and size. */
    public record Download(String title, String url, String type, String size) {
    }

    /**
     * A published translation: its language, title and address (a path in its language's tree);
     * {@code original} if the others were translated from it.
     */
    public record Translation(long id, String language, String title, String url, boolean original) {
    }

    /** A link to another statement: its id, title and address. */
    public record Link(long id, String title, String url) {
    }

    public record TagLink(String name, String slug) {
    }

    /** A statement sharing tags with this one, shown below it as a linked title and a date line. */
    public record Related(long id, String title, String url, LocalDate publishedOn, SectionNode section,
                          int sharedTags) {
    }

    /**
     * The page of a statement: the one builder of its public page and of its preview, so the two
     * cannot drift apart. {@code day} is its date line (a draft's preview has none of its own).
     */
    static StatementPage of(Statement s, SectionNode section, LocalDate day, Link older, Link newer,
                            List<Related> related, List<Translation> translations) {
        return new StatementPage(s.getId(), s.getTitle(), s.getSlug(), PublicStatements.url(section, s),
                s.getPublishedAt(), s.getUpdatedAt(), day, section, s.getLead(), s.getBody(), s.getSource(),
                s.getLanguage(), s.getTags().stream().map(t -> new TagLink(t.getName(), t.getSlug())).toList(),
                older, newer, related, translations,
                Picture.of(s.getImage(), s.getImageAlt(), s.getImageCaption(), s.getImageCredit()),
                s.getAttachments().stream().map(a -> {
                    MediaItem m = MediaItem.file(a.getMedia());
                    return new Download(a.getTitle(), m.download(), m.type(), m.size());
                }).toList(), s.getByline(), s.getDescription());
    }

    /** When the statement last changed as readers see it: its last edit, or its publication if later. */
    public Instant modifiedAt() {
        return Statement.lastPublicChange(publishedAt, updatedAt);
    }
}
