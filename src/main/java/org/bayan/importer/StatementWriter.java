package org.bayan.importer;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.media.Media;
import org.bayan.platform.text.Slugs;
import org.bayan.section.Section;
import org.bayan.statement.Attachment;
import org.bayan.statement.BodyImages;
import org.bayan.statement.Revision;
import org.bayan.statement.Statement;
import org.bayan.statement.Status;
import org.bayan.tag.Tag;
import org.bayan.user.User;

/**
 * Writes a batch of imported statements, from K2 or WordPress alike, in the transaction it is
 * given, with a bounded number of statements to the database: what the import knew of the batch
 * and the statements' versions read in one query each, the new rows inserted in one JDBC batch,
 * then filled in through the entities (so the search index hears of them), one flush for all.
 * What each source row became is kept ({@link Imported}, its kinds under the source's prefix):
 * a second run updates it, and a statement staff edited since is left as they made it.
 */
final class StatementWriter {

    /** A statement as the import will write it: worked out the same in a dry run and an import. */
    record Prepared(String language, String title, String slug, String lead, String body, String source,
                    Status status, Instant publishedAt, Instant created, Instant modified, Long section, Presented presented) {
    }

    /**
     * How the source signed and presented a statement: its byline, its description for search
     * engines (each null for none), whether it was featured, and how often the source counted it read.
     */
    record Presented(String byline, String description, boolean featured, long hits) {
        static Presented of(String byline, String description, boolean featured, long hits) {
            return new Presented(blank(byline) ? null : cut(byline.strip(), 200),
                    blank(description) ? null : cut(description.strip(), 300), featured, Math.max(0, hits));
        }
    }

    /** A tag as the source names it: its id there, its name, and its slug there when its old address spells that (or null). */
    record SourceTag(long id, String name, String slug) {
    }

    /** A document of the library attached to a statement, under the source's title for it. */
    record Attached(long media, String title) {
    }

    /** One source row to write: its id there, the statement, its author's account, tags, image and attachments. */
    record Incoming(long sourceId, Prepared prepared, Long author, List<SourceTag> tags, Long image, String imageCaption,
                    String imageCredit, List<Attached> attached) {
    }

    private final String prefix;
    private final boolean idsRequired;
    private final String note;
    private final Clock clock;
    private final ZoneId zone;
    /** Source tag and language → Bayan tag, and Bayan's tags by language and slug: read once a run. */
    private final Map<String, Long> tagCache = new HashMap<>();

    /**
     * @param prefix the kinds' prefix of this source ({@code ""} for K2, {@code "wp-"} for WordPress)
     * @param idsRequired whether a statement must have its source's id (K2: its addresses need it),
     *                    or takes it only where free (WordPress)
     * @param note the first revision's note ("imported from K2")
     */
    StatementWriter(String prefix, boolean idsRequired, String note, Clock clock, ZoneId zone) {
        this.prefix = prefix;
        this.idsRequired = idsRequired;
        this.note = note;
        this.clock = clock;
        this.zone = zone;
    }

    /** Reads what the import knew of tags, and Bayan's tags; once, before the first batch. */
    void readTags(EntityManager em) {
        // A tag staff deleted since: forgotten, so that the run makes it again.
        em.createQuery("delete from Imported k where k.key.kind = :kind and k.targetId not in (select t.id from Tag t)")
                .setParameter("kind", prefix + "tag").executeUpdate();
        em.createQuery("select k from Imported k where k.key.kind = :kind", Imported.class).setParameter("kind", prefix + "tag")
                .getResultList().forEach(k -> tagCache.put(k.key.sourceId() + ":" + k.key.key(), k.targetId));
        em.createQuery("select t.id, t.language, t.slug from Tag t", Object[].class).getResultList()
                .forEach(r -> tagCache.put("slug:" + r[1] + ":" + r[2], (Long) r[0]));
    }

    /** One row of a batch being written: what the import knew of it, and its statement once there. */
    private static final class Pending {
        final Incoming in;
        final Imported known;
        final boolean created;
        long id;
        Statement statement;

        Pending(Incoming in, Imported known, boolean created, long id) {
            this.in = in;
            this.known = known;
            this.created = created;
            this.id = id;
        }
    }

