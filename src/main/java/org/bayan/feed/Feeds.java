package org.bayan.feed;

import jakarta.persistence.EntityManager;
import java.time.Clock;
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
import org.bayan.statement.DayCounts;
import org.bayan.statement.DayWindow;
import org.bayan.statement.PublicStatements;
import org.bayan.statement.Statement;
import org.bayan.statement.StatementRepository;

/**
 * The newest visible statements of the whole site, a section or a tag, for its feed. Each
 * method is one read-only unit of work of two queries: the statements, then their tags (and
 * the per-day counts when content has changed since they were last counted). The statements
 * are read from the few newest days that hold them (a {@link DayWindow}), never by sorting a
 * whole section or tag, so a feed costs the same at any archive size.
 */
public final class Feeds {

    /** How many statements a feed carries: enough to catch up on, small enough to poll often. */
    public static final int SIZE = 20;

    private final Transactions tx;
    private final Sections sections;
    private final Clock clock;
    private final StatementRepository repository = new StatementRepository();
    private final DayCounts counts;

    public Feeds(Transactions tx, Sections sections, Clock clock) {
        this(tx, sections, clock, DayCounts.uncached());
    }

    /** @param counts per-day counts, shared with the public pages (kept per content version there) */
    public Feeds(Transactions tx, Sections sections, Clock clock, DayCounts counts) {
        this.tx = tx;
        this.sections = sections;
        this.clock = clock;
        this.counts = counts;
    }

    List<FeedItem> latest(String language) {
        return inSections(language, null);
    }

    /** A section's feed in a language carries what its subsections publish too, as its page lists it. */
    List<FeedItem> section(String language, SectionNode section) {
        return inSections(language, sections.tree(language).subtreeIds(section));
    }

    /** The feed of a language's tag, or empty if no visible statement carries a tag of this slug there. */
    Optional<Tagged> tag(String language, String slug) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree(language);
        return tx.read(em -> counts.tag(em, language, slug, clock).map(tag -> new Tagged(tag.id(), tag.name(), tag.slug(),
                items(em, tree, DayWindow.of(tag.days(), 0, SIZE)
                        .map(w -> repository.pageTagged(em, language, tag.id(), tag.total(), w.from(), w.to(), now, w.offset(), SIZE))
                        .orElse(List.of())))));
    }

    record Tagged(long id, String name, String slug, List<FeedItem> items) {
    }

    private List<FeedItem> inSections(String language, List<Long> sectionIds) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree(language);
        return tx.read(em -> items(em, tree, DayWindow.of(counts.sections(em, language, sectionIds, clock), 0, SIZE)
                .map(w -> repository.page(em, language, sectionIds, w.from(), w.to(), now, w.offset(), SIZE))
                .orElse(List.of())));
    }

    private static List<FeedItem> items(EntityManager em, SectionTree tree, List<Statement> statements) {
        Map<Long, List<String>> tags = tagNames(em, statements.stream().map(Statement::getId).toList());
        List<FeedItem> items = new ArrayList<>();
        for (Statement s : statements) {
            tree.byId(s.getSection().getId()).ifPresent(section -> items.add(new FeedItem(s.getId(), s.getTitle(),
                    PublicStatements.url(section, s), s.getCreatedAt(), s.getPublishedAt(), s.getUpdatedAt(),
                    s.teaser(), s.getBody(), s.getSource(), s.getLanguage(),
                    tags.getOrDefault(s.getId(), List.of()), image(s))));
        }
        return items;
    }

    private static FeedItem.Image image(Statement s) {
        org.bayan.media.Media m = s.getImage();
        if (m == null) {
            return null;
        }
        org.bayan.media.Picture p = org.bayan.media.Picture.of(m, s.getImageAlt(), null, null);
        return new FeedItem.Image(org.bayan.media.ImageSizes.fullPath(m.getHash(), m.getContentType()),
                m.getContentType(), m.getBytes(), p.src(), p.srcWidth(), p.srcHeight(), s.getImageAlt());
    }

    /** The tag names of the given statements in one query, rather than one per statement. */
    private static Map<Long, List<String>> tagNames(EntityManager em, List<Long> ids) {
        Map<Long, List<String>> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        for (Object[] row : em.createQuery("select s.id, t.name from Statement s join s.tags t where s.id in :ids"
                + " order by t.name", Object[].class).setParameter("ids", ids).getResultList()) {
            names.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return names;
    }
}
