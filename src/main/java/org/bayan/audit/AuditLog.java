package org.bayan.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bayan.platform.persistence.Transactions;
import org.bayan.user.Actor;
import org.bayan.user.AuditTrail;
import org.bayan.user.Policy;
import org.bayan.user.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and reads the audit log. Changes are recorded inside the same transaction as the
 * change itself ({@link #record(EntityManager, Actor, String, String, Long, String)}), so a
 * change and its log line stand or fall together.
 */
public final class AuditLog implements AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final Transactions tx;
    private final Clock clock;

    public AuditLog(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void record(EntityManager em, Actor actor, String action, String targetType, Long targetId, String detail) {
        em.persist(new AuditEvent(clock.instant(), actor.id(), actor.name(), action, targetType, targetId, detail,
                actor.address()));
        log.info("audit: {} by {} from {}: {} {} {}", action, actor.name(), actor.address(),
                targetType == null ? "" : targetType, targetId == null ? "" : targetId, detail == null ? "" : detail);
    }

    @Override
    public Optional<String> lastChangedBy(EntityManager em, String targetType, long targetId) {
        // Changes only: a login or logout is recorded against the account too, but changes nothing in it.
        return em.createQuery("select e.actorName from AuditEvent e where e.targetType = :type and e.targetId = :id"
                        + " and e.action like :changes order by e.at desc, e.id desc", String.class)
                .setParameter("type", targetType).setParameter("id", targetId).setParameter("changes", targetType + ".%")
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public void record(Actor actor, String action, String detail) {
        tx.run(em -> record(em, actor, action, "user", actor.id(), detail));
    }

    public record Filter(String action, String actor, Long targetId) {
    }

    public record Page(List<AuditEvent> events, long total) {
    }

    /** A page of the log for a member of staff: admins only. */
    public Page page(Staff who, Filter filter, int offset, int limit) {
        Policy.require(Policy.canReadAudit(who), "read the audit log");
        return page(filter, offset, limit);
    }

    /**
     * Newest first, filtered by action prefix, actor name and target id. Checks no one's
     * rights: for callers that already did, and for tests.
     */
    public Page page(Filter filter, int offset, int limit) {
        return tx.inTransaction(em -> {
            StringBuilder where = new StringBuilder(" where 1 = 1");
            List<Object[]> params = new ArrayList<>();
            if (filter.action() != null) {
                // A prefix, not a pattern: "user_" must not match "user.created".
                where.append(" and e.action like :action escape '!'");
                params.add(new Object[]{"action", filter.action().replaceAll("[!%_]", "!$0") + "%"});
            }
            if (filter.actor() != null) {
                where.append(" and e.actorName = :actor");
                params.add(new Object[]{"actor", filter.actor()});
            }
            if (filter.targetId() != null) {
                where.append(" and e.targetId = :target");
                params.add(new Object[]{"target", filter.targetId()});
            }
            TypedQuery<AuditEvent> q = em.createQuery("select e from AuditEvent e" + where
                    + " order by e.at desc, e.id desc", AuditEvent.class);
            TypedQuery<Long> c = em.createQuery("select count(e) from AuditEvent e" + where, Long.class);
            for (Object[] p : params) {
                q.setParameter((String) p[0], p[1]);
                c.setParameter((String) p[0], p[1]);
            }
            return new Page(q.setFirstResult(offset).setMaxResults(limit).getResultList(), c.getSingleResult());
        });
    }
}
