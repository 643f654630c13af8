package org.bayan.statement;

import org.bayan.user.Policy;
import org.bayan.user.Staff;

/**
 * Who may do what to one statement, by its status and author, on top of the rights each role
 * has ({@link Policy}).
 * <ul>
 * <li>An author writes statements, edits their own while they are drafts or in review, and
 *     submits them for review; nothing else.</li>
 * <li>An editor does everything to every statement.</li>
 * <li>A trashed statement is restored before anyone edits it.</li>
 * </ul>
 */
public final class StatementPolicy {

    private StatementPolicy() {
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

    public static boolean canView(Staff who, Statement s) {
        return who.isEditor() || isOwn(who, s);
    }

    private static boolean isOwn(Staff who, Statement s) {
        return s.getAuthor() != null && s.getAuthor().getId() == who.id();
    }
}
