package org.bayan.statement;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import org.bayan.media.Media;
import org.bayan.media.MediaItem;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.text.Slugs;
import org.bayan.section.SectionNode;
import org.bayan.section.SectionTree;
import org.bayan.section.Sections;
import org.bayan.tag.Tag;
import org.bayan.user.Policy;
import org.bayan.user.Staff;

/** What the admin area reads about statements: the dashboard, the list, the editor, revisions. */
public final class StatementDesk {

    private final Transactions tx;
    private final Sections sections;
    private final Clock clock;
    private final StatementRepository repository = new StatementRepository();

    public StatementDesk(Transactions tx, Sections sections, Clock clock) {
        this.tx = tx;
        this.sections = sections;
        this.clock = clock;
    }

    /** A row of an admin list. */
    public record Row(long id, String title, Status status, boolean live, String section, String author,
                      java.time.Instant publishedAt, java.time.Instant updatedAt, String language,
                      Map<String, Status> translations) {

        /** The same row with the status of each other statement of its translation set, by language. */
        Row translated(Map<String, Status> found) {
            return new Row(id, title, status, live, section, author, publishedAt, updatedAt, language, found);
        }
    }

    public record Dashboard(Map<Status, Long> counts, List<Row> myDrafts, List<Row> awaitingReview,
                            List<Row> scheduled, List<Row> recentlyPublished, List<Row> untranslated) {
    }

    /** The dashboard of a site in one language: nothing to translate. */
    public Dashboard dashboard(Staff who) {
        return dashboard(who, 1);
    }

    /**
     * What the dashboard shows; with several languages ({@code languages}, how many the site has),
     * also the newest published statements whose translation set lacks one of them, to editors.
     */
    public Dashboard dashboard(Staff who, int languages) {
        return tx.inTransaction(em -> {
            Map<Status, Long> counts = new EnumMap<>(Status.class);
            for (Status s : Status.values()) counts.put(s, 0L);
            String own = who.isEditor() ? "" : " and s.author.id = :me";
            TypedQuery<Object[]> q = em.createQuery("select s.status, count(s) from Statement s where 1 = 1" + own
                    + " group by s.status", Object[].class);
            if (!who.isEditor()) q.setParameter("me", who.id());
            q.getResultList().forEach(r -> counts.put((Status) r[0], (Long) r[1]));
            return new Dashboard(counts,
                    rows(em, "s.status = 'DRAFT' and s.author.id = :me", "s.updatedAt desc", who, true),
                    rows(em, "s.status = 'IN_REVIEW'" + own, "s.updatedAt asc", who, !who.isEditor()),
                    rows(em, "s.status = 'SCHEDULED' and s.publishedAt > :now" + own, "s.publishedAt asc", who, !who.isEditor()),
                    rows(em, "s.status in ('PUBLISHED', 'SCHEDULED') and s.publishedAt <= :now" + own, "s.publishedAt desc", who, !who.isEditor()),
                    languages < 2 || !who.isEditor() ? List.of() : withTranslations(em, statements(em,
                            "s.status in ('PUBLISHED', 'SCHEDULED') and s.publishedAt <= :now and (select count(x) from Statement x"
                                    + " where x.id = coalesce(s.translationSet, s.id) or x.translationSet = coalesce(s.translationSet, s.id))"
                                    + " < " + languages, "s.publishedAt desc", who, false)));
        });
    }

    private List<Row> rows(EntityManager em, String where, String order, Staff who, boolean needsMe) {
        return statements(em, where, order, who, needsMe).stream().map(this::row).toList();
    }

    private List<Statement> statements(EntityManager em, String where, String order, Staff who, boolean needsMe) {
        String q = "select s from Statement s left join fetch s.author where " + where + " order by " + order;
        TypedQuery<Statement> query = em.createQuery(q, Statement.class).setMaxResults(8);
        if (needsMe) query.setParameter("me", who.id());
        if (where.contains(":now")) query.setParameter("now", clock.instant());
        return query.getResultList();
    }

