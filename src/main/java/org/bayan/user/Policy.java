package org.bayan.user;

import org.bayan.platform.Forbidden;

import org.bayan.statement.Statement;
import org.bayan.statement.Status;

/**
 * Who may do what: every editorial rule in one place, asked by the services on every change
 * (hiding a button is only a courtesy).
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

    public static boolean canEdit(Staff who, Statement s) {
        if (s.getStatus() == Status.TRASHED) {
            return false; // restore it first
        }
        return who.isEditor() || (isOwn(who, s) && (s.getStatus() == Status.DRAFT || s.getStatus() == Status.IN_REVIEW));
    }

    public static boolean canSubmit(Staff who, Statement s) {
        return canEdit(who, s) && (s.getStatus() == Status.DRAFT || s.getStatus() == Status.IN_REVIEW);
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

    public static boolean canView(Staff who, Statement s) {
        return who.isEditor() || isOwn(who, s);
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

    private static boolean isOwn(Staff who, Statement s) {
        return s.getAuthor() != null && s.getAuthor().getId() == who.id();
    }
}
