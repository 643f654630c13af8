package org.bayan.statement;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jakarta.persistence.Transient;
import org.bayan.media.Media;
import org.bayan.section.Section;
import org.bayan.tag.Tag;
import org.bayan.user.User;

/**
 * A statement: the thing Bayan publishes. The body is sanitised HTML. What search indexes of
 * it is declared in org.bayan.search.SearchMapping.
 */
@Entity
public class Statement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = 200)
    private String slug;

    @Column(length = 2000)
    private String lead;

    @Column(nullable = false, length = 200000)
    private String body;

    /** The body's first paragraph as text, cut (see {@link Teasers#ofBody}): made with the body. */
    @Column(name = "body_teaser", length = 700)
    private String bodyTeaser;

    /** Who the statement comes from, shown as "(Source: ...)", e.g. the Media Department. */
    @Column(length = 300)
    private String source;

    @Column(nullable = false, length = 8)
    private String language;

    /**
     * The translation set: the same statement in other languages, at most one per language
     * (a unique index). Null for a statement that has no translation yet; the first translation
     * made of it names the set after it ({@link #translationSetId}).
     */
    @Column(name = "translation_set")
    private Long translationSet;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "published_at")
    private Instant publishedAt;

    /** The day of {@link #publishedAt} in the site's time zone; see {@link #schedule}. */
    @Column(name = "published_on")
    private LocalDate publishedOn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id")
    private Section section;

    @ManyToMany
    @JoinTable(name = "statement_tag",
            joinColumns = @JoinColumn(name = "statement_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("name")
    private Set<Tag> tags = new LinkedHashSet<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    private User author;

    /** The featured image, shown atop the statement, in listings and on social cards. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "image_id")
    private Media image;

    /** This statement's words for its image (the library's are only where the editor starts). */
    @Column(name = "image_alt", length = 500)
    private String imageAlt;

    @Column(name = "image_caption", length = 1000)
    private String imageCaption;

    @Column(name = "image_credit", length = 300)
    private String imageCredit;

    /** The name the statement is signed with on its page ("By …"), if any: not necessarily a staff member's. */
    @Column(length = 200)
    private String byline;

    /** What search engines and sharing previews show; empty: the teaser. */
    @Column(length = 300)
    private String description;

    private boolean featured;

    /** How many times the old site counted it read, when it was imported (Bayan counts no readers). */
    @Column(name = "old_site_hits")
    private long oldSiteHits;

    /** Documents listed under the statement, in the editor's order. */
    @ElementCollection
    @CollectionTable(name = "statement_attachment", joinColumns = @JoinColumn(name = "statement_id"))
    @OrderColumn(name = "position")
    private List<Attachment> attachments = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "updated_by_id")
    private User updatedBy;

    @Version
    private long version;

    protected Statement() {
    }

    public Statement(String title, String slug, String body, Section section, User author, Instant now) {
        this.title = title;
        this.slug = slug;
        setBody(body);
        this.section = section;
        this.author = author;
        this.updatedBy = author;
        this.language = "en";
        this.status = Status.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets the publication time and the day it falls on in the site's zone, together. */
    public void schedule(Instant publishedAt, ZoneId zone) {
        this.publishedAt = publishedAt;
        this.publishedOn = publishedAt == null ? null : LocalDate.ofInstant(publishedAt, zone);
    }

    /** The body as plain text, which is what search looks into (see org.bayan.search.StatementTextBinder). */
    public String getBodyText() {
        return org.jsoup.Jsoup.parseBodyFragment(body == null ? "" : body).text();
    }

    /** The section's id, for filtering search results by section. */
    @Transient
    public Long getSectionId() {
        return section == null ? null : section.getId();
    }

    /** Whether a reader may see this statement at the given moment. */
    public boolean isPublicAt(Instant now) {
        return Status.RELEASED.contains(status) && publishedAt != null && !publishedAt.isAfter(now);
    }

    /**
     * When a statement last changed as readers see it: its last edit, or its publication if that
     * came later (a statement written, then scheduled, changes for readers when it goes out).
     * Pages (JSON-LD {@code dateModified}), feeds ({@code updated}) and sitemaps use this one rule.
     */
    public static Instant lastPublicChange(Instant publishedAt, Instant updatedAt) {
        if (publishedAt == null) {
            return updatedAt;
        }
        return updatedAt == null || updatedAt.isBefore(publishedAt) ? publishedAt : updatedAt;
    }

    /** Records who changed the statement and when. */
    public void touch(User by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public void setTitle(String title) { this.title = title; }
    public void setSlug(String slug) { this.slug = slug; }
    public void setBody(String body) {
        this.body = body;
        this.bodyTeaser = Teasers.ofBody(body);
    }
    public void setSection(Section section) { this.section = section; }
    public User getUpdatedBy() { return updatedBy; }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public String getSlug() { return slug; }
    public String getLead() { return lead; }
    public void setLead(String lead) { this.lead = lead; }
    public String getBody() { return body; }

    /** What a listing or a feed shows of it: its lead, or else its body's first paragraph (made when the body was saved). */
    public String teaser() {
        if (lead != null && !lead.isBlank()) {
            return lead.strip();
        }
        return bodyTeaser != null ? bodyTeaser : Teasers.ofBody(body);
    }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getLanguage() { return language; }
    /** The language code of the text, e.g. "en", "ar" or "tr". */
    public void setLanguage(String language) { this.language = language; }

    /** The id its translation set goes by: the one it joined, or its own if it has none yet. */
    public long translationSetId() { return translationSet != null ? translationSet : id; }

    /** Puts the statement in a translation set (see {@link #translationSetId}). */
    public void joinTranslationSet(long set) { this.translationSet = set; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Instant getPublishedAt() { return publishedAt; }
    public LocalDate getPublishedOn() { return publishedOn; }
    public Section getSection() { return section; }
    public Set<Tag> getTags() { return tags; }
    public User getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
    public Media getImage() { return image; }
    public String getImageAlt() { return imageAlt; }
    public String getImageCaption() { return imageCaption; }
    public String getImageCredit() { return imageCredit; }
    public List<Attachment> getAttachments() { return attachments; }
    public String getByline() { return byline; }
    public void setByline(String byline) { this.byline = byline; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isFeatured() { return featured; }
    public void setFeatured(boolean featured) { this.featured = featured; }
    public long getOldSiteHits() { return oldSiteHits; }
    public void setOldSiteHits(long hits) { this.oldSiteHits = hits; }

    /** Sets the featured image (null for none) with this statement's alt text, caption and credit. */
    public void illustrate(Media image, String alt, String caption, String credit) {
        this.image = image;
        this.imageAlt = image == null ? null : alt;
        this.imageCaption = image == null ? null : caption;
        this.imageCredit = image == null ? null : credit;
    }
}
