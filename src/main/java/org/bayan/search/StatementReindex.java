package org.bayan.search;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.bayan.statement.Statement;
import org.bayan.tag.RetaggedStatements;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

/**
 * Indexes again, when the transaction commits, the statements whose tags were merged or
 * deleted. Hibernate Search does not follow a tag's change to every statement by itself: that
 * could load thousands at once, so they are loaded in batches.
 */
public final class StatementReindex implements RetaggedStatements {

    private static final int BATCH = 500;

    @Override
    public void reindex(EntityManager em, List<Long> statementIds) {
        if (statementIds.isEmpty()) {
            return;
        }
        em.flush();
        SearchIndexingPlan plan = Search.session(em).indexingPlan();
        for (int from = 0; from < statementIds.size(); from += BATCH) {
            em.createQuery("select s from Statement s where s.id in :ids", Statement.class)
                    .setParameter("ids", statementIds.subList(from, Math.min(from + BATCH, statementIds.size())))
                    .getResultList().forEach(plan::addOrUpdate);
        }
    }
}
