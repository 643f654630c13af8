package org.bayan.statement;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Queries for what readers may see. Each one carries the same visibility rule (released and
 * due), so no public page can show a draft, a statement in review, a trashed one or one
 * scheduled for later.
 */
public final class StatementRepository {

    /**
     * The visibility rule, for a statement aliased {@code s}; bind its parameters with
     * {@link #visible}. Public so that feeds and sitemaps, which select other columns, apply
     * the very same rule instead of a copy of it. The statuses are written out (those of
     * {@link Status#RELEASED}) rather than bound as a list: Hibernate cannot keep the SQL of a
     * query with a list parameter and would translate it afresh on every page.
     */
    public static final String VISIBLE = "s.status in (" + Status.RELEASED.stream()
            .map(status -> Status.class.getName() + "." + status.name())
            .collect(Collectors.joining(", ")) + ") and s.publishedAt <= :now";

    /** A statement aliased {@code s} is in the language bound to {@code :language}: every listing shows one. */
    public static final String IN_LANGUAGE = "s.language = :language";

    /**
     * A statement aliased {@code s} is in the translation set bound to {@code :set}: the set is
     * named after its first statement, which itself has no set of its own (see Statement#translationSetId).
     * Written as one id lookup over two index lookups, not as {@code translationSet = :set or id = :set}:
     * H2 answers an {@code or} of two columns by reading every statement (110,000 rows for one
     * statement page on the benchmark's archive).
     */
    public static final String IN_SET = "s.id in (select x.id from Statement x where x.translationSet = :set"
            + " union all select x.id from Statement x where x.id = :set)";

