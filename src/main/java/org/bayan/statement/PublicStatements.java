package org.bayan.statement;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.LongSupplier;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.web.KeptPerVersion;
import org.bayan.section.SectionNode;
import org.bayan.section.SectionTree;
import org.bayan.section.Sections;
import org.bayan.tag.Tag;
import org.bayan.tag.TagCloud;

/**
 * What readers see: each method is one read-only unit of work returning plain view models,
 * built before the persistence context closes.
 */
public final class PublicStatements {

    private final Transactions tx;
    private final Sections sections;
    private final Clock clock;
    private final StatementRepository repository = new StatementRepository();
    private final DayCounts counts;
    private final KeptPerVersion<String, TagCloud> cloud;
    private final KeptPerVersion<Long, StatementRepository.Surroundings> surroundings;
    private final KeptPerVersion<Long, java.util.Map<String, String>> tagCounterparts;

    /** How many related statements a statement page shows at most. */
    static final int RELATED = 5;

    /** Of how many statements the related ones and the neighbours are kept: the most read ones, a few MB. */
    private static final int RELATED_KEPT = 20_000;

    public PublicStatements(Transactions tx, Sections sections, Clock clock) {
        this(tx, sections, clock, null);
    }

    /**
     * @param contentVersion the version of public content (see ContentVersion): what takes a
     *                       scan of a whole section or tag (per-day counts, related statements,
     *                       the tag cloud) is kept until it moves on; null to work it out afresh
     *                       every time
     */
    public PublicStatements(Transactions tx, Sections sections, Clock clock, LongSupplier contentVersion) {
        this(tx, sections, clock, contentVersion, new DayCounts(contentVersion));
    }

    /** The same, sharing its per-day counts with others that page by day (feeds). */
    public PublicStatements(Transactions tx, Sections sections, Clock clock, LongSupplier contentVersion,
                            DayCounts counts) {
        this.tx = tx;
        this.sections = sections;
        this.clock = clock;
        this.counts = counts;
        this.cloud = new KeptPerVersion<>(contentVersion, 8);
        this.surroundings = new KeptPerVersion<>(contentVersion, RELATED_KEPT);
        this.tagCounterparts = new KeptPerVersion<>(contentVersion, 2_000);
    }

    /** Per-day counts of a language in sections (or in all, for null), from the cache while content is unchanged. */
    private SortedMap<LocalDate, Integer> days(EntityManager em, String language, List<Long> sectionIds) {
        return counts.sections(em, language, sectionIds, clock);
    }

    /** A section's per-day counts in a language (its subsections' included), as kept for the current content version. */
    public SortedMap<LocalDate, Integer> days(String language, SectionNode section) {
        List<Long> ids = sections.tree(language).subtreeIds(section);
        return tx.read(em -> days(em, language, ids));
    }

