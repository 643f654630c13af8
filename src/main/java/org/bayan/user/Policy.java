package org.bayan.user;

import org.bayan.platform.Forbidden;

/**
 * Who may do what, by role: asked by the services on every change (hiding a button is only a
 * courtesy). The rules that also depend on a statement's status and author build on these, in
 * org.bayan.statement.StatementPolicy.
 * <ul>
 * <li>An author writes statements, edits their own while they are drafts or in review, and
 *     submits them for review; nothing else.</li>
 * <li>An editor does everything to every statement, and manages tags and sections.</li>
 * <li>An admin does all an editor does, manages users, reads the audit log and deletes for good.</li>
 * </ul>
 */
public final class Policy {

    private Policy() {
    }

    /** Publish now, schedule, unpublish. */
    public static boolean canPublish(Staff who) {
        return who.isEditor();
    }

    public static boolean canTrash(Staff who) {
        return who.isEditor();
    }

    public static boolean canDeleteForGood(Staff who) {
        return who.isAdmin();
    }

    public static boolean canManageTaxonomy(Staff who) {
        return who.isEditor();
    }

    public static boolean canManageUsers(Staff who) {
        return who.isAdmin();
    }

    public static boolean canReadAudit(Staff who) {
        return who.isAdmin();
    }

    public static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new Forbidden(what);
        }
    }
}
