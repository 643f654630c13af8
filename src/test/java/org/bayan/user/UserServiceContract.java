package org.bayan.user;

import org.bayan.platform.Forbidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordService;
import org.bayan.audit.AuditEvent;
import org.bayan.audit.AuditLog;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.StaleVersion;
import org.bayan.platform.config.SettingsException;
import org.bayan.testing.MutableClock;
import org.bayan.testing.TestDatabase;
import org.bayan.user.UserService.OneTimePassword;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff accounts against a real database: the first admin, one-time passwords, password rules,
 * who may manage accounts, and the audit lines every change leaves. Runs on H2
 * ({@link UserServiceH2Test}) and on PostgreSQL ({@link UserServicePostgresTest}).
 */
abstract class UserServiceContract {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final String ADMIN_PASSWORD = "configured admin passphrase";
    static final String FROM = "192.0.2.7";

    @TempDir
    Path folder;

    TestDatabase db;
    MutableClock clock;
    PasswordService passwords = new DefaultPasswordService();
    AuditLog audit;
    UserService users;
    Staff admin;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        clock = new MutableClock(NOW);
        audit = new AuditLog(db.tx(), clock);
        users = new UserService(db.tx(), passwords, new PasswordRules(), audit, clock);
        users.ensureAdmin(Optional.of(ADMIN_PASSWORD));
        admin = staff(users, "admin");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static Staff staff(UserService users, String username) {
        long id = users.credentials(username).orElseThrow().id();
        return users.activeStaff(id).orElseThrow();
    }

    static Actor as(Staff s) {
        return new Actor(s.id(), s.username(), FROM);
    }

    /** The account's version as the list would show it now (0 for an account that is not there). */
    Long v(long id) {
        return db.tx().inTransaction(em -> em.createQuery("select u.version from User u where u.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(0L));
    }

    /** What the login form would say: does this username and password open an enabled account? */
    boolean logsIn(String username, String password) {
        return users.credentials(username).map(c -> passwords.passwordsMatch(password, c.passwordHash())).orElse(false);
    }

    OneTimePassword create(String username, User.Role role) {
        return users.create(admin, as(admin), username, null, role);
    }

    /** An account its owner has already taken over, with a password of their own. */
    Staff member(String username, User.Role role, String password) {
        OneTimePassword p = create(username, role);
        Staff s = users.activeStaff(p.userId()).orElseThrow();
        users.changeOwnPassword(s, as(s), p.password(), password, password);
        return users.activeStaff(p.userId()).orElseThrow();
    }

    List<String> auditActions(long userId) {
        return audit.page(new AuditLog.Filter("user.", null, userId), 0, 50).events().stream()
                .map(AuditEvent::getAction).toList();
    }

    static InvalidInput refused(Executable change) {
        return assertThrows(InvalidInput.class, change);
    }

    @Test
    void firstAdminLogsInWithTheConfiguredPasswordAndNeedNotChangeIt() {
        assertTrue(logsIn("admin", ADMIN_PASSWORD));
        assertFalse(logsIn("admin", "something else entirely"));
        assertEquals(User.Role.ADMIN, admin.role());
        assertFalse(admin.mustChangePassword());
        AuditEvent created = audit.page(new AuditLog.Filter("user.created", null, admin.id()), 0, 5).events().get(0);
        assertEquals("system", created.getActorName());
    }

    @Test
    void withoutAConfiguredPasswordTheFirstAdminGetsAOneTimePasswordToChange() throws Exception {
        Path other = Files.createDirectories(folder.resolve("fresh"));
        try (TestDatabase fresh = open(other)) {
            UserService freshUsers = new UserService(fresh.tx(), passwords, new PasswordRules(), new AuditLog(fresh.tx(), clock), clock);
            List<String> logged = logOf(UserService.FIRST_LOGIN_LOG, () -> freshUsers.ensureAdmin(Optional.empty()));
            Staff firstAdmin = staff(freshUsers, "admin");
            assertTrue(firstAdmin.mustChangePassword(), "the logged one-time password must be replaced at first login");
            assertEquals(User.Role.ADMIN, firstAdmin.role());

            // One line a newcomer cannot miss in Tomcat's console, naming the user and a password that works.
            assertEquals(1, logged.size(), "lines logged: " + logged);
            var line = java.util.regex.Pattern.compile("^\\*\\*\\* FIRST LOG-IN: user name 'admin', one-time password '(\\S+)'")
                    .matcher(logged.get(0));
            assertTrue(line.find(), "the line must start with '*** FIRST LOG-IN' and name user and password: " + logged.get(0));
            String oneTime = line.group(1);
            assertTrue(freshUsers.credentials("admin").map(c -> passwords.passwordsMatch(oneTime, c.passwordHash())).orElse(false),
                    "the logged one-time password must open the admin account");
            assertTrue(logOf(UserService.FIRST_LOGIN_LOG, () -> freshUsers.ensureAdmin(Optional.empty())).isEmpty(),
                    "a second start must not log a password again");
        }
    }

    /** The messages that the logger of that name writes while {@code action} runs, at every level. */
    static List<String> logOf(String name, Runnable action) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        java.util.logging.Level before = logger.getLevel();
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) {
                messages.add(java.text.MessageFormat.format(r.getMessage().replace("'", "''").replace("{}", "{0}"),
                        r.getParameters() == null ? new Object[0] : r.getParameters()));
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        boolean parents = logger.getUseParentHandlers();
        logger.setLevel(java.util.logging.Level.ALL);
        logger.setUseParentHandlers(false); // kept here, not printed: a test run logs no password
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(parents);
            logger.setLevel(before);
        }
        return messages;
    }

