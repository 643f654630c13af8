package org.bayan.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bayan.user.Actor;
import org.bayan.testing.MutableClock;
import org.bayan.testing.TestDatabase;
import org.bayan.platform.Forbidden;
import org.bayan.user.Staff;
import org.bayan.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the audit log against a real database: newest first, in pages, filtered, admins only.
 * Runs on H2 ({@link AuditLogH2Test}) and on PostgreSQL ({@link AuditLogPostgresTest}).
 */
abstract class AuditLogContract {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final AuditLog.Filter EVERYTHING = new AuditLog.Filter(null, null, null);
    // The log refers to accounts by id only where they exist; these readers never touch the table.
    static final Staff ADMIN = new Staff(1, "admin", "Administrator", User.Role.ADMIN, false);
    static final Staff EDITOR = new Staff(2, "eda", "Eda", User.Role.EDITOR, false);
    static final Staff AUTHOR = new Staff(3, "amal", "Amal", User.Role.AUTHOR, false);

    @TempDir
    Path folder;

    TestDatabase db;
    MutableClock clock;
    AuditLog audit;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        clock = new MutableClock(NOW);
        audit = new AuditLog(db.tx(), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    void event(String actor, String action, Long target, String detail) {
        db.tx().run(em -> audit.record(em, new Actor(null, actor, "198.51.100.4"), action,
                target == null ? null : "statement", target, detail));
        clock.advance(Duration.ofSeconds(1));
    }

    static List<String> details(AuditLog.Page page) {
        return page.events().stream().map(AuditEvent::getDetail).toList();
    }

    @Test
    void newestComeFirstInPagesOfTheAskedSize() {
        for (int i = 1; i <= 120; i++) {
            event("eda", "statement.saved", (long) i, "save " + i);
        }
        AuditLog.Page first = audit.page(ADMIN, EVERYTHING, 0, 50);
        assertEquals(120, first.total());
        assertEquals(50, first.events().size());
        assertEquals("save 120", first.events().get(0).getDetail());
        assertEquals("save 71", first.events().get(49).getDetail());
        AuditLog.Page last = audit.page(ADMIN, EVERYTHING, 100, 50);
        assertEquals(20, last.events().size());
        assertEquals("save 1", last.events().get(19).getDetail());
    }

    @Test
    void eventsInTheSameInstantStillComeNewestFirst() {
        db.tx().run(em -> {
            for (int i = 1; i <= 3; i++) {
                audit.record(em, new Actor(null, "eda", null), "statement.saved", "statement", 9L, "same instant " + i);
            }
        });
        assertEquals(List.of("same instant 3", "same instant 2", "same instant 1"), details(audit.page(ADMIN, EVERYTHING, 0, 50)));
    }

    @Test
    void filtersByActionPrefixActorAndTarget() {
        event("eda", "statement.published", 7L, "published 7");
        event("amal", "statement.saved", 7L, "saved 7");
        event("amal", "statement.saved", 8L, "saved 8");
        event("amal", "login.failed", null, "failed");
        event("admin", "user.created", null, "created");

        assertEquals(List.of("saved 8", "saved 7", "published 7"), details(audit.page(ADMIN, new AuditLog.Filter("statement.", null, null), 0, 50)));
        assertEquals(List.of("failed", "saved 8", "saved 7"), details(audit.page(ADMIN, new AuditLog.Filter(null, "amal", null), 0, 50)));
        assertEquals(List.of("saved 7", "published 7"), details(audit.page(ADMIN, new AuditLog.Filter(null, null, 7L), 0, 50)));
        assertEquals(List.of("saved 7"), details(audit.page(ADMIN, new AuditLog.Filter("statement.s", "amal", 7L), 0, 50)));
        assertEquals(List.of(), details(audit.page(ADMIN, new AuditLog.Filter(null, "nobody", null), 0, 50)));
    }

    @Test
    void theActionFilterIsAPrefixNotAPattern() {
        event("eda", "statement.published", 7L, "published");
        event("eda", "login", null, "login");
        for (String pattern : List.of("%", "_", "statement_", "log_n", "!", "%published")) {
            assertEquals(0, audit.page(ADMIN, new AuditLog.Filter(pattern, null, null), 0, 50).total(), pattern);
        }
        assertEquals(1, audit.page(ADMIN, new AuditLog.Filter("log", null, null), 0, 50).total());
    }

    @Test
    void onlyAdminsReadTheLog() {
        event("eda", "login", null, null);
        assertThrows(Forbidden.class, () -> audit.page(EDITOR, EVERYTHING, 0, 50));
        assertThrows(Forbidden.class, () -> audit.page(AUTHOR, EVERYTHING, 0, 50));
        assertEquals(1, audit.page(ADMIN, EVERYTHING, 0, 50).total());
    }

    @Test
    void overlongDetailsAndNamesAreCutToFitNotRefused() {
        event("x".repeat(300), "login.failed", null, "y".repeat(5000));
        AuditEvent e = audit.page(ADMIN, EVERYTHING, 0, 1).events().get(0);
        assertEquals(64, e.getActorName().length());
        assertEquals(1000, e.getDetail().length());
    }
}
