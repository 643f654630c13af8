package org.bayan.tag;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Told which statements a merge or a deletion of a tag changed, inside that transaction.
 * Search finds statements by their tags' names and filters by their slugs, so it indexes
 * them again (see org.bayan.search.StatementReindex); tags know no statement themselves.
 */
public interface RetaggedStatements {

    void reindex(EntityManager em, List<Long> statementIds);
}
