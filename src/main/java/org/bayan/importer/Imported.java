package org.bayan.importer;

import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * What a row of an imported site became in Bayan (table {@code imported}, V16): a category its
 * section, an author a staff account, a tag its tag in one language ({@code key}), an item or post
 * its statement, with the statement's version as the import left it, so a later edit in Bayan is
 * never overwritten. K2's kinds are bare ({@code item}); WordPress's begin with {@code wp-}.
 */
@Entity
@Table(name = "imported")
public class Imported {

    @Embeddable
    public record Key(@Column(name = "kind", length = 16) String kind, @Column(name = "source_id") long sourceId,
                      @Column(name = "source_key", length = 16) String key) implements Serializable {
    }

    @EmbeddedId
    Key key;

    @Column(name = "target_id", nullable = false)
    long targetId;

    @Column(name = "target_version")
    Long targetVersion;

    @Column(name = "source_hash", length = 64)
    String sourceHash;

    /** A name an old address spells (a slug, a file's path), as {@code source_hash} keeps it: itself up to 64 characters, else its MD5. */
    static String hashOf(String name) {
        return name.length() <= 64 ? name : md5(name);
    }

    static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a source row became, or null when the import has not met it. */
    static Long target(EntityManager em, String kind, long sourceId, String key) {
        Imported k = em.find(Imported.class, new Key(kind, sourceId, key));
        return k == null ? null : k.targetId;
    }

    /** Records (or records again) what a source row became; the row, to add its hash. */
    static Imported remember(EntityManager em, String kind, long sourceId, String key, long targetId) {
        Imported k = em.find(Imported.class, new Key(kind, sourceId, key));
        if (k == null) {
            k = new Imported(new Key(kind, sourceId, key), targetId, null);
            em.persist(k);
        } else {
            k.targetId = targetId;
        }
        return k;
    }

    protected Imported() {
    }

    Imported(Key key, long targetId, Long targetVersion) {
        this.key = key;
        this.targetId = targetId;
        this.targetVersion = targetVersion;
    }
}
