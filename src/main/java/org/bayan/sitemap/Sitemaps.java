package org.bayan.sitemap;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bayan.platform.persistence.Transactions;
import org.bayan.section.SectionNode;
import org.bayan.section.SectionTree;
import org.bayan.section.Sections;
import org.bayan.media.ImageSizes;
import org.bayan.statement.PublicStatements;
import org.bayan.statement.StatementRepository;

/**
 * What the sitemaps list: every public address, as one sequence cut into files of at most
 * {@link #MAX_URLS}: the home page, the tag cloud and the sections, then the tags that carry
 * visible statements, then every visible statement by id. The first file thus holds the pages
 * and the first statements. Each address comes with its counterparts in the site's other
 * languages, for the alternates: a statement's published translations (read for a whole run of
 * statements in one query), a tag's counterparts that carry a public statement (one query per
 * file), a section in each language's tree, every language's home and tag cloud. Queries select
 * a few columns and are bounded by the file size, never loading statements whole, never one per address.
 */
public final class Sitemaps {

    /** The sitemap protocol's limit of addresses per file. */
    public static final int MAX_URLS = 50_000;
    /** Statements of a file are read in chunks of this many rows. */
    static final int CHUNK = 5_000;
    /** Google News takes statements of the last two days, at most a thousand. */
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    static final int NEWS_MAX = 1_000;

    private static final String TAGGED = "from Statement s join s.tags t where " + StatementRepository.VISIBLE
            + " and " + StatementRepository.IN_LANGUAGE + " and t.language = :language";

    private final Transactions tx;
    private final Sections sections;
    private final StatementRepository repository = new StatementRepository();
    private final Clock clock;
    private final int perFile;

    public Sitemaps(Transactions tx, Sections sections, Clock clock) {
        this(tx, sections, clock, MAX_URLS);
    }

    /** With a smaller file size, so tests can see the cut without writing 50,000 statements. */
    Sitemaps(Transactions tx, Sections sections, Clock clock, int perFile) {
        this.tx = tx;
        this.sections = sections;
        this.clock = clock;
        this.perFile = perFile;
    }

    /**
     * The numbered sitemap files for the index (at least one, holding the home page), each with
     * the latest change among the statements it lists, so a crawler re-reads only the files that
     * changed; a file of pages and tags alone has no date.
     */
    List<SitemapUrl> index(String language) {
        Instant now = clock.instant();
        int pages = pages(language).size();
        return tx.read(em -> {
            long tags = countTags(em, language, now);
            long statements = countStatements(em, language, now);
            int files = files(pages + tags + statements);
            List<SitemapUrl> index = new ArrayList<>();
            for (int n = 1; n <= files; n++) {
                Slice s = Slice.of((long) (n - 1) * perFile, (long) n * perFile, pages + tags, statements);
                index.add(new SitemapUrl("/sitemap-" + n + ".xml", s.limit() == 0 ? null : lastChange(em, language, now, s)));
            }
            return index;
        });
    }

