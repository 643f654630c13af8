package org.bayan.tag;

import java.util.List;
import org.bayan.audit.AuditLog;
import org.bayan.platform.persistence.Transactions;

/** Tags for the admin area: names for the editor's suggestions, and the tag admin's changes. */
public final class TagService {

    private final Transactions tx;
    private final AuditLog audit;

    public TagService(Transactions tx, AuditLog audit) {
        this.tx = tx;
        this.audit = audit;
    }

    /** Every tag name, alphabetically: the editor suggests from these. */
    public List<String> names() {
        return tx.inTransaction(em -> em.createQuery("select t.name from Tag t order by lower(t.name)", String.class)
                .getResultList());
    }
}
