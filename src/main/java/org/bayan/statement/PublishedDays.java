package org.bayan.statement;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.bayan.platform.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each statement's publication day (what the date archives group by) in step with the
 * site's time zone: when {@code BAYAN_TIMEZONE} changes, every day is worked out again once.
 */
public final class PublishedDays {

    private static final Logger log = LoggerFactory.getLogger(PublishedDays.class);
    static final String SETTING = "timezone";

    private final Transactions tx;

    public PublishedDays(Transactions tx) {
        this.tx = tx;
    }

    public void realign(ZoneId zone) {
        tx.run(em -> {
            List<?> stored = em.createNativeQuery("select setting_value from site_setting where setting_name = ?1")
                    .setParameter(1, SETTING).getResultList();
            if (!stored.isEmpty() && zone.getId().equals(stored.get(0))) {
                return;
            }
            int changed = recompute(em, zone);
            if (stored.isEmpty()) {
                em.createNativeQuery("insert into site_setting (setting_name, setting_value) values (?1, ?2)")
                        .setParameter(1, SETTING).setParameter(2, zone.getId()).executeUpdate();
            } else {
                em.createNativeQuery("update site_setting set setting_value = ?2 where setting_name = ?1")
                        .setParameter(1, SETTING).setParameter(2, zone.getId()).executeUpdate();
                log.info("Time zone changed from {} to {}: publication days of {} statements recomputed",
                        stored.get(0), zone.getId(), changed);
            }
        });
    }

    private static int recompute(EntityManager em, ZoneId zone) {
        List<Object[]> rows = em.createQuery(
                "select s.id, s.publishedAt from Statement s where s.publishedAt is not null", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            em.createQuery("update Statement s set s.publishedOn = :day where s.id = :id")
                    .setParameter("day", LocalDate.ofInstant((Instant) row[1], zone))
                    .setParameter("id", row[0]).executeUpdate();
        }
        return rows.size();
    }
}
