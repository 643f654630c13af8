package org.bayan.media;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Where a file is used: by statements, which know media (a featured image, an attachment) while
 * media knows nothing of them. Kept by org.bayan.statement and handed to the library at start-up.
 */
public interface MediaUses {

    /** One statement using a file, and how: {@code featured} (its image), {@code text} (inside its body), {@code attachment}. */
    record Use(long statementId, String title, String language, String status, String how) {
    }

    /** Every use of a file, in one query. */
    List<Use> of(EntityManager em, long mediaId);
}