    /** Writes the batch; the source id → statement id of each written. */
    Map<Long, Long> write(EntityManager em, List<Incoming> batch, ImportReport report) {
        List<Long> sourceIds = batch.stream().map(Incoming::sourceId).toList();
        Map<Long, Imported> knowns = new HashMap<>();
        Map<Long, Long> written = new HashMap<>();
        if (batch.isEmpty()) return written;
        em.createQuery("select k from Imported k where k.key.kind = :kind and k.key.sourceId in :ids", Imported.class)
                .setParameter("kind", prefix + "item").setParameter("ids", sourceIds).getResultList()
                .forEach(k -> knowns.put(k.key.sourceId(), k));
        // The statements now under the ids these rows have, or had: their versions, and whether an id is free.
        List<Long> targets = new ArrayList<>(sourceIds);
        knowns.values().forEach(k -> targets.add(k.targetId));
        Map<Long, Long> versions = new HashMap<>();
        em.createQuery("select s.id, s.version from Statement s where s.id in :ids", Object[].class).setParameter("ids", targets)
                .getResultList().forEach(r -> versions.put((Long) r[0], (Long) r[1]));
        List<Pending> pending = new ArrayList<>();
        for (Incoming in : batch) {
            Prepared p = in.prepared();
            if (p.section() == null) {
                report.count("statements.skipped");
                continue;
            }
            Imported known = knowns.get(in.sourceId());
            Long version = known == null ? null : versions.get(known.targetId);
            if (version != null) {
                if (known.targetVersion != null && version.longValue() != known.targetVersion) {
                    report.problem("item.editedInBayan", about(in.sourceId()), p.title());
                    report.count("statements.keptAsEdited");
                } else {
                    pending.add(new Pending(in, known, false, known.targetId));
                }
            } else if (!versions.containsKey(in.sourceId())) {
                pending.add(new Pending(in, known, true, in.sourceId())); // new (or deleted since): under its own id, free
            } else if (idsRequired) {
                throw new ImportRefused("import.siteNotEmpty", 1);
            } else {
                report.problem("post.idTaken", about(in.sourceId()), "");
                pending.add(new Pending(in, known, true, -1)); // a new id
            }
        }
        insertRows(em, pending.stream().filter(x -> x.created).toList());
        Map<Long, Statement> statements = new HashMap<>();
        List<Long> writing = pending.stream().map(x -> x.id).toList();
        if (!writing.isEmpty()) {
            em.createQuery("select s from Statement s left join fetch s.tags where s.id in :ids", Statement.class)
                    .setParameter("ids", writing).getResultList().forEach(st -> statements.put(st.getId(), st));
        }
        Map<Long, Integer> revisions = new HashMap<>();
        List<Long> updating = pending.stream().filter(x -> !x.created).map(x -> x.id).toList();
        if (!updating.isEmpty()) {
            em.createQuery("select r.statement.id, max(r.number) from Revision r where r.statement.id in :ids group by r.statement.id",
                    Object[].class).setParameter("ids", updating).getResultList()
                    .forEach(r -> revisions.put((Long) r[0], ((Number) r[1]).intValue()));
        }
        for (Pending x : pending) {
            x.statement = statements.get(x.id);
            fill(em, x.in, x.statement, report);
            em.persist(x.created ? Revision.first(x.statement, null, clock.instant(), note)
                    : Revision.numbered(x.statement, revisions.getOrDefault(x.id, 0) + 1, null, clock.instant(), note + " again"));
            report.count(x.created ? "statements.created" : "statements.updated");
        }
        em.flush(); // the statements' versions, as the import leaves them
        for (Pending x : pending) {
            if (x.known == null) {
                em.persist(new Imported(new Imported.Key(prefix + "item", x.in.sourceId(), ""), x.id, x.statement.getVersion()));
            } else {
                x.known.targetId = x.id;
                x.known.targetVersion = x.statement.getVersion();
            }
            written.put(x.in.sourceId(), x.id);
        }
        return written;
    }

