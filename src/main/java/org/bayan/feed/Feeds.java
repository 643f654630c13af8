package org.bayan.feed;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bayan.platform.persistence.Transactions;
import org.bayan.section.SectionNode;
import org.bayan.section.SectionTree;
import org.bayan.section.Sections;
import org.bayan.statement.PublicStatements;
import org.bayan.statement.Statement;
import org.bayan.statement.StatementRepository;
import org.bayan.statement.Teasers;
import org.bayan.tag.Tag;

/**
 * The newest visible statements of the whole site, a section or a tag, for its feed. Each
 * method is one read-only unit of work of two queries: the statements, then their tags.
 */
public final class Feeds {

    /** How many statements a feed carries: enough to catch up on, small enough to poll often. */
    public static final int SIZE = 20;

    private final Transactions tx;
    private final Sections sections;
    private final Clock clock;
    private final StatementRepository repository = new StatementRepository();

    public Feeds(Transactions tx, Sections sections, Clock clock) {
        this.tx = tx;
        this.sections = sections;
        this.clock = clock;
    }

    List<FeedItem> latest() {
        return inSections(null);
    }

    /** A section's feed carries what its subsections publish too, as its page lists it. */
    List<FeedItem> section(SectionNode section) {
        return inSections(sections.tree().subtreeIds(section));
    }

    /** The feed of a tag, or empty if there is no such tag. */
    Optional<Tagged> tag(String slug) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree();
        return tx.inTransaction(em -> em.createQuery("select t from Tag t where t.slug = :slug", Tag.class)
                .setParameter("slug", slug).getResultStream().findFirst()
                .map(tag -> new Tagged(tag.getName(), tag.getSlug(),
                        items(em, tree, repository.pageTagged(em, tag.getId(), now, 0, SIZE)))));
    }

    record Tagged(String name, String slug, List<FeedItem> items) {
    }

    private List<FeedItem> inSections(Collection<Long> sectionIds) {
        Instant now = clock.instant();
        SectionTree tree = sections.tree();
        return tx.inTransaction(em -> items(em, tree, repository.page(em, sectionIds, null, null, now, 0, SIZE)));
    }

    private static List<FeedItem> items(EntityManager em, SectionTree tree, List<Statement> statements) {
        Map<Long, List<String>> tags = tagNames(em, statements.stream().map(Statement::getId).toList());
        List<FeedItem> items = new ArrayList<>();
        for (Statement s : statements) {
            tree.byId(s.getSection().getId()).ifPresent(section -> items.add(new FeedItem(s.getId(), s.getTitle(),
                    PublicStatements.url(section, s), s.getPublishedAt(), s.getUpdatedAt(),
                    Teasers.of(s.getLead(), s.getBody()), s.getBody(), s.getSource(), s.getLanguage(),
                    tags.getOrDefault(s.getId(), List.of()))));
        }
        return items;
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
