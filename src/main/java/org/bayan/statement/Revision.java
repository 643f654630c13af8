package org.bayan.statement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.stream.Collectors;
import org.bayan.tag.Tag;
import org.bayan.user.User;

/** A statement as one save left it: every field, who saved it and when. Never changed. */
@Entity
@Table(name = "statement_revision")
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "statement_id")
    private Statement statement;

    @Column(name = "revision_number", nullable = false)
    private int number;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = 200)
    private String slug;

    @Column(length = 2000)
    private String lead;

    @Column(nullable = false, length = 200000)
    private String body;

    @Column(length = 300)
    private String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "section_id", nullable = false)
    private long sectionId;

    /** Tag names, comma-separated, as they were. */
    @Column(nullable = false, length = 4000)
    private String tags;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "saved_by_id")
    private User savedBy;

    /** What the save did, e.g. "published" or "restored revision 3". */
    @Column(length = 200)
    private String note;

    protected Revision() {
    }

    /**
     * Revision 1 of a statement written other than through the editor (demo content, imports):
     * every statement starts with one holding its original text, so it can be compared and
     * restored like any other. Persist it once the statement is persisted.
     */
    public static Revision first(Statement s, User by, Instant at, String note) {
        return of(s, 1, by, at, note);
    }

    /** A revision after the first, e.g. an import run again over what it imported before. */
    public static Revision numbered(Statement s, int number, User by, Instant at, String note) {
        return of(s, number, by, at, note);
    }

    static Revision of(Statement s, int number, User by, Instant at, String note) {
        Revision r = new Revision();
        r.statement = s;
        r.number = number;
        r.title = s.getTitle();
        r.slug = s.getSlug();
        r.lead = s.getLead();
        r.body = s.getBody();
        r.source = s.getSource();
        r.status = s.getStatus();
        r.publishedAt = s.getPublishedAt();
        r.sectionId = s.getSection().getId();
        r.tags = s.getTags().stream().map(Tag::getName).collect(Collectors.joining(", "));
        r.savedAt = at;
        r.savedBy = by;
        r.note = note;
        return r;
    }

    public Long getId() { return id; }
    public Statement getStatement() { return statement; }
    public int getNumber() { return number; }
    public String getTitle() { return title; }
    public String getSlug() { return slug; }
    public String getLead() { return lead; }
    public String getBody() { return body; }
    public String getSource() { return source; }
    public Status getStatus() { return status; }
    public Instant getPublishedAt() { return publishedAt; }
    public long getSectionId() { return sectionId; }
    public String getTags() { return tags; }
    public Instant getSavedAt() { return savedAt; }
    public User getSavedBy() { return savedBy; }
    public String getNote() { return note; }
}
