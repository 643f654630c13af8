package org.bayan.importer;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.bayan.platform.text.Slugs;
import org.bayan.user.User;

/**
 * An old site's author as a staff account: disabled, with no password carried over (an admin
 * enables it and gives one), the old login as the user name where it is free (else with -2,
 * -3…), the name shown as it was, and an author page for readers, as the old site had a listing
 * of each author's items (an admin may withdraw it).
 */
final class ImportedAccounts {

    private ImportedAccounts() {
    }

    /** Makes the account; its id. */
    static long create(EntityManager em, String login, String fallback, String name, Instant now) {
        String base = StatementWriter.cut(Slugs.of(login == null || login.isBlank() ? fallback : login), 60);
        if (base.isEmpty()) base = fallback;
        String username = base;
        for (int n = 2; !em.createQuery("select u from User u where u.username = :u", User.class)
                .setParameter("u", username).getResultList().isEmpty(); n++) {
            username = base + "-" + n;
        }
        User user = new User(username, StatementWriter.cut(name == null || name.isBlank() ? username : name, 100), User.Role.AUTHOR, now);
        user.setEnabled(false);
        user.setAuthorPage(true);
        em.persist(user);
        em.flush();
        return user.getId();
    }
}
