package org.bayan.media;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a file is used: by statements (a featured image, an attachment, a photo in the text) and
 * by the site's identity (its logo, favicon, shared picture), which know media while media
 * knows nothing of them. Each is handed to the library at start-up.
 */
public interface MediaUses {

    /**
     * One use of a file.
     *
     * @param path     the staff page of what uses it, e.g. {@code /admin/statements/12}
     * @param title    what uses it as its page names it, or null for the site itself
     * @param language the language of {@code title}, or null
     * @param status   a statement's status ({@code PUBLISHED}...), or null
     * @param how      {@code featured} (a statement's image), {@code text} (inside its body),
     *                 {@code attachment}, {@code logo}, {@code favicon}, {@code shareImage}
     */
    record Use(String path, String title, String language, String status, String how) {
    }

    /** Every use of a file, in one query. */
    List<Use> of(EntityManager em, long mediaId);

    /** A file's content (replaced) or words (described) changed, once that is saved: for those that keep what they show of it. */
    default void changed(long mediaId) {
    }

    /** These uses and another's, in that order. */
    default MediaUses and(MediaUses other) {
        MediaUses first = this;
        return new MediaUses() {
            @Override
            public List<Use> of(EntityManager em, long mediaId) {
                List<Use> all = new ArrayList<>(first.of(em, mediaId));
                all.addAll(other.of(em, mediaId));
                return all;
            }

            @Override
            public void changed(long mediaId) {
                first.changed(mediaId);
                other.changed(mediaId);
            }
        };
    }
}