    @Test
    void aSecondStartLeavesTheExistingAdminAlone() {
        users.ensureAdmin(Optional.of("another configured passphrase"));
        assertTrue(logsIn("admin", ADMIN_PASSWORD));
        assertFalse(logsIn("admin", "another configured passphrase"));
        assertEquals(1, users.list(admin).size());
    }

    @Test
    void aWeakConfiguredAdminPasswordStopsTheFirstStart() throws Exception {
        Path other = Files.createDirectories(folder.resolve("weak"));
        try (TestDatabase fresh = open(other)) {
            UserService freshUsers = new UserService(fresh.tx(), passwords, new PasswordRules(), new AuditLog(fresh.tx(), clock), clock);
            SettingsException tooShort = assertThrows(SettingsException.class, () -> freshUsers.ensureAdmin(Optional.of("admin")));
            assertTrue(tooShort.getMessage().contains("BAYAN_ADMIN_PASSWORD"), tooShort.getMessage());
            assertThrows(SettingsException.class, () -> freshUsers.ensureAdmin(Optional.of("qwerty123456")));
            assertTrue(freshUsers.credentials("admin").isEmpty(), "no admin with a weak password");
        }
    }

    @Test
    void newAccountLogsInOnceWithItsOneTimePasswordAndMustReplaceIt() {
        OneTimePassword p = create("amal", User.Role.AUTHOR);
        assertEquals("amal", p.username());
        assertTrue(p.password().length() >= PasswordRules.MIN);
        assertFalse(p.toString().contains(p.password()), "the password never reaches a log through toString");
        assertTrue(logsIn("amal", p.password()));
        Staff amal = users.activeStaff(p.userId()).orElseThrow();
        assertTrue(amal.mustChangePassword());

        users.changeOwnPassword(amal, as(amal), p.password(), "amal's own long passphrase", "amal's own long passphrase");

        assertFalse(users.activeStaff(p.userId()).orElseThrow().mustChangePassword());
        assertTrue(logsIn("amal", "amal's own long passphrase"));
        assertFalse(logsIn("amal", p.password()), "the one-time password worked once only");
        assertEquals(List.of("user.passwordChanged", "user.created"), auditActions(p.userId()));
    }

    @Test
    void aLoginMadeWithAPasswordEndsWhenThePasswordIsChangedOrReset() {
        Staff eda = member("eda", User.Role.EDITOR, "eda's first passphrase");
        String before = users.credentials("eda").orElseThrow().stamp();
        assertEquals(eda, users.activeStaff(eda.id(), before).orElseThrow());
        assertTrue(users.activeStaff(eda.id(), null).isEmpty(), "a login without a stamp is no login");
        assertTrue(users.activeStaff(eda.id(), "forged").isEmpty());

        String after = users.changeOwnPassword(eda, as(eda), "eda's first passphrase", "eda's second passphrase",
                "eda's second passphrase");
        assertTrue(users.activeStaff(eda.id(), before).isEmpty(), "logins with the old password end");
        assertEquals(eda.id(), users.activeStaff(eda.id(), after).orElseThrow().id(), "the changer's login goes on");

        users.resetPassword(admin, as(admin), eda.id(), v(eda.id()));
        assertTrue(users.activeStaff(eda.id(), after).isEmpty(), "an admin's reset ends every login of the account");
        assertEquals(users.credentials("eda").orElseThrow().stamp(), UserService.credentialStamp(
                users.credentials("eda").orElseThrow().passwordHash()));
    }