    /** The newest statements of the whole site in a language. */
    public Listing latest(String language, int offset, int limit) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree(language);
        return tx.read(em -> {
            SortedMap<LocalDate, Integer> days = days(em, language, null);
            List<StatementSummary> items = DayWindow.of(days, offset, limit)
                    .map(w -> summaries(tree, repository.page(em, language, null, w.from(), w.to(), now, w.offset(), limit)))
                    .orElse(List.of());
            return new Listing(items, sum(days), days);
        });
    }

    /**
     * A section's statements (its subsections' included), optionally within a date range
     * ({@code from} and {@code to} inclusive, both null for all dates).
     */
    public Listing section(String language, SectionNode section, LocalDate from, LocalDate to, int offset, int limit) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree(language);
        List<Long> ids = tree.subtreeIds(section);
        return tx.read(em -> {
            SortedMap<LocalDate, Integer> days = days(em, language, ids);
            SortedMap<LocalDate, Integer> period = from == null ? days : days.subMap(from, to.plusDays(1));
            List<StatementSummary> items = DayWindow.of(period, offset, limit)
                    .map(w -> summaries(tree, repository.page(em, language, ids, w.from(), w.to(), now, w.offset(), limit)))
                    .orElse(List.of());
            return new Listing(items, sum(period), days);
        });
    }

    /**
     * The statements carrying a language's tag, or empty if no visible statement carries a tag of
     * this slug in that language. {@code counterparts}: the same topic's tag in other languages,
     * by language, slug as value (kept with the counts).
     */
    public Optional<Tagged> tagged(String language, String tagSlug, int offset, int limit) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree(language);
        return tx.read(em -> counts.tag(em, language, tagSlug, clock).map(tag -> {
            List<StatementSummary> items = DayWindow.of(tag.days(), offset, limit)
                    .map(w -> summaries(tree, repository.pageTagged(em, language, tag.id(), tag.total(), w.from(), w.to(), now, w.offset(), limit)))
                    .orElse(List.of());
            return new Tagged(tag.id(), tag.name(), tag.slug(), new Listing(items, tag.total(), null), counterparts(em, tag.id()));
        }));
    }

    private java.util.Map<String, String> counterparts(EntityManager em, long tagId) {
        return tagCounterparts.get(tagId, () -> {
            java.util.Map<String, String> bySlug = new java.util.TreeMap<>();
            repository.tagCounterparts(em, tagId, clock.instant()).forEach(r -> bySlug.put((String) r[0], (String) r[1]));
            return java.util.Map.copyOf(bySlug);
        });
    }

    /**
     * Where the old address of a renamed or merged tag leads now, or empty if nowhere a reader
     * may go (no such old slug, or the tag it became carries no visible statement).
     */
    public Optional<String> tagRedirect(String language, String oldSlug) {
        Instant now = clock.instant();
        return tx.read(em -> repository.tagRedirect(em, language, oldSlug, now));
    }

    public record Tagged(long id, String name, String slug, Listing listing, java.util.Map<String, String> counterparts) {
    }

    /**
     * The statements of an author in a language, newest first, under the name the account shows;
     * empty unless the account has an author page (an admin lists it: a name on a public page can
     * put a person at risk). Two queries and the account, whatever the page.
     */
    public Optional<Authored> byAuthor(String language, long authorId, int offset, int limit) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree(language);
        return tx.read(em -> Optional.ofNullable(em.find(org.bayan.user.User.class, authorId))
                .filter(org.bayan.user.User::hasAuthorPage)
                .map(u -> {
                    long total = repository.countByAuthor(em, language, authorId, now);
                    List<StatementSummary> items = offset >= total ? List.of()
                            : summaries(tree, repository.pageByAuthor(em, language, authorId, now, offset, limit));
                    return new Authored(u.getId(), u.getDisplayName(), new Listing(items, total, null));
                }));
    }

    public record Authored(long id, String name, Listing listing) {
    }

    /**
     * One visible statement with its neighbours in its section and the statements sharing most
     * of its tags, or empty if readers may not see it.
     */
    public Optional<StatementPage> statement(long id) {
        Instant now = clock.instant();
        return tx.read(em -> repository.findVisible(em, id, now).flatMap(s -> {
            SectionTree tree = sections.tree(s.getLanguage());
            Optional<SectionNode> section = tree.byId(s.getSection().getId());
            if (section.isEmpty()) {
                return Optional.empty();
            }
            StatementRepository.Surroundings around = surroundings(em, s);
            StatementRepository.Neighbours n = around.neighbours();
            return Optional.of(StatementPage.of(s, section.get(), s.getPublishedOn(),
                    link(section.get(), n.older()), link(section.get(), n.newer()), related(tree, around.related()),
                    translations(s, around.translations())));
        }));
    }

    /** The visible translations of a statement, each with its address in its own language's tree. */
    private List<StatementPage.Translation> translations(Statement s, List<StatementRepository.Translated> found) {
        List<StatementPage.Translation> links = new ArrayList<>();
        for (StatementRepository.Translated t : found) {
            sections.tree(t.language()).byId(t.sectionId()).ifPresent(section -> links.add(new StatementPage.Translation(
                    t.id(), t.language(), t.title(), url(section, t.id(), t.slug()), t.id() == s.translationSetId())));
        }
        return List.copyOf(links);
    }

    /**
     * A statement's neighbours in its section and its related statements, kept per statement
     * until content changes: counting shared tags reads every statement of a popular tag.
     */
    private StatementRepository.Surroundings surroundings(EntityManager em, Statement s) {
        return surroundings.get(s.getId(), () -> {
            Instant now = clock.instant(); // read after the version: see DayCounts#sections
            // The neighbours lie on the nearest days with statements around this one's day.
            SortedMap<LocalDate, Integer> days = days(em, s.getLanguage(), List.of(s.getSection().getId()));
            LocalDate day = s.getPublishedOn();
            LocalDate before = days.headMap(day).isEmpty() ? day : days.headMap(day).lastKey();
            LocalDate after = days.tailMap(day.plusDays(1)).isEmpty() ? day : days.tailMap(day.plusDays(1)).firstKey();
            List<Long> tagIds = s.getTags().stream().map(Tag::getId).toList();
            return repository.surroundings(em, s, tagIds, now, before, after, RELATED);
        });
    }

    /**
     * Every tag that at least one visible statement carries, with its count, alphabetically:
     * the tag cloud.
     */
    public TagCloud tagCloud(String language) {
        return cloud.get(language, () -> tx.read(em -> TagCloud.of(repository.tagCounts(em, language, clock.instant()).stream()
                .map(row -> new TagCloud.Count((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList())));
    }

    /** Related statements as links; one whose section is gone is left out. */
    private static List<StatementPage.Related> related(SectionTree tree, List<StatementRepository.Related> found) {
        List<StatementPage.Related> related = new ArrayList<>();
        for (StatementRepository.Related r : found) {
            tree.byId(r.sectionId()).ifPresent(section -> related.add(new StatementPage.Related(r.id(), r.title(),
                    url(section, r.id(), r.slug()), r.publishedOn(), section, r.sharedTags())));
        }
        return List.copyOf(related);
    }

    private static StatementPage.Link link(SectionNode section, StatementRepository.Neighbour n) {
        return n == null ? null : new StatementPage.Link(n.id(), n.title(), url(section, n.id(), n.slug()));
    }

    /** The public URL path of a statement: its section's path, then {@code /item/{id}-{slug}}. */
    public static String url(SectionNode section, Statement s) {
        return url(section, s.getId(), s.getSlug());
    }

    /** The same, from the columns alone, for queries that do not load whole statements. */
    public static String url(SectionNode section, long id, String slug) {
        return section.path() + "/item/" + id + "-" + slug;
    }

    private static List<StatementSummary> summaries(SectionTree tree, List<Statement> statements) {
        return statements.stream().map(s -> summary(tree, s)).toList();
    }

    private static StatementSummary summary(SectionTree tree, Statement s) {
        SectionNode section = tree.byId(s.getSection().getId()).orElseThrow();
        return new StatementSummary(s.getId(), s.getTitle(), url(section, s), s.getPublishedOn(), section,
                s.teaser(), s.getLead(), s.getBody(), s.getSource(), s.getLanguage(),
                org.bayan.media.Picture.of(s.getImage(), s.getImageAlt(), s.getImageCaption(), s.getImageCredit()));
    }

    private static long sum(SortedMap<LocalDate, Integer> days) {
        return DayCounts.sum(days);
    }
}
