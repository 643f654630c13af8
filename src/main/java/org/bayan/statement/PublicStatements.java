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
    private final KeptPerVersion<Boolean, TagCloud> cloud;
    private final KeptPerVersion<Long, StatementRepository.Surroundings> surroundings;

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
        this.cloud = new KeptPerVersion<>(contentVersion, 1);
        this.surroundings = new KeptPerVersion<>(contentVersion, RELATED_KEPT);
    }

    /** Per-day counts of a section (or of all, for null), from the cache while content is unchanged. */
    private SortedMap<LocalDate, Integer> days(EntityManager em, List<Long> sectionIds) {
        return counts.sections(em, sectionIds, clock);
    }

    /** A section's per-day counts (its subsections' included), as kept for the current content version. */
    public SortedMap<LocalDate, Integer> days(SectionNode section) {
        List<Long> ids = sections.tree().subtreeIds(section);
        return tx.read(em -> days(em, ids));
    }

    /** The newest statements of the whole site. */
    public Listing latest(int offset, int limit) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree();
        return tx.read(em -> {
            SortedMap<LocalDate, Integer> days = days(em, null);
            List<StatementSummary> items = DayWindow.of(days, offset, limit)
                    .map(w -> summaries(tree, repository.page(em, null, w.from(), w.to(), now, w.offset(), limit)))
                    .orElse(List.of());
            return new Listing(items, sum(days), days);
        });
    }

    /**
     * A section's statements (its subsections' included), optionally within a date range
     * ({@code from} and {@code to} inclusive, both null for all dates).
     */
    public Listing section(SectionNode section, LocalDate from, LocalDate to, int offset, int limit) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree();
        List<Long> ids = tree.subtreeIds(section);
        return tx.read(em -> {
            SortedMap<LocalDate, Integer> days = days(em, ids);
            SortedMap<LocalDate, Integer> period = from == null ? days : days.subMap(from, to.plusDays(1));
            List<StatementSummary> items = DayWindow.of(period, offset, limit)
                    .map(w -> summaries(tree, repository.page(em, ids, w.from(), w.to(), now, w.offset(), limit)))
                    .orElse(List.of());
            return new Listing(items, sum(period), days);
        });
    }

    /** The statements carrying a tag, or empty if no visible statement carries a tag of this slug. */
    public Optional<Tagged> tagged(String tagSlug, int offset, int limit) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree();
        return tx.read(em -> counts.tag(em, tagSlug, clock).map(tag -> {
            List<StatementSummary> items = DayWindow.of(tag.days(), offset, limit)
                    .map(w -> summaries(tree, repository.pageTagged(em, tag.id(), tag.total(), w.from(), w.to(), now, w.offset(), limit)))
                    .orElse(List.of());
            return new Tagged(tag.name(), tag.slug(), new Listing(items, tag.total(), null));
        }));
    }

    /**
     * Where the old address of a renamed or merged tag leads now, or empty if nowhere a reader
     * may go (no such old slug, or the tag it became carries no visible statement).
     */
    public Optional<String> tagRedirect(String oldSlug) {
        Instant now = clock.instant();
        return tx.read(em -> repository.tagRedirect(em, oldSlug, now));
    }

    public record Tagged(String name, String slug, Listing listing) {
    }

    /**
     * One visible statement with its neighbours in its section and the statements sharing most
     * of its tags, or empty if readers may not see it.
     */
    public Optional<StatementPage> statement(long id) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree();
        return tx.read(em -> repository.findVisible(em, id, now).flatMap(s -> {
            Optional<SectionNode> section = tree.byId(s.getSection().getId());
            if (section.isEmpty()) {
                return Optional.empty();
            }
            StatementRepository.Surroundings around = surroundings(em, s);
            StatementRepository.Neighbours n = around.neighbours();
            return Optional.of(StatementPage.of(s, section.get(), s.getPublishedOn(),
                    link(section.get(), n.older()), link(section.get(), n.newer()), related(tree, around.related())));
        }));
    }

    /**
     * A statement's neighbours in its section and its related statements, kept per statement
     * until content changes: counting shared tags reads every statement of a popular tag.
     */
    private StatementRepository.Surroundings surroundings(EntityManager em, Statement s) {
        return surroundings.get(s.getId(), () -> {
            Instant now = clock.instant(); // read after the version: see DayCounts#sections
            // The neighbours lie on the nearest days with statements around this one's day.
            SortedMap<LocalDate, Integer> days = days(em, List.of(s.getSection().getId()));
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
    public TagCloud tagCloud() {
        return cloud.get(true, () -> tx.read(em -> TagCloud.of(repository.tagCounts(em, clock.instant()).stream()
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
        return n == null ? null : new StatementPage.Link(n.title(), url(section, n.id(), n.slug()));
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
                Teasers.of(s.getLead(), s.getBody()), s.getLead(), s.getBody(), s.getSource(), s.getLanguage());
    }

    private static long sum(SortedMap<LocalDate, Integer> days) {
        return DayCounts.sum(days);
    }
}