    @Test
    void theOneTimePasswordCannotBeKeptAsTheNewOne() {
        OneTimePassword p = create("amal", User.Role.AUTHOR);
        Staff amal = users.activeStaff(p.userId()).orElseThrow();
        InvalidInput same = refused(() -> users.changeOwnPassword(amal, as(amal), p.password(), p.password(), p.password()));
        assertEquals("newPassword", same.field());
        assertEquals("password.same", same.messageKey());
        assertTrue(users.activeStaff(p.userId()).orElseThrow().mustChangePassword());
    }

    @Test
    void refusedPasswordChangesSayWhyBesideTheFieldAndChangeNothing() {
        Staff eda = member("eda", User.Role.EDITOR, "eda's first passphrase");
        String current = "eda's first passphrase";
        String good = "a brand new passphrase";

        assertRefusal("newPassword", "password.tooShort", () -> users.changeOwnPassword(eda, as(eda), current, "elevenchars", "elevenchars"));
        String tooLong = "x".repeat(PasswordRules.MAX + 1);
        assertRefusal("newPassword", "password.tooLong", () -> users.changeOwnPassword(eda, as(eda), current, tooLong, tooLong));
        assertRefusal("newPassword", "password.common", () -> users.changeOwnPassword(eda, as(eda), current, "Qwerty123456", "Qwerty123456"));
        assertRefusal("repeatPassword", "password.mismatch", () -> users.changeOwnPassword(eda, as(eda), current, good, good + "!"));
        assertRefusal("currentPassword", "password.currentWrong", () -> users.changeOwnPassword(eda, as(eda), "not the password", good, good));
        assertRefusal("currentPassword", "password.currentWrong", () -> users.changeOwnPassword(eda, as(eda), "", good, good));
        assertRefusal("newPassword", "password.tooShort", () -> users.changeOwnPassword(eda, as(eda), current, null, null));

        assertTrue(logsIn("eda", current), "the password is unchanged");
        assertEquals(1, auditActions(eda.id()).stream().filter("user.passwordChanged"::equals).count(),
                "only the first, accepted change is in the log");
    }

    static void assertRefusal(String field, String key, Executable change) {
        InvalidInput e = refused(change);
        assertEquals(field, e.field(), key);
        assertEquals(key, e.messageKey());
    }

    @Test
    void editorsAndAuthorsCannotManageAccounts() {
        Staff eda = member("eda", User.Role.EDITOR, "eda's first passphrase");
        Staff amal = member("amal", User.Role.AUTHOR, "amal's first passphrase");
        long before = audit.page(new AuditLog.Filter(null, null, null), 0, 1).total();

        for (Staff who : List.of(eda, amal)) {
            assertThrows(Forbidden.class, () -> users.list(who), who.username());
            assertThrows(Forbidden.class, () -> users.create(who, as(who), "sneaky", null, User.Role.ADMIN));
            assertThrows(Forbidden.class, () -> users.setEnabled(who, as(who), admin.id(), v(admin.id()), false));
            assertThrows(Forbidden.class, () -> users.changeRole(who, as(who), who.id(), v(who.id()), User.Role.ADMIN));
            assertThrows(Forbidden.class, () -> users.resetPassword(who, as(who), admin.id(), v(admin.id())));
            assertThrows(Forbidden.class, () -> audit.page(who, new AuditLog.Filter(null, null, null), 0, 50));
        }

        assertTrue(users.credentials("sneaky").isEmpty());
        assertEquals(User.Role.EDITOR, users.activeStaff(eda.id()).orElseThrow().role());
        assertEquals(User.Role.AUTHOR, users.activeStaff(amal.id()).orElseThrow().role());
        assertTrue(logsIn("admin", ADMIN_PASSWORD), "the admin is neither disabled nor reset");
        assertEquals(before, audit.page(new AuditLog.Filter(null, null, null), 0, 1).total(), "nothing happened, nothing logged");
    }

    @Test
    void anAdminCannotDisableDemoteOrResetThemself() {
        assertRefusal("enabled", "user.cannotDisableSelf", () -> users.setEnabled(admin, as(admin), admin.id(), v(admin.id()), false));
        assertRefusal("role", "user.cannotDemoteSelf", () -> users.changeRole(admin, as(admin), admin.id(), v(admin.id()), User.Role.EDITOR));
        assertRefusal("id", "user.resetOwnPassword", () -> users.resetPassword(admin, as(admin), admin.id(), v(admin.id())));
        assertEquals(admin, users.activeStaff(admin.id()).orElseThrow());
        assertTrue(logsIn("admin", ADMIN_PASSWORD));
    }

