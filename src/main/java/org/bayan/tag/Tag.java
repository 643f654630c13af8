package org.bayan.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A label readers can follow across sections, e.g. "Russia" at /tag/russia. */
@Entity
public class Tag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 120)
    private String slug;

    /** The language of its name: a tag is a word of one language, its slug unique within it. */
    @Column(nullable = false, length = 8)
    private String language = "en";

    /** The same topic's tags in other languages share this number (the first one's id); null for none yet. */
    @Column
    private Long counterparts;

    @Version
    private long version;

    protected Tag() {
    }

    public Tag(String name, String slug) {
        this(name, slug, "en");
    }

    public Tag(String name, String slug, String language) {
        this.name = name;
        this.slug = slug;
        this.language = language;
    }

    /** Links this tag with another language's tag of the same topic. */
    public void linkCounterpart(Tag other) {
        long set = counterparts != null ? counterparts : other.counterparts != null ? other.counterparts : id;
        this.counterparts = set;
        other.counterparts = set;
    }

    /** Puts this tag in a set of counterparts ({@code null}: in none); the service keeps a set to one tag per language. */
    void joinCounterparts(Long set) {
        this.counterparts = set;
    }

    public String getLanguage() { return language; }
    public Long getCounterparts() { return counterparts; }

    /** A new name and the slug that follows it; the old slug's redirect is the service's job. */
    public void rename(String name, String slug) {
        this.name = name;
        this.slug = slug;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getSlug() { return slug; }
    public long getVersion() { return version; }
}
