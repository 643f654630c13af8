package org.bayan.user;

/** The member of staff making the current request, as loaded fresh from the database. */
public record Staff(long id, String username, String displayName, User.Role role, boolean mustChangePassword,
                    String language) {

    /** A member of staff who reads the staff area in the site's default language. */
    public Staff(long id, String username, String displayName, User.Role role, boolean mustChangePassword) {
        this(id, username, displayName, role, mustChangePassword, null);
    }

    public static Staff of(User u) {
        return new Staff(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.isMustChangePassword(),
                u.getLanguage());
    }

    public boolean isEditor() {
        return role == User.Role.EDITOR || role == User.Role.ADMIN;
    }

    public boolean isAdmin() {
        return role == User.Role.ADMIN;
    }
}