    @Test
    void anotherAdminCanBeDisabledAndDemoted() {
        Staff ada = member("ada", User.Role.ADMIN, "ada's first passphrase");
        assertEquals("ada", users.changeRole(admin, as(admin), ada.id(), v(ada.id()), User.Role.EDITOR));
        assertEquals(User.Role.EDITOR, users.activeStaff(ada.id()).orElseThrow().role());
        assertEquals("ada", users.setEnabled(admin, as(admin), ada.id(), v(ada.id()), false));
        assertTrue(users.activeStaff(ada.id()).isEmpty());
    }

    @Test
    void usernamesAreStoredInLowerCaseCheckedAndUnique() {
        assertEquals("amal.k", users.create(admin, as(admin), "  Amal.K ", null, User.Role.AUTHOR).username());
        assertRefusal("username", "user.username.taken", () -> create("AMAL.K", User.Role.EDITOR));
        assertRefusal("username", "user.username.invalid", () -> create("a", User.Role.AUTHOR));
        assertRefusal("username", "user.username.invalid", () -> create("two words", User.Role.AUTHOR));
        assertRefusal("username", "user.username.invalid", () -> create("-dash-first", User.Role.AUTHOR));
        assertRefusal("username", "user.username.invalid", () -> create("x".repeat(65), User.Role.AUTHOR));
        assertRefusal("username", "user.username.invalid", () -> create(null, User.Role.AUTHOR));
        assertRefusal("role", "user.role.invalid", () -> create("norole", null));
        assertEquals(List.of("admin", "amal.k"), users.list(admin).stream().map(User::getUsername).toList());
    }

    @Test
    void displayNameDefaultsToTheUsernameAndIsChecked() {
        users.create(admin, as(admin), "omar", "  Omar Haddad ", User.Role.AUTHOR);
        users.create(admin, as(admin), "eda", " ", User.Role.EDITOR);
        assertEquals(List.of("Administrator", "Omar Haddad", "eda"),
                users.list(admin).stream().map(User::getDisplayName).sorted().toList());
        assertRefusal("displayName", "field.tooLong", () -> users.create(admin, as(admin), "long", "x".repeat(201), User.Role.AUTHOR));
        assertRefusal("displayName", "user.displayName.invalid", () -> users.create(admin, as(admin), "bell", "Ring\u0007", User.Role.AUTHOR));
    }

    @Test
    void aDisabledAccountCannotLogInNorActUntilEnabledAgain() {
        Staff amal = member("amal", User.Role.AUTHOR, "amal's first passphrase");

        assertEquals("amal", users.setEnabled(admin, as(admin), amal.id(), v(amal.id()), false));
        assertTrue(users.activeStaff(amal.id()).isEmpty(), "an open session ends at its next request");
        assertFalse(logsIn("amal", "amal's first passphrase"));
        assertFalse(users.list(admin).stream().filter(u -> u.getUsername().equals("amal")).findFirst().orElseThrow().isEnabled());

        users.setEnabled(admin, as(admin), amal.id(), v(amal.id()), true);
        assertTrue(logsIn("amal", "amal's first passphrase"));
    }

    @Test
    void aChangedRoleIsWhatTheNextRequestSees() {
        Staff amal = member("amal", User.Role.AUTHOR, "amal's first passphrase");
        assertFalse(amal.isEditor());
        users.changeRole(admin, as(admin), amal.id(), v(amal.id()), User.Role.EDITOR);
        Staff next = users.activeStaff(amal.id()).orElseThrow();
        assertTrue(next.isEditor());
        assertFalse(next.isAdmin());
        assertRefusal("role", "user.role.invalid", () -> users.changeRole(admin, as(admin), amal.id(), v(amal.id()), null));
    }

    @Test
    void aResetPasswordReplacesTheOldOneWithAOneTimePassword() {
        Staff amal = member("amal", User.Role.AUTHOR, "amal's first passphrase");
        OneTimePassword reset = users.resetPassword(admin, as(admin), amal.id(), v(amal.id()));
        assertEquals("amal", reset.username());
        assertEquals(amal.id(), reset.userId());
        assertFalse(logsIn("amal", "amal's first passphrase"));
        assertTrue(logsIn("amal", reset.password()));
        assertTrue(users.activeStaff(amal.id()).orElseThrow().mustChangePassword());
        assertNotEquals(reset.password(), users.resetPassword(admin, as(admin), amal.id(), v(amal.id())).password());
    }

    @Test
    void anUnknownAccountIsRefusedAsBadInput() {
        assertRefusal("id", "user.notFound", () -> users.setEnabled(admin, as(admin), 987_654, v(987_654), false));
        assertRefusal("id", "user.notFound", () -> users.changeRole(admin, as(admin), 987_654, v(987_654), User.Role.EDITOR));
        assertRefusal("id", "user.notFound", () -> users.resetPassword(admin, as(admin), 987_654, v(987_654)));
    }

