package org.bayan.user;

import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * Where staff actions are recorded. Declared here, where every service that changes something
 * can reach it, and kept by the audit log (org.bayan.audit), which also shows it to admins.
 */
public interface AuditTrail {

    /**
     * Records a change inside the same transaction as the change itself, so that a change and
     * its record stand or fall together.
     */
    void record(EntityManager em, Actor actor, String action, String targetType, Long targetId, String detail);

    /** Records an event about the actor in a transaction of its own (logins, logouts). */
    void record(Actor actor, String action, String detail);

    /**
     * Who recorded the latest change to a target ({@code section}, {@code tag}, {@code user}):
     * the name a conflict page gives for "saved by".
     */
    Optional<String> lastChangedBy(EntityManager em, String targetType, long targetId);
}
