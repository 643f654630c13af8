package org.bayan.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The old slug of a renamed or merged tag, so its old address still leads somewhere. */
@Entity
@Table(name = "tag_redirect")
public class TagRedirect {

    @Id
    @Column(name = "old_slug", length = 120)
    private String oldSlug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tag_id")
    private Tag tag;

    protected TagRedirect() {
    }

    public TagRedirect(String oldSlug, Tag tag) {
        this.oldSlug = oldSlug;
        this.tag = tag;
    }

    public Tag getTag() { return tag; }
    public void setTag(Tag tag) { this.tag = tag; }
}