    @Test
    void everyChangeToAnAccountIsLoggedWithWhoWhenAndFromWhere() {
        OneTimePassword p = create("amal", User.Role.AUTHOR);
        clock.advance(Duration.ofMinutes(1));
        users.changeRole(admin, as(admin), p.userId(), v(p.userId()), User.Role.EDITOR);
        clock.advance(Duration.ofMinutes(1));
        users.setEnabled(admin, as(admin), p.userId(), v(p.userId()), false);
        clock.advance(Duration.ofMinutes(1));
        users.setEnabled(admin, as(admin), p.userId(), v(p.userId()), true);
        clock.advance(Duration.ofMinutes(1));
        users.resetPassword(admin, as(admin), p.userId(), v(p.userId()));

        List<AuditEvent> events = audit.page(admin, new AuditLog.Filter("user.", null, p.userId()), 0, 50).events();
        assertEquals(List.of("user.passwordReset", "user.enabled", "user.disabled", "user.role", "user.created"),
                events.stream().map(AuditEvent::getAction).toList());
        for (AuditEvent e : events) {
            assertEquals("admin", e.getActorName());
            assertEquals(admin.id(), e.getActorId());
            assertEquals(FROM, e.getAddress());
            assertEquals("user", e.getTargetType());
        }
        assertEquals("amal (AUTHOR)", events.get(4).getDetail());
        assertEquals("amal → EDITOR", events.get(3).getDetail());
        assertEquals(NOW, events.get(4).getAt());
        assertFalse(events.stream().anyMatch(e -> e.getDetail() != null && e.getDetail().contains(p.password())),
                "no password in the log");
    }

    @Test
    void aChangeFromAListThatShowedAnOlderVersionOfTheAccountIsRefusedAndTheNewerChangeKept() {
        Staff ada = member("ada", User.Role.AUTHOR, "ada's first passphrase");
        Staff second = member("sam", User.Role.ADMIN, "sam's first passphrase");
        Long opened = v(ada.id()); // two admins open the list
        users.recordLogin(ada.id());
        assertEquals(opened, v(ada.id()), "a login is no change to the account: it makes no admin's list stale");
        users.changeRole(admin, as(admin), ada.id(), opened, User.Role.EDITOR);

        StaleVersion stale = assertThrows(StaleVersion.class,
                () -> users.changeRole(second, as(second), ada.id(), opened, User.Role.ADMIN));

        assertEquals("user", stale.kind());
        assertEquals("admin", stale.savedBy());
        StaleVersion.Field role = stale.fields().stream().filter(f -> f.name().equals("role")).findFirst().orElseThrow();
        assertEquals(StaleVersion.Text.of("role.EDITOR"), role.theirs());
        assertEquals(StaleVersion.Text.of("role.ADMIN"), role.mine());
        assertThrows(StaleVersion.class, () -> users.setEnabled(second, as(second), ada.id(), opened, false));
        assertThrows(StaleVersion.class, () -> users.resetPassword(second, as(second), ada.id(), opened));
        Staff kept = users.activeStaff(ada.id()).orElseThrow();
        assertEquals(User.Role.EDITOR, kept.role(), "the first change kept");
        assertFalse(kept.mustChangePassword(), "the password was not reset");
        assertTrue(logsIn("ada", "ada's first passphrase"));
        assertEquals(List.of("user.role", "user.passwordChanged", "user.created"), auditActions(ada.id()), "newest first");

        users.setEnabled(second, as(second), ada.id(), stale.version(), false);
        assertTrue(users.activeStaff(ada.id()).isEmpty(), "sent again over the saved version, it is made");
    }

    @Test
    void anAdminsChangeThatSendsNoVersionIsRefusedAsBadInput() {
        Staff ada = member("ada", User.Role.AUTHOR, "ada's first passphrase");
        for (Executable change : List.<Executable>of(() -> users.setEnabled(admin, as(admin), ada.id(), null, false),
                () -> users.changeRole(admin, as(admin), ada.id(), null, User.Role.ADMIN),
                () -> users.resetPassword(admin, as(admin), ada.id(), null))) {
            InvalidInput e = refused(change);
            assertEquals("version", e.field());
            assertEquals("admin.version.missing", e.messageKey());
        }
        assertEquals(User.Role.AUTHOR, users.activeStaff(ada.id()).orElseThrow().role());
        assertTrue(logsIn("ada", "ada's first passphrase"));
    }
}
