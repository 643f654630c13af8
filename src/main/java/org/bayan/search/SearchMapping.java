package org.bayan.search;

import org.bayan.statement.Statement;
import org.bayan.tag.Tag;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.model.path.PojoModelPath;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;

/**
 * What the search index holds of a statement, declared here rather than on the entities so
 * that statements and tags know nothing of search. Hibernate Search keeps the index in step
 * with every change it commits.
 */
public final class SearchMapping implements HibernateOrmSearchMappingConfigurer {

    /**
     * Named after its layout: when the fields or their analysers change, the name does (here its
     * number goes up), and an upgraded site finds the new index empty and builds it at start-up
     * ({@link SearchService#atStartUp()}). A cluster cannot change the analysers of an
     * index it has, and Lucene files written with the old ones would not match new queries.
     * v2: Arabic and Turkish analysed without stop words, Arabic marks and alef wasla normalised.
     */
    static final String STATEMENT_INDEX = "statement-by-language-v2";

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();

        TypeMappingStep statement = mapping.type(Statement.class);
        statement.indexed().index(STATEMENT_INDEX);
        // Title, lead and text, each analysed in the statement's own language.
        statement.binder(new StatementTextBinder());
        statement.property("language").keywordField();
        statement.property("status").keywordField();
        statement.property("publishedAt").genericField().sortable(Sortable.YES);
        statement.property("publishedOn").genericField();
        statement.property("sectionId").genericField()
                .indexingDependency().derivedFrom(PojoModelPath.parse("section"));
        statement.property("tags").indexedEmbedded().includePaths("name", "slug")
                // A renamed, merged or deleted tag re-indexes its statements itself (TagService), in batches.
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);

        TypeMappingStep tag = mapping.type(Tag.class);
        tag.property("name").fullTextField().analyzer(SearchAnalysis.ENGLISH);
        tag.property("slug").keywordField();
    }
}
