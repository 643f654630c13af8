package org.bayan.search;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.bayan.media.Picture;
import org.bayan.platform.config.Languages;
import org.unbescape.html.HtmlEscape;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.web.KeptPerVersion;
import org.bayan.section.SectionNode;
import org.bayan.section.SectionTree;
import org.bayan.section.Sections;
import org.bayan.statement.PublicStatements;
import org.bayan.statement.Statement;
import org.bayan.statement.Status;
import org.bayan.user.Policy;
import org.bayan.user.Staff;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full-text search over public statements: title (weighted most), tags, lead and text, in every
 * language's fields or in one language's (see {@link SearchAnalysis}), with quoted phrases,
 * highlighted snippets and filters. Visibility is part of every query, so a draft or a statement
 * scheduled for later is never found.
 */
public final class SearchService {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    /** How far before the newest change {@link #catchUp} indexes again, and at most how many statements. */
    private static final java.time.Duration CATCH_UP = java.time.Duration.ofMinutes(1);
    private static final int CATCH_UP_MAX = 1000;
    public static final int MAX_QUERY_LENGTH = 200;

    private final Transactions tx;
    private final Sections sections;
    private final Clock clock;
    /** Result pages of the current content version: when news breaks, many readers ask the same. */
    private final KeptPerVersion<Asked, Results> results;

    public SearchService(Transactions tx, Sections sections, Clock clock) {
        this(tx, sections, clock, null);
    }

    /**
     * @param contentVersion the version of public content (see ContentVersion): result pages
     *                       are kept until it moves on; null to search afresh every time
     */
    public SearchService(Transactions tx, Sections sections, Clock clock, LongSupplier contentVersion) {
        this.tx = tx;
        this.sections = sections;
        this.clock = clock;
        this.results = new KeptPerVersion<>(contentVersion, 5_000);
    }

    private record Asked(Query query, int offset, int limit) {
    }

    /**
     * What a reader asked for; every filter may be null.
     *
     * @param language a language code such as "ar": only statements in that language are found,
     *                 the query analysed as that language; null for statements in every language
     */
    public record Query(String text, SectionNode section, String tagSlug, LocalDate from, LocalDate to,
                        String language) {

        /** A query over statements in every language. */
        public Query(String text, SectionNode section, String tagSlug, LocalDate from, LocalDate to) {
            this(text, section, tagSlug, from, to, null);
        }
    }

    /** One hit: the statement's address and date line, and snippets with {@code <mark>} around matches. */
    /**
     * One statement found. {@code titleHtml} is HTML: the title escaped, with the highlighter's
     * {@code <mark>} tags where it matched. {@code otherLanguage} and {@code otherDir} are null unless the hit is shown
     * on a page of another language (see {@link #elsewhere}), so that only such a hit carries
     * {@code lang} and {@code dir} of its own.
     */
    public record Hit(long id, String title, String titleHtml, String url, LocalDate publishedOn, SectionNode section,
                      String snippetHtml, String language, String otherLanguage, String otherDir, Picture image) {

        /** The same hit on a page of another language: linked at its own language's address, marked with its language. */
        public Hit elsewhere(String ownUrl) {
            return new Hit(id, title, titleHtml, ownUrl, publishedOn, section, snippetHtml, language, language,
                    Languages.direction(language), image);
        }
    }

    public record Results(List<Hit> hits, long total) {
    }

    public Results search(Query q, int offset, int limit) {
        return results.get(new Asked(q, offset, limit), () -> searchIndex(q, offset, limit));
    }

