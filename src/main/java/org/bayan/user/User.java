package org.bayan.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.OptimisticLock;

/** A member of staff. The password hash names its own algorithm (Shiro's format). */
@Entity
@Table(name = "app_user")
public class User {

    public enum Role { AUTHOR, EDITOR, ADMIN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    /** The staff area's language for this member of staff (ar, en, tr); null for the site's default. */
    @jakarta.persistence.Column(length = 8)
    private String language;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "author_page", nullable = false)
    private boolean authorPage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Set for a generated one-time password: the first login must choose a new one. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** Not a change to the account: a login while an admin has the list open must not make the admin's change stale. */
    @OptimisticLock(excluded = true)
    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Version
    private long version;

    protected User() {
    }

    public User(String username, String displayName, Role role, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public Role getRole() { return role; }
    public boolean isEnabled() { return enabled; }
    /** Whether readers have a page of this account's statements, {@code /author/{id}}. */
    public boolean hasAuthorPage() { return authorPage; }
    public void setAuthorPage(boolean listed) { this.authorPage = listed; }
    public void setRole(Role role) { this.role = role; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public void setLastLoginAt(Instant lastLoginAt) { this.lastLoginAt = lastLoginAt; }
    public long getVersion() { return version; }
}
