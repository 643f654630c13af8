package org.bayan.section;

import org.bayan.audit.AuditLog;
import org.bayan.platform.persistence.Transactions;

/** Changes to the section tree (placeholder until the section admin lands). */
public final class SectionService {

    private final Transactions tx;
    private final Sections sections;
    private final AuditLog audit;

    public SectionService(Transactions tx, Sections sections, AuditLog audit) {
        this.tx = tx;
        this.sections = sections;
        this.audit = audit;
    }
}