    /** The filters of the statements list; any may be null. */
    public record Filter(Status status, Long sectionId, String tag, String author, String text,
                         LocalDate from, LocalDate to, String sort, String language) {

        /** The filters in every language. */
        public Filter(Status status, Long sectionId, String tag, String author, String text,
                      LocalDate from, LocalDate to, String sort) {
            this(status, sectionId, tag, author, text, from, to, sort, null);
        }
    }

    public record Rows(List<Row> rows, long total) {
    }

    public Rows list(Staff who, Filter f, int offset, int limit) {
        return tx.inTransaction(em -> {
            StringBuilder where = new StringBuilder(" where 1 = 1");
            Map<String, Object> params = new java.util.HashMap<>();
            if (!who.isEditor()) { where.append(" and s.author.id = :me"); params.put("me", who.id()); }
            if (f.status() != null) { where.append(" and s.status = :status"); params.put("status", f.status()); }
            else { where.append(" and s.status <> :trashed"); params.put("trashed", Status.TRASHED); }
            if (f.sectionId() != null) { where.append(" and s.section.id = :section"); params.put("section", f.sectionId()); }
            if (f.tag() != null) {
                where.append(" and exists (select 1 from Statement x join x.tags t where x = s and t.slug = :tag)");
                params.put("tag", f.tag());
            }
            if (f.author() != null) { where.append(" and s.author.username = :author"); params.put("author", f.author()); }
            if (f.text() != null) {
                where.append(" and (lower(s.title) like :text or lower(s.lead) like :text)");
                params.put("text", "%" + f.text().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
            }
            if (f.language() != null) { where.append(" and s.language = :language"); params.put("language", f.language()); }
            if (f.from() != null) { where.append(" and s.publishedOn >= :from"); params.put("from", f.from()); }
            if (f.to() != null) { where.append(" and s.publishedOn <= :to"); params.put("to", f.to()); }
            String order = switch (f.sort() == null ? "" : f.sort()) {
                case "published" -> "s.publishedAt desc nulls last, s.id desc";
                case "title" -> "lower(s.title), s.id";
                default -> "s.updatedAt desc, s.id desc";
            };
            TypedQuery<Statement> q = em.createQuery("select s from Statement s left join fetch s.author" + where
                    + " order by " + order, Statement.class);
            TypedQuery<Long> c = em.createQuery("select count(s) from Statement s" + where, Long.class);
            params.forEach((k, v) -> { q.setParameter(k, v); c.setParameter(k, v); });
            List<Statement> page = q.setFirstResult(offset).setMaxResults(limit).getResultList();
            return new Rows(withTranslations(em, page), c.getSingleResult());
        });
    }

    /** The statement as the editor opens it, if this staff member may see it. */
    public Optional<Snapshot> current(Staff who, long id) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(Statement.class, id))
                .filter(s -> StatementPolicy.canView(who, s))
                .map(s -> snapshot(em, s, 0, null)));
    }

    /**
     * What this staff member may do to the statement now: what {@link Policy} allows their role,
     * narrowed to what makes sense where the statement stands (a statement readers can already see
     * is not published again, only a trashed one is restored). The editor offers exactly these
     * buttons, and {@link StatementService} refuses anything else.
     */
    public record Permissions(boolean edit, boolean submit, boolean publish, boolean schedule, boolean unpublish,
                              boolean trash, boolean restore, boolean delete) {

        static Permissions of(Staff who, Statement s, Instant now) {
            boolean edit = StatementPolicy.canEdit(who, s);
            boolean live = s.isPublicAt(now);
            boolean trashed = s.getStatus() == Status.TRASHED;
            boolean release = Policy.canPublish(who) && edit && !live;
            return new Permissions(edit, StatementPolicy.canSubmit(who, s) && s.getStatus() == Status.DRAFT, release, release,
                    Policy.canPublish(who) && Status.RELEASED.contains(s.getStatus()),
                    Policy.canTrash(who) && !trashed, Policy.canTrash(who) && trashed,
                    Policy.canDeleteForGood(who) && trashed);
        }

        /** For a statement not written yet, which its writer owns as a draft. */
        public static Permissions forNew(Staff who) {
            return new Permissions(true, true, Policy.canPublish(who), Policy.canPublish(who), false, false, false, false);
        }
    }

    public Permissions permissions(Staff who, long id) {
        return tx.inTransaction(em -> Permissions.of(who, em.find(Statement.class, id), clock.instant()));
    }

    public List<Snapshot> revisions(Staff who, long id) {
        return tx.inTransaction(em -> {
            Statement s = em.find(Statement.class, id);
            if (s == null || !StatementPolicy.canView(who, s)) return List.of();
            return revisionsOf(em, id);
        });
    }

    private List<Snapshot> revisionsOf(EntityManager em, long id) {
        return em.createQuery("select r from Revision r left join fetch r.savedBy where r.statement.id = :id order by r.number desc",
                Revision.class).setParameter("id", id).getResultList().stream().map(this::snapshot).toList();
    }

    /**
     * Everything the editor shows: the statement as it stands (null for a new one), what its
     * buttons may do, the sections it can go in (and the one a new statement starts in), and the
     * tag names it suggests.
     */
    public record Editor(Snapshot current, Permissions can, List<SectionTree.Option> sectionOptions,
                         Long defaultSectionId, List<String> tagNames, String language, List<Translation> translations,
                         EditorMedia media, StatementForm.Details details, long oldSiteHits) {
    }

    /**
     * The editor's photos and documents: the featured image with this statement's words for it,
     * the attachments in order, and the library's newest files to choose from.
     */
    public record EditorMedia(MediaItem image, String imageAlt, String imageCaption, String imageCredit,
                              List<AttachmentRow> attachments, List<MediaItem> images, List<MediaItem> documents) {
    }

    /** An attached document and its title under this statement. */
    public record AttachmentRow(MediaItem document, String title) {
    }

    /** How many of the library's newest files the editor offers, of each kind. */
    static final int EDITOR_CHOICES = 24;

    /** The statement's image and attachments (fetched with it), and the library's newest files, in one query. */
    private static EditorMedia library(EntityManager em, Statement s) {
        List<MediaItem> recent = em.createQuery("select m from Media m left join fetch m.uploadedBy"
                        + " order by m.uploadedAt desc, m.id desc", Media.class)
                .setMaxResults(EDITOR_CHOICES * 2).getResultList().stream().map(MediaItem::of).toList();
        List<MediaItem> images = recent.stream().filter(MediaItem::isImage).limit(EDITOR_CHOICES).toList();
        List<MediaItem> documents = recent.stream().filter(m -> !m.isImage()).limit(EDITOR_CHOICES).toList();
        if (s == null) {
            return new EditorMedia(null, null, null, null, List.of(), images, documents);
        }
        List<AttachmentRow> attachments = s.getAttachments().stream()
                .map(a -> new AttachmentRow(MediaItem.file(a.getMedia()), a.getTitle())).toList();
        return new EditorMedia(s.getImage() == null ? null : MediaItem.file(s.getImage()), s.getImageAlt(), s.getImageCaption(),
                s.getImageCredit(), attachments, images, documents);
    }


    /** A statement of the same translation set as the one edited: its language, id, title and status. */
    public record Translation(String language, long id, String title, Status status) {
    }

    /** The translation set of a statement, itself left out, by language. One query. */
    private static List<Translation> translations(EntityManager em, Statement s) {
        return em.createQuery("select s.language, s.id, s.title, s.status from Statement s"
                        + " where " + StatementRepository.IN_SET + " and s.id <> :id order by s.language", Object[].class)
                .setParameter("set", s.translationSetId()).setParameter("id", s.getId()).getResultList().stream()
                .map(r -> new Translation((String) r[0], ((Number) r[1]).longValue(), (String) r[2], (Status) r[3]))
                .toList();
    }

    /** The editor of a statement not written yet. */
    public Editor blank(Staff who) {
        SectionTree tree = sections.tree();
        return tx.read(em -> new Editor(null, Permissions.forNew(who), tree.options(), defaultSection(tree),
                repository.tagNames(em), null, List.of(), library(em, null), StatementForm.Details.none(), 0));
    }

    /**
     * The editor of a statement, if this staff member may see it: one unit of work of a fixed
     * number of queries (the statement with its section, tags, image, attachments and last editor; the tag
     * names; its translations; the library's newest files), whatever its number
     * of tags, attachments or revisions.
     */
    public Optional<Editor> editor(Staff who, long id) {
        SectionTree tree = sections.tree();
        Instant now = clock.instant();
        return tx.read(em -> em.createQuery("select s from Statement s join fetch s.section left join fetch s.updatedBy"
                        + " left join fetch s.tags left join fetch s.image left join fetch s.attachments a left join fetch a.media"
                        + " where s.id = :id", Statement.class).setParameter("id", id)
                .getResultList().stream().findFirst()
                .filter(s -> StatementPolicy.canView(who, s))
                .map(s -> new Editor(snapshot(em, s, 0, null), Permissions.of(who, s, now), tree.options(),
                        defaultSection(tree), repository.tagNames(em), s.getLanguage(), translations(em, s),
                        library(em, s), new StatementForm.Details(s.getByline(), s.getDescription(), s.isFeatured()),
                        s.getOldSiteHits())));
    }

    private static Long defaultSection(SectionTree tree) {
        return tree.byPath(Sections.MAIN_SECTION_PATH).map(SectionNode::id).orElse(null);
    }

    /** A statement's revisions, newest first, and what its staff member may do to it now. */
    public record History(List<Snapshot> revisions, Permissions can) {

        public Optional<Snapshot> revision(int number) {
            return revisions.stream().filter(r -> r.revision() == number).findFirst();
        }
    }

    /**
     * The revisions page, if this staff member may see the statement: one unit of work of two
     * queries (the statement, its revisions with who saved them), whatever their number.
     */
    public Optional<History> history(Staff who, long id) {
        Instant now = clock.instant();
        return tx.read(em -> Optional.ofNullable(em.find(Statement.class, id))
                .filter(s -> StatementPolicy.canView(who, s))
                .map(s -> new History(revisionsOf(em, id), Permissions.of(who, s, now)))
                .filter(h -> !h.revisions().isEmpty()));
    }

    /** A statement as its public page would show it, whatever its status, and its section's lineage. */
    public record Preview(StatementPage page, List<SectionNode> lineage) {
    }

    /**
     * The statement exactly as its public page would show it, whatever its status, built as the
     * public page is ({@link StatementPage#of}); a draft is dated today. One query.
     */
    public Optional<Preview> preview(Staff who, long id) {
        return tx.read(em -> em.createQuery("select s from Statement s left join fetch s.tags left join fetch s.image"
                        + " left join fetch s.attachments a left join fetch a.media where s.id = :id", Statement.class).setParameter("id", id).getResultList().stream().findFirst()
                .filter(s -> StatementPolicy.canView(who, s))
                .flatMap(s -> sections.tree(s.getLanguage()).byId(s.getSection().getId()).map(section -> {
                    SectionTree tree = sections.tree(s.getLanguage());
                    LocalDate day = s.getPublishedOn() != null ? s.getPublishedOn() : LocalDate.now(clock);
                    return new Preview(StatementPage.of(s, section, day, null, null, List.of(), List.of()), tree.lineage(section));
                })));
    }

    static Snapshot snapshot(EntityManager em, Statement s, int revision, String note) {
        return new Snapshot(s.getId(), revision, s.getTitle(), s.getSlug(), s.getLead(), s.getBody(), s.getSource(),
                s.getStatus(), s.getPublishedAt(), s.getSection().getId(), s.getSection().getName(),
                s.getTags().stream().map(Tag::getName).collect(Collectors.joining(", ")), s.getUpdatedAt(),
                s.getUpdatedBy() == null ? null : s.getUpdatedBy().getDisplayName(), note, s.getVersion());
    }

    private Snapshot snapshot(Revision r) {
        String section = sections.tree().byId(r.getSectionId()).map(SectionNode::name).orElse("#" + r.getSectionId());
        return new Snapshot(r.getStatement().getId(), r.getNumber(), r.getTitle(), r.getSlug(), r.getLead(), r.getBody(),
                r.getSource(), r.getStatus(), r.getPublishedAt(), r.getSectionId(), section, r.getTags(), r.getSavedAt(),
                r.getSavedBy() == null ? null : r.getSavedBy().getDisplayName(), r.getNote(), 0);
    }

    /** The rows with each one's translation set, in one query for the whole page. */
    private List<Row> withTranslations(EntityManager em, List<Statement> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> sets = page.stream().map(Statement::translationSetId).distinct().toList();
        Map<Long, Map<String, Status>> bySet = new java.util.HashMap<>();
        for (Object[] r : em.createQuery("select coalesce(s.translationSet, s.id), s.language, s.status from Statement s"
                + " where s.translationSet in :sets or s.id in :sets", Object[].class).setParameter("sets", sets).getResultList()) {
            bySet.computeIfAbsent(((Number) r[0]).longValue(), k -> new java.util.TreeMap<>()).put((String) r[1], (Status) r[2]);
        }
        return page.stream().map(s -> {
            Map<String, Status> others = new java.util.TreeMap<>(bySet.getOrDefault(s.translationSetId(), Map.of()));
            others.remove(s.getLanguage());
            return row(s).translated(others);
        }).toList();
    }

    private Row row(Statement s) {
        String section = sections.tree().byId(s.getSection().getId()).map(SectionNode::name).orElse("");
        return new Row(s.getId(), s.getTitle(), s.getStatus(), s.isPublicAt(clock.instant()), section,
                s.getAuthor() == null ? "" : s.getAuthor().getDisplayName(), s.getPublishedAt(), s.getUpdatedAt(),
                s.getLanguage(), Map.of());
    }

    /**
     * How a comparison names values: statuses as the interface names them, times in the
     * organisation's zone, and the word for a value that is not there.
     */
    public record Wording(ZoneId zone, Function<Status, String> status, String none) {
    }

    /**
     * Field by field, what differs between two snapshots, each value worded as the interface shows
     * it. Tags are a set: the same tags in another order are no change.
     */
    public static List<Change> compare(Snapshot a, Snapshot b, Wording words) {
        List<Change> changes = new ArrayList<>();
        field(changes, words, "title", a.title(), b.title());
        field(changes, words, "slug", a.slug(), b.slug());
        field(changes, words, "lead", a.lead(), b.lead());
        field(changes, words, "section", a.sectionName(), b.sectionName());
        if (!tagSet(a.tags()).equals(tagSet(b.tags()))) {
            field(changes, words, "tags", a.tags(), b.tags());
        }
        field(changes, words, "source", a.source(), b.source());
        field(changes, words, "status", a.status() == null ? null : words.status().apply(a.status()),
                b.status() == null ? null : words.status().apply(b.status()));
        field(changes, words, "publishedAt", a.publishedAt() == null ? null : PublicationTime.describe(a.publishedAt(), words.zone()),
                b.publishedAt() == null ? null : PublicationTime.describe(b.publishedAt(), words.zone()));
        return changes;
    }

    /** Tags as a set of their addresses, which is what makes two tags the same one. */
    static Set<String> tagSet(String names) {
        return names == null ? Set.of() : Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty())
                .map(Slugs::of).collect(Collectors.toSet());
    }

    public record Change(String field, String before, String after) {
    }

    private static void field(List<Change> changes, Wording words, String name, String before, String after) {
        String was = before == null || before.isBlank() ? null : before;
        String is = after == null || after.isBlank() ? null : after;
        if (!java.util.Objects.equals(was, is)) {
            changes.add(new Change(name, was == null ? words.none() : was, is == null ? words.none() : is));
        }
    }
}