    /** Sitemap file {@code n} (from 1), or empty if there is no such file. */
    Optional<List<SitemapUrl>> file(String language, int n) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree(language);
        List<SitemapUrl> pages = pages(language);
        return tx.read(em -> {
            long tags = countTags(em, language, now);
            long statements = countStatements(em, language, now);
            if (n < 1 || n > files(pages.size() + tags + statements)) {
                return Optional.empty();
            }
            long from = (long) (n - 1) * perFile;
            long to = from + perFile;
            List<SitemapUrl> urls = new ArrayList<>();
            Slice p = Slice.of(from, to, 0, pages.size());
            urls.addAll(pages.subList(p.offset(), p.offset() + p.limit()));
            Slice t = Slice.of(from, to, pages.size(), tags);
            if (t.limit() > 0) {
                urls.addAll(tags(em, language, now, t));
            }
            Slice s = Slice.of(from, to, pages.size() + tags, statements);
            for (int done = 0; done < s.limit(); done += CHUNK) {
                urls.addAll(statements(em, language, tree, now, s.offset() + done, Math.min(CHUNK, s.limit() - done)));
            }
            return Optional.of(urls);
        });
    }

    /** The visible statements published in the last two days, newest first. */
    List<NewsUrl> news(String language) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree(language);
        return tx.read(em -> {
            List<NewsUrl> news = new ArrayList<>();
            for (Object[] row : StatementRepository.visible(em.createQuery(
                    "select s.id, s.slug, s.section.id, s.title, s.publishedAt, s.language from Statement s where "
                            + StatementRepository.VISIBLE + " and " + StatementRepository.IN_LANGUAGE + " and s.publishedAt >= :since"
                            + " order by s.publishedAt desc, s.id desc", Object[].class), now).setParameter("language", language)
                    .setParameter("since", now.minus(NEWS_WINDOW)).setMaxResults(NEWS_MAX).getResultList()) {
                tree.byId((Long) row[2]).ifPresent(section -> news.add(new NewsUrl(
                        PublicStatements.url(section, (Long) row[0], (String) row[1]),
                        (String) row[3], (Instant) row[4], (String) row[5])));
            }
            return news;
        });
    }

    private int files(long urls) {
        return (int) Math.max(1, (urls + perFile - 1) / perFile);
    }

    /** The site's languages other than this one: those an address's counterparts can be in. */
    private List<String> others(String language) {
        return sections.languages().stream().filter(other -> !other.equals(language)).toList();
    }

    /**
     * The pages that are not statements or tags: home, the tag cloud, every section. Every
     * language has the first two and the whole section tree, each section at its own path there.
     */
    private List<SitemapUrl> pages(String language) {
        List<String> others = others(language);
        List<SitemapUrl> pages = new ArrayList<>();
        for (String path : List.of("/", "/tag")) {
            Map<String, String> counterparts = new HashMap<>();
            others.forEach(other -> counterparts.put(other, path));
            pages.add(new SitemapUrl(path, null, counterparts));
        }
        sections.tree(language).roots().forEach(root -> addSections(root, others, pages));
        return pages;
    }

    private void addSections(SectionNode node, List<String> others, List<SitemapUrl> pages) {
        Map<String, String> counterparts = new HashMap<>();
        others.forEach(other -> sections.tree(other).byId(node.id()).ifPresent(n -> counterparts.put(other, n.path())));
        pages.add(new SitemapUrl(node.path(), null, counterparts));
        node.children().forEach(child -> addSections(child, others, pages));
    }

    private static long countTags(EntityManager em, String language, Instant now) {
        return StatementRepository.visible(em.createQuery("select count(distinct t.id) " + TAGGED, Long.class), now).setParameter("language", language)
                .getSingleResult();
    }

    /** A file's run of tags, by slug, each with its counterparts that have a page: one query for the slugs, one for the counterparts. */
    private List<SitemapUrl> tags(EntityManager em, String language, Instant now, Slice slice) {
        List<String> slugs = StatementRepository.visible(em.createQuery("select t.slug " + TAGGED
                        + " group by t.slug order by t.slug", String.class), now).setParameter("language", language)
                .setFirstResult(slice.offset()).setMaxResults(slice.limit()).getResultList();
        if (slugs.isEmpty()) {
            return List.of();
        }
        // The run's slugs are those between its first and last in the database's own order; a
        // counterpart has a page (and a place in its language's sitemap) as this tag has: it
        // carries a visible statement of its language.
        List<String> others = others(language);
        Map<String, Map<String, String>> counterparts = new HashMap<>();
        for (Object[] row : StatementRepository.visible(em.createQuery("select t.slug, o.language, o.slug from Tag t, Tag o"
                        + " where t.language = :language and t.slug between :first and :last"
                        + " and o.counterparts = t.counterparts and o.id <> t.id and exists (select s.id from Statement s"
                        + " join s.tags x where x.id = o.id and s.language = o.language and " + StatementRepository.VISIBLE + ")",
                Object[].class), now).setParameter("language", language).setParameter("first", slugs.get(0))
                .setParameter("last", slugs.get(slugs.size() - 1)).getResultList()) {
            if (others.contains((String) row[1])) {
                counterparts.computeIfAbsent((String) row[0], slug -> new HashMap<>()).put((String) row[1], "/tag/" + row[2]);
            }
        }
        return slugs.stream().map(slug -> new SitemapUrl("/tag/" + slug, null, counterparts.getOrDefault(slug, Map.of()))).toList();
    }

    private static long countStatements(EntityManager em, String language, Instant now) {
        return StatementRepository.visible(em.createQuery("select count(s) from Statement s where "
                + StatementRepository.VISIBLE + " and " + StatementRepository.IN_LANGUAGE, Long.class), now)
                .setParameter("language", language).getSingleResult();
    }

    /** The latest edit or publication among a file's statements: those between its first and last id. */
    private static Instant lastChange(EntityManager em, String language, Instant now, Slice slice) {
        Long first = idAt(em, language, now, slice.offset());
        Long last = idAt(em, language, now, slice.offset() + slice.limit() - 1);
        Object[] latest = StatementRepository.visible(em.createQuery("select max(s.updatedAt), max(s.publishedAt)"
                        + " from Statement s where " + StatementRepository.VISIBLE + " and " + StatementRepository.IN_LANGUAGE + " and s.id between :first and :last",
                Object[].class), now).setParameter("language", language).setParameter("first", first).setParameter("last", last).getSingleResult();
        Instant updated = (Instant) latest[0];
        Instant published = (Instant) latest[1];
        return updated.isAfter(published) ? updated : published;
    }

    private static Long idAt(EntityManager em, String language, Instant now, int position) {
        return StatementRepository.visible(em.createQuery("select s.id from Statement s where "
                + StatementRepository.VISIBLE + " and " + StatementRepository.IN_LANGUAGE + " order by s.id", Long.class), now).setParameter("language", language)
                .setFirstResult(position).setMaxResults(1).getSingleResult();
    }

    /**
     * Statements in id order, which new ones only ever extend, so files stay stable; each with
     * its published translations, read for the whole run in one more query.
     */
    private List<SitemapUrl> statements(EntityManager em, String language, SectionTree tree, Instant now, int offset, int limit) {
        List<Object[]> rows = StatementRepository.visible(em.createQuery(
                "select s.id, s.slug, s.section.id, s.updatedAt, s.publishedAt, i.hash, i.contentType from Statement s"
                        + " left join s.image i where " + StatementRepository.VISIBLE + " and " + StatementRepository.IN_LANGUAGE + " order by s.id", Object[].class), now).setParameter("language", language)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<StatementRepository.Translated>> translations = repository.translationsBetween(em, language,
                (Long) rows.get(0)[0], (Long) rows.get(rows.size() - 1)[0], now);
        List<String> others = others(language);
        List<SitemapUrl> urls = new ArrayList<>();
        for (Object[] row : rows) {
            Instant updated = (Instant) row[3];
            Instant published = (Instant) row[4];
            // Each translation at its address in its own language's tree, as its page links it.
            Map<String, String> counterparts = new HashMap<>();
            for (StatementRepository.Translated t : translations.getOrDefault((Long) row[0], List.of())) {
                if (others.contains(t.language())) {
                    sections.tree(t.language()).byId(t.sectionId()).ifPresent(section ->
                            counterparts.put(t.language(), PublicStatements.url(section, t.id(), t.slug())));
                }
            }
            tree.byId((Long) row[2]).ifPresent(section -> urls.add(new SitemapUrl(
                    PublicStatements.url(section, (Long) row[0], (String) row[1]),
                    updated.isAfter(published) ? updated : published, counterparts,
                    row[5] == null ? null : ImageSizes.fullPath((String) row[5], (String) row[6]))));
        }
        return urls;
    }

    /** The part of a segment of the sequence [start, start + length) inside the window [from, to). */
    record Slice(int offset, int limit) {
        static Slice of(long from, long to, long start, long length) {
            long first = Math.min(Math.max(from - start, 0), length);
            long end = Math.min(Math.max(to - start, 0), length);
            return new Slice((int) first, (int) (end - first));
        }
    }
}
