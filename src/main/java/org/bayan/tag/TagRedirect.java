package org.bayan.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * The old slug of a renamed or merged tag in its language, so its old address ({@code /ar/tag/<old>})
 * still leads somewhere; the same slug in another language is another address.
 */
@Entity
@Table(name = "tag_redirect")
public class TagRedirect {

    /** An old address: a language and a slug once used in it. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "language", length = 8)
        private String language;

        @Column(name = "old_slug", length = 120)
        private String oldSlug;

        protected Key() {
        }

        public Key(String language, String oldSlug) {
            this.language = language;
            this.oldSlug = oldSlug;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.language.equals(language) && k.oldSlug.equals(oldSlug);
        }

        @Override
        public int hashCode() {
            return Objects.hash(language, oldSlug);
        }
    }

    @EmbeddedId
    private Key key;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tag_id")
    private Tag tag;

    protected TagRedirect() {
    }

    public TagRedirect(String language, String oldSlug, Tag tag) {
        this.key = new Key(language, oldSlug);
        this.tag = tag;
    }

    public Tag getTag() { return tag; }
    public void setTag(Tag tag) { this.tag = tag; }
}
