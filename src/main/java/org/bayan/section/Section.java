package org.bayan.section;

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
import jakarta.persistence.Version;

/** A node of the section tree; its slug is one segment of its public URL path. */
@Entity
public class Section {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Section parent;

    @Column(nullable = false, length = 100)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "archive_style", nullable = false, length = 16)
    private ArchiveStyle archiveStyle = ArchiveStyle.TEASER;

    @Version
    private long version;

    protected Section() {
    }

    public Section(Section parent, String slug, String name, int position) {
        this.parent = parent;
        this.slug = slug;
        this.name = name;
        this.position = position;
    }

    public void rename(String name, String slug) {
        this.name = name;
        this.slug = slug;
    }

    /** Puts the section under another parent (null: top level), at the given place among its children. */
    public void moveUnder(Section parent, int position) {
        this.parent = parent;
        this.position = position;
    }

    public void setPosition(int position) { this.position = position; }
    public void setArchiveStyle(ArchiveStyle archiveStyle) { this.archiveStyle = archiveStyle; }

    public Long getId() { return id; }
    public Section getParent() { return parent; }
    public String getSlug() { return slug; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public int getPosition() { return position; }
    public ArchiveStyle getArchiveStyle() { return archiveStyle; }
    public long getVersion() { return version; }
}