    /** One page of visible statements of a language in the given sections (all sections if null), newest first. */
    public List<Statement> page(EntityManager em, String language, Collection<Long> sectionIds, LocalDate from, LocalDate to,
                                Instant now, int offset, int limit) {
        StringBuilder q = new StringBuilder("select s from Statement s left join fetch s.image where ").append(VISIBLE).append(" and ").append(IN_LANGUAGE);
        if (sectionIds != null) q.append(" and s.section.id in :sections");
        if (from != null) q.append(" and s.publishedOn between :from and :to");
        q.append(" order by s.publishedAt desc, s.id desc");
        TypedQuery<Statement> query = visible(em.createQuery(q.toString(), Statement.class), now)
                .setParameter("language", language);
        if (sectionIds != null) query.setParameter("sections", sectionIds);
        if (from != null) query.setParameter("from", from).setParameter("to", to);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** How many visible statements of a language an author wrote. */
    public long countByAuthor(EntityManager em, String language, long authorId, Instant now) {
        return visible(em.createQuery("select count(s) from Statement s where " + VISIBLE + " and " + IN_LANGUAGE
                + " and s.author.id = :author", Long.class), now)
                .setParameter("language", language).setParameter("author", authorId).getSingleResult();
    }

    /** One page of an author's visible statements in a language, newest first (index ix_statement_author_published). */
    public List<Statement> pageByAuthor(EntityManager em, String language, long authorId, Instant now, int offset, int limit) {
        return visible(em.createQuery("select s from Statement s left join fetch s.image where " + VISIBLE + " and " + IN_LANGUAGE
                + " and s.author.id = :author order by s.publishedAt desc, s.id desc", Statement.class), now)
                .setParameter("language", language).setParameter("author", authorId)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * One page of visible statements carrying a tag, newest first, published between two days
     * (inclusive): the {@link DayWindow} that holds the page. For a popular tag the database
     * reads those days' statements of the tag's language and checks the tag on each (its newest
     * statements lie on a few recent days); for the others it reads the tag's few statements.
     */
    public List<Statement> pageTagged(EntityManager em, String language, long tagId, long tagTotal, LocalDate from,
                                      LocalDate to, Instant now, int offset, int limit) {
        // By day, the language (the tag's) leads the day index it reads: without it, a scan of every
        // statement. By tag, it is left out: it would lead the database away from the tag's own rows.
        boolean byDay = tagTotal > POPULAR_TAG;
        String q = byDay
                ? "select s from Statement s left join fetch s.image where exists (select t.id from s.tags t where t.id = :tag)"
                        + " and s.language = :language and " + VISIBLE
                // The tag's statements by key: joined to the tag in the query itself, with the images' outer
                // join beside it, H2 would read every statement instead of the tag's rows (QueryPlansTest).
                : "select s from Statement s left join fetch s.image where s.id in"
                        + " (select x.id from Statement x join x.tags t where t.id = :tag) and " + VISIBLE;
        TypedQuery<Statement> query = visible(em.createQuery(q + " and s.publishedOn between :from and :to"
                        + " order by s.publishedAt desc, s.id desc", Statement.class), now)
                .setParameter("tag", tagId).setParameter("from", from).setParameter("to", to);
        if (byDay) {
            query.setParameter("language", language);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * Above this many statements a tag's page is read by day rather than by tag: about where
     * the two cost the same with a few dozen statements a day.
     */
    static final long POPULAR_TAG = 1_000;

    /**
     * How many visible statements carrying the tag with this slug in a language each day has:
     * rows of [tag id, tag name, tag slug, day, count], none if no visible statement carries it.
     * A tag is a word of one language and its statements are of that language.
     */
    public List<Object[]> countsByDayTagged(EntityManager em, String language, String slug, Instant now) {
        return visible(em.createQuery("select t.id, t.name, t.slug, s.publishedOn, count(s) from Statement s"
                + " join s.tags t where t.language = :language and t.slug = :slug and " + VISIBLE + " and " + IN_LANGUAGE
                + " group by t.id, t.name, t.slug, s.publishedOn", Object[].class), now)
                .setParameter("slug", slug).setParameter("language", language).getResultList();
    }

    /**
     * How many visible statements each day has, for the sections given (all if null). One
     * small grouped query gives a listing's total, its calendar and its month counts.
     */
    public SortedMap<LocalDate, Integer> countsByDay(EntityManager em, String language, Collection<Long> sectionIds, Instant now) {
        String q = "select s.publishedOn, count(s) from Statement s where " + VISIBLE + " and " + IN_LANGUAGE
                + (sectionIds != null ? " and s.section.id in :sections" : "")
                + " group by s.publishedOn";
        TypedQuery<Object[]> query = visible(em.createQuery(q, Object[].class), now).setParameter("language", language);
        if (sectionIds != null) query.setParameter("sections", sectionIds);
        SortedMap<LocalDate, Integer> days = new TreeMap<>();
        for (Object[] row : query.getResultList()) {
            days.put((LocalDate) row[0], ((Number) row[1]).intValue());
        }
        return days;
    }

    /**
     * {@link #countsByDay} on these days only: how many visible statements each has (a day
     * without any is left out). One query a day and section (or a day, for all sections),
     * each an equality on (language, section, day) in ix_statement_lang_section_on_time or on
     * (language, day) in ix_statement_lang_on_time: given the sections as a list, H2 would read
     * every statement of the language instead.
     */
    public SortedMap<LocalDate, Integer> countsOnDays(EntityManager em, String language, Collection<Long> sectionIds,
                                                      Collection<LocalDate> days, Instant now) {
        SortedMap<LocalDate, Integer> counted = new TreeMap<>();
        for (LocalDate day : days) {
            long count = sectionIds == null ? countOn(em, language, null, day, now)
                    : sectionIds.stream().mapToLong(section -> countOn(em, language, section, day, now)).sum();
            if (count > 0) {
                counted.put(day, (int) count);
            }
        }
        return counted;
    }

    /** How many visible statements of a language a day has in a section (in all, for null). */
    private static long countOn(EntityManager em, String language, Long section, LocalDate day, Instant now) {
        TypedQuery<Long> query = visible(em.createQuery("select count(s) from Statement s where " + VISIBLE + " and " + IN_LANGUAGE
                + " and s.publishedOn = :day" + (section == null ? "" : " and s.section.id = :section"), Long.class), now)
                .setParameter("language", language).setParameter("day", day);
        if (section != null) query.setParameter("section", section);
        return query.getSingleResult();
    }

    /** A visible statement with its tags, image and attachments, in one query. */
    public Optional<Statement> findVisible(EntityManager em, long id, Instant now) {
        return visible(em.createQuery("select s from Statement s left join fetch s.tags left join fetch s.image"
                + " left join fetch s.attachments a left join fetch a.media where s.id = :id and "
                + VISIBLE, Statement.class), now).setParameter("id", id).getResultList().stream().findFirst();
    }

    /** Another visible statement of the section and language bound to {@code :section}, {@code :id} and {@code :language}. */
    private static final String NEIGHBOUR = " from Statement s where s.section.id = :section and s.id <> :id and " + VISIBLE
            + " and " + IN_LANGUAGE;
    /** Before the statement bound to {@code :at} and {@code :id} in its section's order. */
    private static final String BEFORE = "(s.publishedAt < :at or (s.publishedAt = :at and s.id < :id))";
    /** After it. */
    private static final String AFTER = "(s.publishedAt > :at or (s.publishedAt = :at and s.id > :id))";
    /** Before it, the nearest first. */
    private static final String OLDER = BEFORE + " order by s.publishedAt desc, s.id desc";
    /** After it, the nearest first. */
    private static final String NEWER = AFTER + " order by s.publishedAt asc, s.id asc";

    /**
     * The ids of a statement's visible neighbours just before and just after it in its section,
     * as its page links them ({@link #surroundings}), found without its day counts: the pages
     * a change to it touches (see PageKeys). Each is the first row of one walk along
     * {@code ix_statement_lang_section_time} (language, section, time, id), from the statement
     * on: H2 walks an index in order only when the order names every column of the index up to
     * the sorted ones and a bound on the time starts the walk where the statement is, so both
     * are spelt out (without them it reads and sorts the whole section, 70,000 rows at 100,000
     * statements, for each side). Readers see the older neighbour before {@code :now} as the
     * statement itself is, so binding {@code :now} to the statement's time gives H2 one bound.
     */
    List<Long> neighbourIds(EntityManager em, Statement s, Instant now) {
        Instant at = s.getPublishedAt();
        if (at == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        firstAlong(em, s, "s.publishedAt <= :at and " + BEFORE
                + " order by s.language, s.section.id, s.publishedAt desc, s.id desc", at.isBefore(now) ? at : now).ifPresent(ids::add);
        firstAlong(em, s, "s.publishedAt >= :at and " + AFTER
                + " order by s.language desc, s.section.id desc, s.publishedAt, s.id", now).ifPresent(ids::add);
        return ids;
    }

    /** The id of the first visible neighbour of a statement on one side ({@link #neighbourIds}), readers' time bound to {@code now}. */
    private static Optional<Long> firstAlong(EntityManager em, Statement s, String side, Instant now) {
        return visible(em.createQuery("select s.id" + NEIGHBOUR + " and " + side, Long.class), now)
                .setParameter("section", s.getSection().getId()).setParameter("id", s.getId())
                .setParameter("language", s.getLanguage()).setParameter("at", s.getPublishedAt())
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * What a statement page shows around a statement, in one round trip: its visible neighbours
     * just before and just after it in its section (either may be missing; the nearest days with
     * statements around its day bound the search), and the visible statements sharing the most
     * of its tags, ties newest first. Only what links to them need is read, not their text.
     */
    public Surroundings surroundings(EntityManager em, Statement s, Collection<Long> tagIds, Instant now,
                                     LocalDate olderFrom, LocalDate newerTo, int relatedLimit) {
        String columns = "s.id, s.title, s.slug, s.section.id, s.publishedOn, s.publishedAt";
        String q = "(select 1, " + columns + ", cast(0 as Long)" + NEIGHBOUR
                + " and s.publishedOn between :olderFrom and :day and " + OLDER + " limit 1)"
                + " union all (select 2, " + columns + ", cast(0 as Long)" + NEIGHBOUR
                + " and s.publishedOn between :day and :newerTo and " + NEWER + " limit 1)";
        // Its published translations, each with its language before its slug (one column of text).
        q += " union all (select 4, s.id, s.title, concat(s.language, '|', s.slug), s.section.id, s.publishedOn,"
                + " s.publishedAt, cast(0 as Long) from Statement s where " + IN_SET
                + " and s.id <> :id and " + VISIBLE + ")";
        if (!tagIds.isEmpty()) {
            q += " union all (select 3, " + columns + ", count(t.id)"
                    + " from Statement s join s.tags t where t.id in :tags and s.id <> :id and " + VISIBLE + " and " + IN_LANGUAGE
                    + " group by " + columns
                    + " order by count(t.id) desc, s.publishedAt desc, s.id desc limit " + relatedLimit + ")";
        }
        TypedQuery<Object[]> query = visible(em.createQuery(q, Object[].class), now)
                .setParameter("olderFrom", olderFrom).setParameter("newerTo", newerTo).setParameter("day", s.getPublishedOn())
                .setParameter("section", s.getSection().getId()).setParameter("id", s.getId())
                .setParameter("at", s.getPublishedAt()).setParameter("language", s.getLanguage())
                .setParameter("set", s.translationSetId());
        if (!tagIds.isEmpty()) {
            query.setParameter("tags", tagIds);
        }
        Neighbour older = null;
        Neighbour newer = null;
        List<Related> related = new ArrayList<>();
        List<Translated> translations = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            int kind = ((Number) row[0]).intValue();
            long id = ((Number) row[1]).longValue();
            if (kind == 4) {
                String[] languageAndSlug = ((String) row[3]).split("\\|", 2);
                translations.add(new Translated(id, (String) row[2], languageAndSlug[1], languageAndSlug[0],
                        ((Number) row[4]).longValue()));
            } else if (kind == 1) {
                older = new Neighbour(id, (String) row[2], (String) row[3]);
            } else if (kind == 2) {
                newer = new Neighbour(id, (String) row[2], (String) row[3]);
            } else {
                related.add(new Related(id, (String) row[2], (String) row[3], ((Number) row[4]).longValue(),
                        (LocalDate) row[5], (Instant) row[6], ((Number) row[7]).intValue()));
            }
        }
        // A union promises no order: the related ones are put back in theirs.
        related.sort(Comparator.comparingInt(Related::sharedTags).thenComparing(Related::publishedAt)
                .thenComparingLong(Related::id).reversed());
        translations.sort(Comparator.comparing(Translated::language));
        return new Surroundings(new Neighbours(older, newer), List.copyOf(related), List.copyOf(translations));
    }

    /**
     * The published translations of every statement of a language whose id lies between two
     * (a sitemap's run of statements, in id order), in one query however many there are:
     * statement id to its visible siblings in the other languages. Two halves, each an index
     * lookup per statement and no list to bind: the siblings named after the statement's set
     * ({@link #IN_SET}'s first half), and the set's first statement, named after itself. The
     * range is read by id alone, whatever the language (given the language too, H2 reads it
     * through a language index, every statement of that language): the answer holds statements
     * of other languages and ones readers may not see, for the caller to leave out.
     */
    public Map<Long, List<Translated>> translationsBetween(EntityManager em, String language, long first, long last, Instant now) {
        String columns = "select x.id, s.id, s.title, s.slug, s.language, s.section.id from Statement x join Statement s on ";
        String range = " where x.id between :first and :last and s.id <> x.id and s.language <> :language and " + VISIBLE;
        String q = "(" + columns + "s.translationSet = coalesce(x.translationSet, x.id)" + range + ") union all ("
                + columns + "s.id = x.translationSet" + range + ")";
        Map<Long, List<Translated>> byStatement = new HashMap<>();
        for (Object[] row : visible(em.createQuery(q, Object[].class), now).setParameter("language", language)
                .setParameter("first", first).setParameter("last", last).getResultList()) {
            byStatement.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add(new Translated(
                    ((Number) row[1]).longValue(), (String) row[2], (String) row[3], (String) row[4], ((Number) row[5]).longValue()));
        }
        return byStatement;
    }

    /** A published translation of a statement, as much of it as a link needs. */
    public record Translated(long id, String title, String slug, String language, long sectionId) {
    }

    public record Neighbours(Neighbour older, Neighbour newer) {
    }

    /** A neighbouring statement, as much of it as a link needs. */
    public record Neighbour(long id, String title, String slug) {
    }

    /** A statement sharing tags with another, as much of it as a link and its date line need. */
    public record Related(long id, String title, String slug, long sectionId, LocalDate publishedOn,
                          Instant publishedAt, int sharedTags) {
    }

    /** A statement's neighbours, related statements and published translations, see {@link #surroundings}. */
    public record Surroundings(Neighbours neighbours, List<Related> related, List<Translated> translations) {
    }

    /**
     * Every tag carried by at least one visible statement, with how many, alphabetically: rows
     * of [name, slug, count], in one grouped query.
     */
    public List<Object[]> tagCounts(EntityManager em, String language, Instant now) {
        return visible(em.createQuery("select t.name, t.slug, count(s.id) from Statement s join s.tags t where "
                + VISIBLE + " and " + IN_LANGUAGE + " and t.language = :language"
                + " group by t.id, t.name, t.slug order by lower(t.name), t.name", Object[].class), now)
                .setParameter("language", language).getResultList();
    }

    /**
     * The tags of other languages linked with a tag that a visible statement carries (the others
     * have no page): rows of [language, slug], for the language switcher.
     */
    public List<Object[]> tagCounterparts(EntityManager em, long tagId, Instant now) {
        return visible(em.createQuery("select o.language, o.slug from Tag t, Tag o where t.id = :id"
                + " and o.counterparts = t.counterparts and o.id <> t.id"
                + " and exists (select s.id from Statement s join s.tags x where x.id = o.id and " + VISIBLE + ")",
                Object[].class), now).setParameter("id", tagId).getResultList();
    }

    /**
     * The current slug of the tag that once had this slug (renamed or merged), if that tag
     * carries a visible statement: a redirect would otherwise name a tag readers may not see yet.
     */
    public Optional<String> tagRedirect(EntityManager em, String language, String oldSlug, Instant now) {
        return visible(em.createQuery("select t.slug from TagRedirect r join r.tag t"
                + " where r.key.language = :language and r.key.oldSlug = :slug"
                + " and exists (select s.id from Statement s join s.tags x where x.id = t.id and " + VISIBLE + ")",
                String.class), now).setParameter("slug", oldSlug).setParameter("language", language)
                .getResultStream().findFirst();
    }

    /** Binds the parameters of {@link #VISIBLE}. */
    public static <T> TypedQuery<T> visible(TypedQuery<T> query, Instant now) {
        return query.setParameter("now", now);
    }

    /** Every tag name, alphabetically: the editor suggests from these. */
    public List<String> tagNames(EntityManager em) {
        return em.createQuery("select t.name from Tag t order by lower(t.name)", String.class).getResultList();
    }
}
