package org.bayan.statement;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bayan.platform.persistence.Transactions;
import org.bayan.section.SectionNode;
import org.bayan.section.Sections;
import org.bayan.tag.Tag;
import org.bayan.user.Policy;
import org.bayan.user.Staff;

/** What the admin area reads about statements: the dashboard, the list, the editor, revisions. */
public final class StatementDesk {

    private final Transactions tx;
    private final Sections sections;
    private final Clock clock;

    public StatementDesk(Transactions tx, Sections sections, Clock clock) {
        this.tx = tx;
        this.sections = sections;
        this.clock = clock;
    }

    /** A row of an admin list. */
    public record Row(long id, String title, Status status, boolean live, String section, String author,
                      java.time.Instant publishedAt, java.time.Instant updatedAt) {
    }

    public record Dashboard(Map<Status, Long> counts, List<Row> myDrafts, List<Row> awaitingReview,
                            List<Row> scheduled, List<Row> recentlyPublished) {
    }

    public Dashboard dashboard(Staff who) {
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
                    rows(em, "s.status in ('PUBLISHED', 'SCHEDULED') and s.publishedAt <= :now" + own, "s.publishedAt desc", who, !who.isEditor()));
        });
    }

    private List<Row> rows(EntityManager em, String where, String order, Staff who, boolean needsMe) {
        String q = "select s from Statement s left join fetch s.author where " + where + " order by " + order;
        TypedQuery<Statement> query = em.createQuery(q, Statement.class).setMaxResults(8);
        if (needsMe) query.setParameter("me", who.id());
        if (where.contains(":now")) query.setParameter("now", clock.instant());
        return query.getResultList().stream().map(this::row).toList();
    }

    /** The filters of the statements list; any may be null. */
    public record Filter(Status status, Long sectionId, String tag, String author, String text,
                         LocalDate from, LocalDate to, String sort) {
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
            return new Rows(q.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(this::row).toList(),
                    c.getSingleResult());
        });
    }

    /** The statement as the editor opens it, if this staff member may see it. */
    public Optional<Snapshot> current(Staff who, long id) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(Statement.class, id))
                .filter(s -> Policy.canView(who, s))
                .map(s -> snapshot(em, s, 0, null)));
    }

    /** What this staff member may do to the statement, for the editor's buttons. */
    public record Permissions(boolean edit, boolean submit, boolean publish, boolean trash, boolean delete) {
    }

    public Permissions permissions(Staff who, long id) {
        return tx.inTransaction(em -> {
            Statement s = em.find(Statement.class, id);
            return new Permissions(Policy.canEdit(who, s), Policy.canSubmit(who, s), Policy.canPublish(who),
                    Policy.canTrash(who), Policy.canDeleteForGood(who));
        });
    }

    public List<Snapshot> revisions(Staff who, long id) {
        return tx.inTransaction(em -> {
            Statement s = em.find(Statement.class, id);
            if (s == null || !Policy.canView(who, s)) return List.of();
            return em.createQuery("select r from Revision r left join fetch r.savedBy where r.statement.id = :id order by r.number desc",
                            Revision.class).setParameter("id", id).getResultList().stream().map(this::snapshot).toList();
        });
    }

    public Optional<Snapshot> revision(Staff who, long id, int number) {
        return revisions(who, id).stream().filter(r -> r.revision() == number).findFirst();
    }

    /** The statement exactly as its public page would show it, whatever its status. */
    public Optional<StatementPage> preview(Staff who, long id) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(Statement.class, id))
                .filter(s -> Policy.canView(who, s))
                .map(s -> {
                    SectionNode section = sections.tree().byId(s.getSection().getId()).orElseThrow();
                    LocalDate day = s.getPublishedOn() != null ? s.getPublishedOn() : LocalDate.now(clock);
                    return new StatementPage(s.getId(), s.getTitle(), s.getSlug(), PublicStatements.url(section, s),
                            s.getPublishedAt(), s.getUpdatedAt(), day, section, s.getLead(), s.getBody(), s.getSource(),
                            s.getLanguage(),
                            s.getTags().stream().map(t -> new StatementPage.TagLink(t.getName(), t.getSlug())).toList(),
                            null, null, List.of());
                }));
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

    private Row row(Statement s) {
        String section = sections.tree().byId(s.getSection().getId()).map(SectionNode::name).orElse("");
        return new Row(s.getId(), s.getTitle(), s.getStatus(), s.isPublicAt(clock.instant()), section,
                s.getAuthor() == null ? "" : s.getAuthor().getDisplayName(), s.getPublishedAt(), s.getUpdatedAt());
    }

    /** Field-by-field and paragraph-by-paragraph differences between two snapshots. */
    public static List<Change> compare(Snapshot a, Snapshot b) {
        List<Change> changes = new ArrayList<>();
        field(changes, "title", a.title(), b.title());
        field(changes, "slug", a.slug(), b.slug());
        field(changes, "lead", a.lead(), b.lead());
        field(changes, "section", a.sectionName(), b.sectionName());
        field(changes, "tags", a.tags(), b.tags());
        field(changes, "source", a.source(), b.source());
        field(changes, "status", String.valueOf(a.status()), String.valueOf(b.status()));
        field(changes, "publishedAt", String.valueOf(a.publishedAt()), String.valueOf(b.publishedAt()));
        return changes;
    }

    public record Change(String field, String before, String after) {
    }

    private static void field(List<Change> changes, String name, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            changes.add(new Change(name, before, after));
        }
    }
}
