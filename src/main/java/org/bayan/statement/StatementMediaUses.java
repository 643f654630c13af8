package org.bayan.statement;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.bayan.media.MediaUses;

/** The statements using a file of the library, for its page and for refusing its deletion. */
public final class StatementMediaUses implements MediaUses {

    @Override
    public List<Use> of(EntityManager em, long mediaId) {
        List<Use> uses = new ArrayList<>();
        for (Object[] r : em.createQuery("select s.id, s.title, s.language, s.status, 'featured' from Statement s where s.image.id = :id"
                        + " union all select s.id, s.title, s.language, s.status, 'attachment' from Statement s join s.attachments a"
                        + " where a.media.id = :id"
                        // A photo inside a body is named by its address: read for a file's page or its deletion, never for readers.
                        + " union all select s.id, s.title, s.language, s.status, 'text' from Statement s, Media m"
                        + " where m.id = :id and s.body like concat('%/media/', m.hash, '/%') order by 1", Object[].class)
                .setParameter("id", mediaId).getResultList()) {
            uses.add(new Use("/admin/statements/" + r[0], (String) r[1], (String) r[2], ((Status) r[3]).name(), (String) r[4]));
        }
        return uses;
    }
}
