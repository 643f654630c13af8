package org.bayan.platform.persistence;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.FlushMode;
import org.hibernate.SessionFactory;

/**
 * One unit of work per service method: a fresh persistence context, committed on success and
 * rolled back on any exception, closed before the method returns so nothing lazy escapes.
 */
public final class Transactions {

    private final SessionFactory sessionFactory;

    public Transactions(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        return sessionFactory.fromTransaction(session -> work.apply(session));
    }

    /**
     * A unit of work that only reads, for public pages: what it loads is read-only, so Hibernate
     * keeps no copies to compare and has nothing to flush.
     */
    public <T> T read(Function<EntityManager, T> work) {
        return sessionFactory.fromTransaction(session -> {
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
            return work.apply(session);
        });
    }

    public void run(Consumer<EntityManager> work) {
        sessionFactory.inTransaction(session -> work.accept(session));
    }
}
