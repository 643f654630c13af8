package org.bayan.section;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A section's name, slug and description in a language other than the site's default (whose
 * are on the section itself): {@code /ar/المركز-الإعلامي/أخبار-الائتلاف} is the same section as
 * {@code /media-center/coalition-news}.
 */
@Entity
@Table(name = "section_label")
@IdClass(SectionLabel.Key.class)
public class SectionLabel {

    @Id
    @Column(name = "section_id")
    private Long sectionId;

    @Id
    @Column(length = 8)
    private String language;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 100)
    private String slug;

    @Column(length = 1000)
    private String description;

    protected SectionLabel() {
    }

    public SectionLabel(long sectionId, String language, String name, String slug, String description) {
        this.sectionId = sectionId;
        this.language = language;
        this.name = name;
        this.slug = slug;
        this.description = description;
    }

    /** A new name, slug and description in this label's language. */
    public void change(String name, String slug, String description) {
        this.name = name;
        this.slug = slug;
        this.description = description;
    }

    public Long getSectionId() { return sectionId; }
    public String getLanguage() { return language; }
    public String getName() { return name; }
    public String getSlug() { return slug; }
    public String getDescription() { return description; }

    /** The composite key: one label per section and language. */
    public record Key(Long sectionId, String language) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
