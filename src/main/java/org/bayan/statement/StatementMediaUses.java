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
        for (Object[] r : em.createQuery("select s.id, s.title, s.language, s.status, true from Statement s where s.image.id = :id"
                        + " union all select s.id, s.title, s.language, s.status, false from Statement s join s.attachments a"
                        + " where a.media.id = :id order by 1", Object[].class)
                .setParameter("id", mediaId).getResultList()) {
            uses.add(new Use(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Status) r[3]).name(), (Boolean) r[4]));
        }
        return uses;
    }
}
