package org.bayan.user;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.shiro.authc.credential.PasswordService;

import org.bayan.platform.InvalidInput;
import org.bayan.platform.StaleVersion;
import org.bayan.platform.StaleVersion.Field;
import org.bayan.platform.StaleVersion.Text;
import org.bayan.platform.persistence.Transactions;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts: the first admin, logins, and what an admin does to users. An admin's change
 * carries the version of the account the list showed, and is refused ({@link StaleVersion}) if
 * the account changed since.
 */
public final class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    /** The first log-in's one line alone, so a test run can keep it (and nothing else of this class) quiet. */
    static final String FIRST_LOGIN_LOG = "org.bayan.user.FirstLogin";
    private static final Logger firstLogin = LoggerFactory.getLogger(FIRST_LOGIN_LOG);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";

    private final Transactions tx;
    private final PasswordService passwords;
    private final PasswordRules rules;
    private final AuditTrail audit;
    private final Clock clock;

    public UserService(Transactions tx, PasswordService passwords, PasswordRules rules, AuditTrail audit, Clock clock) {
        this.tx = tx;
        this.passwords = passwords;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    public record Credentials(long id, String passwordHash) {
        /** What a login made with these credentials keeps, to notice when they change ({@link #credentialStamp}). */
        public String stamp() {
            return credentialStamp(passwordHash);
        }
    }

    /**
     * A short digest of a password hash: it changes whenever the password is changed or reset
     * (every hash has a salt of its own), so a login that keeps it in its session notices,
     * on any server reading the same database, that it was made with a password no longer in
     * force. The digest tells nothing about the password.
     */
    public static String credentialStamp(String passwordHash) {
        if (passwordHash == null) {
            return "";
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A freshly generated password for an account, to be handed to its owner once. Not
     * serialisable on purpose, so a server that saves its sessions never writes it to disk.
     */
    public record OneTimePassword(long userId, String username, String password) implements java.io.Serializable {
        @Override
        public String toString() {
            return "OneTimePassword[" + username + "]"; // never the password itself, in any log
        }
    }

    /** The password hash of an enabled account, for the realm. */
    public Optional<Credentials> credentials(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return tx.inTransaction(em -> em.createQuery(
                        "select u from User u where u.username = :name and u.enabled = true and u.passwordHash is not null", User.class)
                .setParameter("name", canonical(username)).getResultStream().findFirst()
                .map(u -> new Credentials(u.getId(), u.getPasswordHash())));
    }

    /** The staff member behind a login, if the account still exists and is enabled. */
    public Optional<Staff> activeStaff(long id) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(User.class, id)).filter(User::isEnabled).map(Staff::of));
    }

    /**
     * The staff member behind a login made with the credentials of this {@linkplain #credentialStamp stamp}:
     * empty if the account is gone or disabled, or its password was changed or reset since.
     */
    public Optional<Staff> activeStaff(long id, String stamp) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(User.class, id)).filter(User::isEnabled)
                .filter(u -> stamp != null && java.security.MessageDigest.isEqual(
                        credentialStamp(u.getPasswordHash()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        stamp.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .map(Staff::of));
    }

    /**
     * On a database without users, creates the {@code admin} account: with the given password,
     * or with a random one-time password, written once to the log, to be changed at first login.
     */
    public void ensureAdmin(Optional<String> configuredPassword) {
        tx.run(em -> {
            if (em.createQuery("select count(u) from User u", Long.class).getSingleResult() > 0) {
                return;
            }
            User admin = new User("admin", "Administrator", User.Role.ADMIN, clock.instant());
            if (configuredPassword.isPresent()) {
                rules.problem(configuredPassword.get()).ifPresent(p -> {
                    throw new org.bayan.platform.config.SettingsException("admin.password",
                            "refused (" + p.replace("password.", "") + "): at least " + PasswordRules.MIN
                                    + " characters, not a common password");
                });
                admin.setPasswordHash(passwords.encryptPassword(configuredPassword.get()));
                log.info("Created the admin account with the password from BAYAN_ADMIN_PASSWORD");
            } else {
                String oneTime = randomPassword();
                admin.setPasswordHash(passwords.encryptPassword(oneTime));
                admin.setMustChangePassword(true);
                // One line that stands out in Tomcat's console, as the only place this password is ever shown.
                firstLogin.warn("*** FIRST LOG-IN: user name 'admin', one-time password '{}' (shown only this once;"
                        + " you choose your own password when you log in at /login) ***", oneTime);
            }
            em.persist(admin);
            audit.record(em, Actor.system(), "user.created", "user", admin.getId(), "admin (ADMIN)");
        });
    }

    public void recordLogin(long id) {
        tx.run(em -> Optional.ofNullable(em.find(User.class, id)).ifPresent(u -> u.setLastLoginAt(clock.instant())));
    }

    public List<User> list(Staff who) {
        Policy.require(Policy.canManageUsers(who), "list users");
        return tx.inTransaction(em -> em.createQuery("select u from User u order by u.username", User.class).getResultList());
    }

    /** Creates an account with a one-time password, which is returned to be handed over. */
    public OneTimePassword create(Staff who, Actor actor, String username, String displayName, User.Role role) {
        Policy.require(Policy.canManageUsers(who), "create users");
        String name = canonical(username);
        if (!name.matches(USERNAME)) {
            throw new InvalidInput("username", "user.username.invalid");
        }
        String display = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (display.length() > 200) {
            throw new InvalidInput("displayName", "field.tooLong");
        }
        if (display.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("displayName", "user.displayName.invalid");
        }
        if (role == null) {
            throw new InvalidInput("role", "user.role.invalid");
        }
        String oneTime = randomPassword();
        String hash = passwords.encryptPassword(oneTime); // slow on purpose: outside the transaction
        long id = tx.inTransaction(em -> {
            if (!em.createQuery("select u from User u where u.username = :n", User.class).setParameter("n", name)
                    .getResultList().isEmpty()) {
                throw new InvalidInput("username", "user.username.taken");
            }
            User u = new User(name, display, role, clock.instant());
            u.setPasswordHash(hash);
            u.setMustChangePassword(true);
            try {
                em.persist(u);
            } catch (ConstraintViolationException e) {
                throw new InvalidInput("username", "user.username.taken"); // created by someone else meanwhile
            }
            audit.record(em, actor, "user.created", "user", u.getId(), name + " (" + role + ")");
            return u.getId();
        });
        return new OneTimePassword(id, name, oneTime);
    }

    /** Disables or re-enables an account; a disabled one's open sessions end at their next request. Returns its username. */
    public String setEnabled(Staff who, Actor actor, long id, Long version, boolean enabled) {
        Policy.require(Policy.canManageUsers(who), "disable users");
        if (!enabled && id == who.id()) {
            throw new InvalidInput("enabled", "user.cannotDisableSelf");
        }
        long expected = StaleVersion.expected(version);
        return change(id, actor, enabled ? "user.enabled" : "user.disabled", expected,
                saved -> new Look(saved.displayName(), saved.role(), UserService.status(enabled), saved.password()),
                (em, u) -> u.setEnabled(enabled));
    }

    /**
     * Lists or withdraws the account's page for readers ({@code /author/{id}}, its published
     * statements under its display name). Returns its username.
     */
    public String setAuthorPage(Staff who, Actor actor, long id, Long version, boolean listed) {
        Policy.require(Policy.canManageUsers(who), "list author pages");
        long expected = StaleVersion.expected(version);
        return change(id, actor, listed ? "user.authorPage.listed" : "user.authorPage.withdrawn", expected,
                saved -> saved, (em, u) -> u.setAuthorPage(listed));
    }

    /** Gives an account another role, in force from its next request. Returns its username. */
    public String changeRole(Staff who, Actor actor, long id, Long version, User.Role role) {
        Policy.require(Policy.canManageUsers(who), "change roles");
        if (role == null) {
            throw new InvalidInput("role", "user.role.invalid");
        }
        // The acting admin always stays one, so there is always an admin left.
        if (id == who.id() && role != User.Role.ADMIN) {
            throw new InvalidInput("role", "user.cannotDemoteSelf");
        }
        long expected = StaleVersion.expected(version);
        return change(id, actor, "user.role", expected,
                saved -> new Look(saved.displayName(), UserService.role(role), saved.status(), saved.password()),
                (em, u) -> u.setRole(role));
    }

    /**
     * Sets a new one-time password, returned to be handed over; it must be changed at next login.
     * Every open session of the account ends at its next request.
     */
    public OneTimePassword resetPassword(Staff who, Actor actor, long id, Long version) {
        Policy.require(Policy.canManageUsers(who), "reset passwords");
        if (id == who.id()) {
            // A lost one-time password would lock the admin out: their own goes through the account page.
            throw new InvalidInput("id", "user.resetOwnPassword");
        }
        long expected = StaleVersion.expected(version);
        String oneTime = randomPassword();
        String hash = passwords.encryptPassword(oneTime);
        String name = change(id, actor, "user.passwordReset", expected,
                saved -> new Look(saved.displayName(), saved.role(), saved.status(), Text.of("users.stale.passwordReset")),
                (em, u) -> {
            u.setPasswordHash(hash);
            u.setMustChangePassword(true);
        });
        return new OneTimePassword(id, name, oneTime);
    }

    /**
     * Replaces the staff member's own password after checking the current one. Refusals name
     * the field to show them beside; nothing is changed then. Every session of the account that
     * does not take up the returned {@linkplain #credentialStamp stamp} ends at its next request.
     */
    /** The staff area's language for oneself: one of {@code allowed}, or null for the site's default. */
    public void setOwnLanguage(Staff who, Actor actor, String language, java.util.List<String> allowed) {
        if (language != null && !allowed.contains(language)) {
            throw new InvalidInput("language", "account.language.invalid");
        }
        tx.run(em -> {
            User u = em.find(User.class, who.id());
            u.setLanguage(language);
            audit.record(em, actor, "user.languageChanged", "user", who.id(), language == null ? "site default" : language);
        });
    }

    public String changeOwnPassword(Staff who, Actor actor, String current, String next, String repeated) {
        if (current == null || current.isEmpty()) {
            throw new InvalidInput("currentPassword", "password.currentWrong");
        }
        rules.problem(next).ifPresent(p -> {
            throw new InvalidInput("newPassword", p);
        });
        if (!next.equals(repeated)) {
            throw new InvalidInput("repeatPassword", "password.mismatch");
        }
        String[] stamp = new String[1];
        change(who.id(), actor, "user.passwordChanged", null, null, (em, u) -> {
            // No stored password is longer than the rules allow: a longer one is wrong without hashing it.
            if (current.length() > PasswordRules.MAX || !passwords.passwordsMatch(current, u.getPasswordHash())) {
                throw new InvalidInput("currentPassword", "password.currentWrong");
            }
            if (passwords.passwordsMatch(next, u.getPasswordHash())) {
                throw new InvalidInput("newPassword", "password.same");
            }
            u.setPasswordHash(passwords.encryptPassword(next));
            u.setMustChangePassword(false);
            stamp[0] = credentialStamp(u.getPasswordHash());
        });
        return stamp[0];
    }

    private interface Change {
        void apply(EntityManager em, User u);
    }

    /** An account as the conflict page shows it; each value a {@code String} or a {@link Text}. */
    private record Look(Object displayName, Object role, Object status, Object password) {

        static Look of(User u) {
            return new Look(u.getDisplayName(), UserService.role(u.getRole()), UserService.status(u.isEnabled()),
                    Text.of(u.isMustChangePassword() ? "users.status.mustChange" : "users.stale.ownPassword"));
        }

        List<Field> against(Look mine) {
            return List.of(new Field("displayName", "users.col.displayName", displayName, mine.displayName),
                    new Field("role", "users.col.role", role, mine.role),
                    new Field("status", "users.col.status", status, mine.status),
                    new Field("password", "users.stale.password", password, mine.password));
        }
    }

    private static Text role(User.Role role) {
        return Text.of("role." + role.name());
    }

    private static Text status(boolean enabled) {
        return Text.of(enabled ? "users.status.enabled" : "users.status.disabled");
    }

    /**
     * Applies a change to one account and records it, in one transaction; returns the username.
     * An admin's change names the version of the account it was sent from ({@code expected}): it is
     * refused, showing the saved account beside what the change would have made of it, if the
     * account changed since. A member's change to their own account has no such version (null).
     */
    private String change(long id, Actor actor, String action, Long expected, UnaryOperator<Look> mine, Change change) {
        return tx.inTransaction(em -> {
            User u = em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (u == null) {
                throw new InvalidInput("id", "user.notFound");
            }
            if (expected != null && u.getVersion() != expected) {
                Look saved = Look.of(u);
                throw new StaleVersion("user", u.getVersion(), audit.lastChangedBy(em, "user", id).orElse(null),
                        Text.of(action.replace("user.", "users.stale.asked."), u.getUsername()), saved.against(mine.apply(saved)));
            }
            change.apply(em, u);
            audit.record(em, actor, action, "user", id, u.getUsername() + (action.equals("user.role") ? " → " + u.getRole() : ""));
            return u.getUsername();
        });
    }

    /** Usernames are stored, and looked up, stripped and in lower case. */
    static String canonical(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** 20 characters from an alphabet without look-alikes: about 115 bits. */
    static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
