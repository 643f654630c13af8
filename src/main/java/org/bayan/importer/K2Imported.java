package org.bayan.importer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * What a K2 row became in Bayan: a category its section, an author a staff account, a tag its
 * tag in one language ({@code key}), an item its statement (under the same id), with the
 * statement's version as the import left it, so a later edit in Bayan is never overwritten.
 */
@Entity
@Table(name = "k2_import")
public class K2Imported {

    @Embeddable
    public record Key(@Column(name = "kind", length = 16) String kind, @Column(name = "k2_id") long k2Id,
                      @Column(name = "k2_key", length = 16) String key) implements Serializable {
    }

    @EmbeddedId
    Key key;

    @Column(name = "bayan_id", nullable = false)
    long bayanId;

    @Column(name = "bayan_version")
    Long bayanVersion;

    @Column(name = "k2_hash", length = 32)
    String k2Hash;

    protected K2Imported() {
    }

    K2Imported(Key key, long bayanId, Long bayanVersion) {
        this.key = key;
        this.bayanId = bayanId;
        this.bayanVersion = bayanVersion;
    }
}
