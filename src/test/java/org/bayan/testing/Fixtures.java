package org.bayan.testing;

import java.time.Instant;
import java.time.ZoneId;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.text.Slugs;
import org.bayan.section.Section;
import org.bayan.statement.Statement;
import org.bayan.statement.Status;
import org.bayan.tag.Tag;
import org.bayan.user.Staff;
import org.bayan.user.User;

/** Writes statements straight into the test database, in whatever state a test needs. */
public final class Fixtures {

    private final Transactions tx;
    private final ZoneId zone;

    public Fixtures(Transactions tx, ZoneId zone) {
        this.tx = tx;
        this.zone = zone;
    }

    /** A member of staff with the given role (no password: such an account cannot log in). */
    public Staff staff(String username, User.Role role) {
        return tx.inTransaction(em -> {
            User u = new User(username, username.substring(0, 1).toUpperCase() + username.substring(1), role,
                    Instant.parse("2018-01-01T00:00:00Z"));
            em.persist(u);
            return Staff.of(u);
        });
    }

    public long statement(String sectionSlug, String title, Status status, Instant publishedAt, String... tags) {
        return statementIn("en", sectionSlug, title, status, publishedAt, tags);
    }

    /** A statement in a language, carrying tags of that language (made if missing), as the editor would tag it. */
    public long statementIn(String language, String sectionSlug, String title, Status status, Instant publishedAt,
                            String... tags) {
        return tx.inTransaction(em -> {
            Section section = em.createQuery("select s from Section s where s.slug = :slug", Section.class)
                    .setParameter("slug", sectionSlug).getSingleResult();
            Statement s = new Statement(title, Slugs.of(title), "<p>Body of " + title + ".</p><p>Second paragraph.</p>",
                    section, null, Instant.parse("2018-01-01T00:00:00Z"));
            s.setStatus(status);
            s.setSource("Media Department");
            s.setLanguage(language);
            if (publishedAt != null) {
                s.schedule(publishedAt, zone);
            }
            for (String name : tags) {
                Tag tag = em.createQuery("select t from Tag t where t.language = :language and t.slug = :slug", Tag.class)
                        .setParameter("language", language).setParameter("slug", Slugs.of(name)).getResultStream().findFirst()
                        .orElseGet(() -> {
                            Tag t = new Tag(name, Slugs.of(name), language);
                            em.persist(t);
                            return t;
                        });
                s.getTags().add(tag);
            }
            em.persist(s);
            return s.getId();
        });
    }
}