    private Results searchIndex(Query q, int offset, int limit) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree();
        return tx.read(em -> {
            SearchSession session = Search.session(em);
            SearchResult<Hit> result = session.search(Statement.class)
                    .select(f -> f.composite()
                            .from(highlights(f, f.entity(Statement.class).toProjection()))
                            .asList(values -> hit(values)))
                    .where(f -> f.bool(b -> {
                        var fields = f.simpleQueryString().field("tags.name").boost(2f);
                        for (SearchAnalysis.Language language : languages(q)) {
                            fields = fields.field(SearchAnalysis.field(StatementTextBinder.TITLE, language)).boost(4f)
                                    .field(SearchAnalysis.field(StatementTextBinder.LEAD, language)).boost(1.5f)
                                    .field(SearchAnalysis.field(StatementTextBinder.TEXT, language));
                        }
                        b.must(fields
                                .matching(q.text())
                                .defaultOperator(BooleanOperator.AND)
                                .flags(SimpleQueryFlag.AND, SimpleQueryFlag.OR, SimpleQueryFlag.NOT,
                                        SimpleQueryFlag.PHRASE, SimpleQueryFlag.PREFIX, SimpleQueryFlag.WHITESPACE));
                        b.filter(f.terms().field("status").matchingAny(Status.RELEASED));
                        b.filter(f.range().field("publishedAt").atMost(now));
                        if (q.language() != null) {
                            b.filter(f.match().field("language").matching(q.language()));
                        }
                        if (q.section() != null) {
                            b.filter(f.terms().field("sectionId").matchingAny(tree.subtreeIds(q.section())));
                        }
                        if (q.tagSlug() != null) {
                            b.filter(f.match().field("tags.slug").matching(q.tagSlug()));
                        }
                        if (q.from() != null || q.to() != null) {
                            b.filter(f.range().field("publishedOn").between(q.from(), q.to()));
                        }
                    }))
                    .highlighter(h -> h.plain().tag("<mark>", "</mark>").fragmentSize(180).numberOfFragments(1)
                            .noMatchSize(180).encoder(HighlighterEncoder.HTML))
                    .sort(f -> f.score().then().field("publishedAt").desc())
                    .fetch(offset, limit);
            return new Results(result.hits(), result.total().hitCount());
        });
    }

    /**
     * The languages whose fields a query looks into: the asked one's (a language Bayan has no
     * analyser for is indexed in the site's fields, see {@link StatementTextBinder}), or all.
     */
    private static List<SearchAnalysis.Language> languages(Query q) {
        return q.language() == null ? SearchAnalysis.LANGUAGES : List.of(SearchAnalysis.of(q.language()));
    }

    /** The entity, then the highlighted title and text in each language (only its own has any). */
    private static SearchProjection<?>[] highlights(SearchProjectionFactory<?, ?> f, SearchProjection<?> entity) {
        List<SearchProjection<?>> all = new ArrayList<>();
        all.add(entity);
        for (SearchAnalysis.Language language : SearchAnalysis.LANGUAGES) {
            all.add(f.highlight(SearchAnalysis.field(StatementTextBinder.TITLE, language)).toProjection());
            all.add(f.highlight(SearchAnalysis.field(StatementTextBinder.TEXT, language)).toProjection());
        }
        return all.toArray(SearchProjection<?>[]::new);
    }

    @SuppressWarnings("unchecked")
    private Hit hit(List<?> values) {
        Statement s = (Statement) values.get(0);
        String title = null;
        String snippet = null;
        for (int i = 1; i < values.size(); i += 2) {
            title = title != null ? title : first((List<String>) values.get(i));
            snippet = snippet != null ? snippet : first((List<String>) values.get(i + 1));
        }
        // Its address and section in its own language's tree.
        SectionNode section = sections.tree(s.getLanguage()).byId(s.getSection().getId()).orElseThrow();
        // A title without a highlight is escaped here, so the page shows titleHtml alone.
        return new Hit(s.getId(), s.getTitle(), title != null ? title : HtmlEscape.escapeHtml4Xml(s.getTitle()),
                PublicStatements.url(section, s), s.getPublishedOn(), section, snippet, s.getLanguage(), null, null,
                // The page's images in one query (Media's batch size), not one per hit.
                Picture.of(s.getImage(), s.getImageAlt(), null, null));
    }

    private static String first(List<String> highlights) {
        return highlights.isEmpty() ? null : highlights.get(0);
    }

    /** Rebuilds the whole index from the database (admins only); returns when it is done. */
    public void rebuild(Staff who) {
        Policy.require(Policy.canManageUsers(who), "rebuild the search index");
        rebuild();
    }

    void rebuild() {
        tx.run(em -> {
            try {
                Search.session(em).massIndexer(Statement.class).threadsToLoadObjects(2).startAndWait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("index rebuild interrupted", e);
            }
        });
        log.info("Search index rebuilt");
    }

    /**
     * At start-up, for a crash: the statements changed in the last minute before the newest
     * change the database holds are indexed again. The local index writes a change to disk within
     * a second of it (SearchConfiguration), so a kill can only have lost changes that close to the
     * last one; after a clean stop this redoes a handful of statements. A statement deleted for good,
     * or a tag merged or deleted, in that second can stay in the index as it was until a rebuild.
     */
    private void catchUp() {
        tx.run(em -> {
            java.time.Instant newest = em.createQuery("select max(s.updatedAt) from Statement s", java.time.Instant.class)
                    .getSingleResult();
            if (newest == null) {
                return;
            }
            java.util.List<Long> ids = em.createQuery("select s.id from Statement s where s.updatedAt >= :since", Long.class)
                    .setParameter("since", newest.minus(CATCH_UP)).setMaxResults(CATCH_UP_MAX).getResultList();
            new StatementReindex().reindex(em, ids);
        });
    }

    /**
     * At start-up: an index that is empty while the database has statements is rebuilt (e.g.
     * after a restore); else what a crash may have kept off it is indexed again ({@link #catchUp}).
     */
    public void atStartUp() {
        boolean empty = tx.inTransaction(em -> Search.session(em).search(Statement.class)
                .where(f -> f.matchAll()).fetchTotalHitCount() == 0
                && em.createQuery("select count(s) from Statement s", Long.class).getSingleResult() > 0);
        if (empty) {
            log.info("Search index is empty: building it from the database");
            rebuild();
        } else {
            catchUp();
        }
    }
}
