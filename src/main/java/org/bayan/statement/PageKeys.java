package org.bayan.statement;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bayan.section.Section;
import org.bayan.tag.Tag;

/**
 * The names of what a public page shows, for the page cache: each page says which of these it
 * shows, and a change to a statement names those it touches, so a save purges only the pages
 * that show the statement, list it, or may list it now (platform.web.PageCache). One place for
 * both sides, so they cannot spell a key two ways.
 *
 * <p>A statement readers can see touches: its own page; the pages of its neighbours in its
 * section and of its published translations (they link to it); its section and every section
 * above it (their listings, date archives and feeds); its tags (their pages and feeds, and their
 * counterparts' pages, whose language links depend on it); its author's page; and what lists
 * every statement: the home page and the site's feeds, the tag cloud, search results and the
 * sitemaps; and the count of its day in its section ({@link #days}). A statement page shows the
 * statements it links to as related too, so trashing one purges the pages that name it; a newly published statement joins other statements' related
 * lists when those pages are next rendered for another reason.
 */
public final class PageKeys {

    /** The home page and the site's own feeds. */
    public static final String HOME = "home";
    public static final String TAG_CLOUD = "tags";
    public static final String SEARCH = "search";
    public static final String SITEMAP = "sitemap";

    private static final StatementRepository REPOSITORY = new StatementRepository();

    private PageKeys() {
    }

    public static String statement(long id) { return "statement-" + id; }
    public static String section(long id) { return "section-" + id; }
    public static String tag(long id) { return "tag-" + id; }
    public static String author(long id) { return "author-" + id; }

    /**
     * Not a page but a count: the statements of a language in a section on a day, which every
     * listing of that section, its date archives and the home page are paged by (DayCounts).
     * A change names it so that those counts are brought up to date on that day alone.
     */
    static String days(String language, long sectionId, LocalDate day) {
        return "days-" + sectionId + "-" + day + "-" + language;
    }

    /** A day's count named by {@link #days}. */
    record Day(String language, long sectionId, LocalDate day) {
    }

    /** The day's count this key names, if it names one. */
    static Optional<Day> day(String key) {
        if (!key.startsWith("days-")) {
            return Optional.empty();
        }
        int dash = key.indexOf('-', 5);
        if (dash < 0 || key.length() < dash + 13) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Day(key.substring(dash + 12), Long.parseLong(key.substring(5, dash)),
                    LocalDate.parse(key.substring(dash + 1, dash + 11))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What a statement's page shows: itself, its neighbours, related statements and translations. */
    public static List<String> of(StatementPage page) {
        List<String> keys = new ArrayList<>();
        keys.add(statement(page.id()));
        if (page.older() != null) keys.add(statement(page.older().id()));
        if (page.newer() != null) keys.add(statement(page.newer().id()));
        page.related().forEach(r -> keys.add(statement(r.id())));
        page.translations().forEach(t -> keys.add(statement(t.id())));
        return keys;
    }

    /**
     * The pages a statement touches as it stands, in the transaction that changes it (before the
     * change and again after it): nothing if readers cannot see it now. Three or four small
     * queries: its two neighbours, its translations, and its tags' counterparts.
     */
    static Set<String> touchedBy(EntityManager em, Statement s, Instant now) {
        if (!s.isPublicAt(now)) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>(List.of(statement(s.getId()), HOME, TAG_CLOUD, SEARCH, SITEMAP,
                days(s.getLanguage(), s.getSection().getId(), s.getPublishedOn())));
        for (Section section = s.getSection(); section != null; section = section.getParent()) {
            keys.add(section(section.getId()));
        }
        List<Long> counterparts = new ArrayList<>();
        for (Tag t : s.getTags()) {
            keys.add(tag(t.getId()));
            if (t.getCounterparts() != null) {
                counterparts.add(t.getCounterparts());
            }
        }
        if (!counterparts.isEmpty()) { // their pages link to this tag's in their language switch
            em.createQuery("select t.id from Tag t where t.counterparts in :sets", Long.class).setParameter("sets", counterparts)
                    .getResultList().forEach(id -> keys.add(tag(id)));
        }
        if (s.getAuthor() != null) {
            keys.add(author(s.getAuthor().getId()));
        }
        REPOSITORY.neighbourIds(em, s, now).forEach(id -> keys.add(statement(id)));
        em.createQuery("select s.id from Statement s where " + StatementRepository.IN_SET + " and s.id <> :id", Long.class)
                .setParameter("set", s.translationSetId()).setParameter("id", s.getId())
                .getResultList().forEach(id -> keys.add(statement(id)));
        return keys;
    }
}