    /** The new statements' rows, under their source's id or a new one, with what the table requires: one JDBC batch. */
    private static void insertRows(EntityManager em, List<Pending> created) {
        if (created.isEmpty()) return;
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            String columns = "title, slug, body, language, status, section_id, created_at, updated_at, author_id, version";
            List<Pending> kept = created.stream().filter(x -> x.id >= 0).toList();
            try (PreparedStatement st = c.prepareStatement("insert into statement (id, " + columns
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                for (Pending x : kept) {
                    st.setLong(1, x.id);
                    row(st, 2, x);
                    st.addBatch();
                }
                if (!kept.isEmpty()) st.executeBatch();
            }
            if (created.stream().noneMatch(x -> x.id < 0)) return;
            restartIds(em); // past the ids just written: the table's next is free
            // Those whose id is taken: one at a time, each told the id the table gives it (rare: a WordPress post only).
            try (PreparedStatement st = c.prepareStatement("insert into statement (" + columns + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    new String[] {"id"})) {
                for (Pending x : created.stream().filter(x -> x.id < 0).toList()) {
                    row(st, 1, x);
                    st.executeUpdate();
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        x.id = keys.getLong(1);
                    }
                }
            }
        });
    }

    /** New statements, written in Bayan or given an id by the table, take ids above every one written with its own. */
    static void restartIds(EntityManager em) {
        long max = em.createQuery("select coalesce(max(s.id), 0) from Statement s", Long.class).getSingleResult();
        String product = em.unwrap(org.hibernate.Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName());
        if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            em.createNativeQuery("select setval(pg_get_serial_sequence('statement', 'id'), " + Math.max(max, 1) + ")").getSingleResult();
        } else {
            em.createNativeQuery("alter table statement alter column id restart with " + (max + 1)).executeUpdate();
        }
    }

    private static void row(PreparedStatement st, int from, Pending x) throws java.sql.SQLException {
        Prepared p = x.in.prepared();
        st.setString(from, p.title());
        st.setString(from + 1, p.slug());
        st.setString(from + 2, p.body());
        st.setString(from + 3, p.language());
        st.setString(from + 4, p.status().name());
        st.setLong(from + 5, p.section());
        st.setObject(from + 6, OffsetDateTime.ofInstant(p.created(), ZoneOffset.UTC));
        st.setObject(from + 7, OffsetDateTime.ofInstant(p.modified(), ZoneOffset.UTC));
        if (x.in.author() == null) st.setNull(from + 8, java.sql.Types.BIGINT); else st.setLong(from + 8, x.in.author());
    }

    /** A statement's fields, image, attachments and tags as the source gives them. */
    private void fill(EntityManager em, Incoming in, Statement s, ImportReport report) {
        Prepared p = in.prepared();
        s.setTitle(p.title());
        s.setSlug(p.slug());
        s.setLead(p.lead());
        // The site's own pictures in the text become figures with every size; the site answers at the
        // root, as its old addresses need.
        s.setBody(p.body().contains("<img") ? BodyImages.expand(em, p.body(), "") : p.body());
        s.setSource(p.source());
        s.setByline(p.presented().byline());
        s.setDescription(p.presented().description());
        s.setFeatured(p.presented().featured());
        s.setOldSiteHits(p.presented().hits());
        s.setLanguage(p.language());
        s.setStatus(p.status());
        s.schedule(p.publishedAt(), zone);
        s.setSection(em.getReference(Section.class, p.section()));
        s.touch(in.author() == null ? null : em.getReference(User.class, in.author()), p.modified());
        if (in.image() != null) {
            // Neither K2 nor WordPress exports alt text with the post's picture: the caption stands for it, or the title.
            String caption = blank(in.imageCaption()) ? null : cut(in.imageCaption().strip(), 1000);
            s.illustrate(em.find(Media.class, in.image()), cut(caption != null ? caption : p.title(), 500), caption,
                    blank(in.imageCredit()) ? null : cut(in.imageCredit().strip(), 300));
        }
        if (!in.attached().isEmpty()) {
            s.getAttachments().clear();
            for (Attached a : in.attached()) {
                Media file = em.find(Media.class, a.media());
                if (file.getKind() == Media.Kind.DOCUMENT) {
                    s.getAttachments().add(new Attachment(file, a.title()));
                } else {
                    // A statement's attachments are documents; the photo stays in the library.
                    report.problem("item.attachmentNotDocument", about(in.sourceId()), file.getFileName());
                }
            }
        }
        s.getTags().clear();
        for (SourceTag t : in.tags()) {
            if (blank(t.name())) continue;
            s.getTags().add(tag(em, t, p.language(), report));
        }
    }

    /** The Bayan tag of a source's tag in a language: Bayan's tags are per language, K2's and WordPress's are not. */
    private Tag tag(EntityManager em, SourceTag t, String language, ImportReport report) {
        long sourceId = t.id();
        String name = t.name().strip();
        String key = sourceId + ":" + language;
        Long cached = tagCache.get(key);
        if (cached != null) {
            return em.getReference(Tag.class, cached);
        }
        String slug = cut(Slugs.of(name), 100);
        if (slug.isEmpty()) slug = "tag-" + sourceId;
        Long same = tagCache.get("slug:" + language + ":" + slug);
        long id;
        if (same != null) {
            id = same; // a tag Bayan has by that name in that language: the source's joins it
        } else {
            Tag tag = new Tag(cut(name, 100), slug, language);
            em.persist(tag); // its id at once (an identity column)
            report.count("tags");
            id = tag.getId();
            tagCache.put("slug:" + language + ":" + slug, id);
        }
        // Not known before (the run read every tag the import knew): a new row.
        Imported row = new Imported(new Imported.Key(prefix + "tag", sourceId, language), id, null);
        row.sourceHash = t.slug() == null ? null : Imported.hashOf(t.slug());
        em.persist(row);
        tagCache.put(key, id);
        return em.getReference(Tag.class, id);
    }

    /** How the report names a row of the source: "item 12" of K2, "post 12" of WordPress. */
    private String about(long sourceId) {
        return (prefix.isEmpty() ? "item " : "post ") + sourceId;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String cut(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max).strip();
    }
}
