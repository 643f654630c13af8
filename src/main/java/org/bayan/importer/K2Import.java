package org.bayan.importer;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bayan.media.Media;
import org.bayan.media.MediaService;
import org.bayan.media.UploadRefused;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.text.Slugs;
import org.bayan.section.Section;
import org.bayan.statement.Attachment;
import org.bayan.statement.BodyImages;
import org.bayan.statement.BodySanitizer;
import org.bayan.statement.Revision;
import org.bayan.statement.Statement;
import org.bayan.statement.Status;
import org.bayan.tag.Tag;
import org.bayan.user.Actor;
import org.bayan.user.User.Role;
import org.bayan.user.User;

/**
 * Brings a Joomla K2 site over: its categories as the section tree, its authors as staff
 * accounts (disabled, with no password), its tags, and its items as statements under their own
 * ids, so that every old address can find its page. A dry run reads everything and reports what
 * would come and every problem, writing nothing. The import writes in batches of {@value #BATCH}
 * items, each one transaction (a statement whole with its tags and first revision, or not at
 * all); what K2's ids map to is kept ({@code k2_import}), so that running it again updates what
 * it imported and never duplicates, and an import stopped by a kill resumes.
 *
 * <p>An imported statement that staff have changed in Bayan since is left as they made it.
 */
public final class K2Import {

    static final int BATCH = 200;
    static final int MAX_TITLE = 300;
    static final int MAX_SLUG = 200;
    static final int MAX_LEAD = 2000;
    static final int MAX_BODY = 200_000;

    private final Transactions tx;
    private final List<String> languages;
    private final ZoneId zone;
    private final Clock clock;
    private final Runnable sectionsChanged;
    private final MediaService media;
    private final int batchSize;

    /**
     * @param sectionsChanged called once the section tree changed, so the site shows it
     */
    public K2Import(Transactions tx, List<String> languages, ZoneId zone, Clock clock, Runnable sectionsChanged, MediaService media) {
        this(tx, languages, zone, clock, sectionsChanged, media, BATCH);
    }

    /** With another number of items per transaction (tests stop an import between two). */
    K2Import(Transactions tx, List<String> languages, ZoneId zone, Clock clock, Runnable sectionsChanged, MediaService media,
             int batchSize) {
        this.batchSize = batchSize;
        this.media = media;
        this.tx = tx;
        this.languages = List.copyOf(languages);
        this.zone = zone;
        this.clock = clock;
        this.sectionsChanged = sectionsChanged;
    }

    /** One thing worth telling the admin: what, about which K2 row ({@code item 12}, {@code category 3}), and the detail. */
    public record Problem(String kind, String about, String detail) {
    }

    /** Counts as they grow, for a progress line: items done of all, and the time left at this pace. */
    public record Progress(long done, long total, Duration elapsed) {
        public Optional<Duration> left() {
            return done == 0 ? Optional.empty()
                    : Optional.of(Duration.ofMillis(elapsed.toMillis() * (total - done) / done));
        }
    }

    /** What an import (or a dry run) did or would do. */
    public static final class Report {
        public final boolean dryRun;
        public final Map<String, Long> counts = new LinkedHashMap<>();
        public final List<Problem> problems = new ArrayList<>();
        public Duration took = Duration.ZERO;

        Report(boolean dryRun) {
            this.dryRun = dryRun;
        }

        void count(String what) {
            counts.merge(what, 1L, Long::sum);
        }

        void problem(String kind, String about, String detail) {
            problems.add(new Problem(kind, about, detail));
        }

        public long count(String what, long none) {
            return counts.getOrDefault(what, none);
        }
    }

    /**
     * Reads the whole source and reports what an import would bring and every problem, writing nothing.
     *
     * @param files the Joomla site's folder (holding {@code media/k2/items/src/}), or null to bring no images
     */
    public Report dryRun(K2Source source, Path files) {
        return go(source, files, true, p -> { });
    }

    /** Imports the source; {@code progress} hears after every batch. */
    public Report run(K2Source source, Path files, Consumer<Progress> progress) {
        return go(source, files, false, progress);
    }

    private Report go(K2Source source, Path files, boolean dry, Consumer<Progress> progress) {
        if (files != null && !Files.isDirectory(files.resolve("media/k2/items"))) {
            throw new ImportRefused("import.files.missing", files.resolve("media/k2/items"));
        }
        Instant started = clock.instant();
        Report report = new Report(dry);
        requireNoOwnStatements(source, report);
        Map<Long, Long> sections = sections(source.categories(), dry, report);
        Map<Long, String> sectionPaths = dry ? Map.of() : sectionPaths(sections);
        Map<Long, Long> authors = authors(source.authors(), dry, report);
        Map<Long, String> tagNames = source.tags();
        long total = source.itemCount();
        // Where each item will live: read ahead, batch by batch, so links between items are rewritten
        // even to an item that comes later.
        Map<Long, String> itemPaths = new HashMap<>();
        long after = 0;
        for (List<K2Source.Address> batch; !(batch = source.addresses(after, 5_000)).isEmpty(); after = batch.get(batch.size() - 1).id()) {
            for (K2Source.Address item : batch) {
                String section = sectionPaths.get(item.catid());
                itemPaths.put(item.id(), (section == null ? "" : section) + "/item/" + item.id() + "-" + slug(item.alias(), item.title()));
            }
        }
        long done = 0;
        after = 0;
        // K2 tag and language → Bayan tag, and Bayan's tags by language and slug, read once for the run:
        // a tag costs no query once known, and a new one only its two rows.
        Map<String, Long> tagCache = new HashMap<>();
        if (!dry) {
            tx.run(em -> {
                // A tag staff deleted since: forgotten, so that the run makes it again.
                em.createQuery("delete from K2Imported k where k.key.kind = 'tag' and k.bayanId not in (select t.id from Tag t)")
                        .executeUpdate();
                em.createQuery("select k from K2Imported k where k.key.kind = 'tag'", K2Imported.class).getResultList()
                        .forEach(k -> tagCache.put(k.key.k2Id() + ":" + k.key.key(), k.bayanId));
                em.createQuery("select t.id, t.language, t.slug from Tag t", Object[].class).getResultList()
                        .forEach(r -> tagCache.put("slug:" + r[1] + ":" + r[2], (Long) r[0]));
            });
        }
        for (List<K2Source.Item> batch; !(batch = source.items(after, batchSize)).isEmpty(); after = batch.get(batch.size() - 1).id()) {
            Map<Long, List<Long>> tags = source.tagsOf(batch.stream().map(K2Source.Item::id).toList());
            List<K2Source.Item> items = batch;
            // Photos first, each stored and in the library before the batch that uses it: a batch
            // undone leaves a photo nothing uses, which the next run takes up again.
            Map<Long, Long> images = files == null ? Map.of() : images(items, files, dry, report);
            Map<String, String> bodyImages = files == null ? Map.of() : bodyImages(items, files, dry, report);
            Map<Long, List<Attached>> attached = files == null ? Map.of()
                    : attachments(source.attachmentsOf(items.stream().map(K2Source.Item::id).toList()), files, dry, report);
            Map<Long, Prepared> prepared = new HashMap<>();
            items.forEach(item -> prepared.put(item.id(), prepare(item, sections, itemPaths, bodyImages, report)));
            if (!dry) {
                tx.run(em -> writeBatch(em, items, prepared, authors, tags, tagNames, images, attached, tagCache, report));
            }
            done += batch.size();
            progress.accept(new Progress(done, total, Duration.between(started, clock.instant())));
        }
        if (!dry) {
            restartIds();
        }
        report.took = Duration.between(started, clock.instant());
        return report;
    }

    /**
     * Ids are kept, so the site must not have statements of its own under them: the demo
     * content, or statements written before the import. (Those the import made are its own.)
     */
    private void requireNoOwnStatements(K2Source source, Report report) {
        long own = tx.read(em -> em.createQuery("select count(s) from Statement s where s.id not in"
                + " (select k.bayanId from K2Imported k where k.key.kind = 'item')", Long.class).getSingleResult());
        if (own > 0) {
            throw new ImportRefused("import.siteNotEmpty", own);
        }
    }

    // ---- categories, authors ----

    /** K2 category id → section id: existing sections of the same path are joined, others made. */
    private Map<Long, Long> sections(List<K2Source.Category> categories, boolean dry, Report report) {
        Map<Long, K2Source.Category> byId = new LinkedHashMap<>();
        categories.forEach(c -> byId.put(c.id(), c));
        // Parents before children, whatever order K2 holds them in; a category whose parent is missing goes to the top.
        List<K2Source.Category> ordered = new ArrayList<>();
        Map<Long, Boolean> placed = new HashMap<>();
        for (K2Source.Category c : categories) place(c, byId, placed, ordered, report, 0);
        Map<Long, Long> mapped = new HashMap<>();
        if (dry) {
            for (K2Source.Category c : ordered) {
                report.count("sections");
                mapped.put(c.id(), -c.id());
                if (c.trashed() || !c.published()) report.problem("category.hidden", "category " + c.id(), c.name());
            }
            return mapped;
        }
        tx.run(em -> {
            for (K2Source.Category c : ordered) {
                Long parent = c.parent() == 0 ? null : mapped.get(c.parent());
                Section parentSection = parent == null ? null : em.find(Section.class, parent);
                Long known = imported(em, "category", c.id(), "");
                Section section = known == null ? null : em.find(Section.class, known);
                String slug = cut(Slugs.of(c.alias().isBlank() ? c.name() : c.alias()), 100);
                if (slug.isEmpty()) slug = "category-" + c.id();
                if (section == null) {
                    section = sibling(em, parentSection, slug).orElse(null);
                    if (section != null) {
                        report.problem("category.joined", "category " + c.id(), c.name() + " → " + section.getName());
                    } else {
                        section = new Section(parentSection, slug, cut(c.name(), 200), c.ordering());
                        em.persist(section);
                        report.count("sections");
                    }
                    em.flush();
                    remember(em, "category", c.id(), "", section.getId(), null);
                } else {
                    report.count("sections.kept");
                }
                if (c.trashed() || !c.published()) report.problem("category.hidden", "category " + c.id(), c.name());
                mapped.put(c.id(), section.getId());
            }
        });
        sectionsChanged.run();
        return mapped;
    }

    private static void place(K2Source.Category c, Map<Long, K2Source.Category> byId, Map<Long, Boolean> placed,
                              List<K2Source.Category> ordered, Report report, int depth) {
        if (placed.containsKey(c.id())) return;
        placed.put(c.id(), true);
        K2Source.Category parent = byId.get(c.parent());
        if (c.parent() != 0 && parent == null) {
            report.problem("category.orphan", "category " + c.id(), c.name());
        } else if (parent != null && depth < 50) {
            place(parent, byId, placed, ordered, report, depth + 1);
        }
        ordered.add(c);
    }

    private static Optional<Section> sibling(EntityManager em, Section parent, String slug) {
        var query = em.createQuery("select s from Section s where s.slug = :slug and "
                + (parent == null ? "s.parent is null" : "s.parent = :parent"), Section.class).setParameter("slug", slug);
        if (parent != null) query.setParameter("parent", parent);
        return query.getResultStream().findFirst();
    }

    private Map<Long, String> sectionPaths(Map<Long, Long> sections) {
        return tx.read(em -> {
            Map<Long, String> paths = new HashMap<>();
            for (var e : sections.entrySet()) {
                StringBuilder path = new StringBuilder();
                for (Section s = em.find(Section.class, e.getValue()); s != null; s = s.getParent()) {
                    path.insert(0, "/" + s.getSlug());
                }
                paths.put(e.getKey(), path.toString());
            }
            return paths;
        });
    }

    /** Joomla account id → staff account id: disabled authors, no password carried over. */
    private Map<Long, Long> authors(List<K2Source.Author> authors, boolean dry, Report report) {
        Map<Long, Long> mapped = new HashMap<>();
        if (dry) {
            authors.forEach(a -> report.count("accounts"));
            return mapped;
        }
        tx.run(em -> {
            for (K2Source.Author a : authors) {
                Long known = imported(em, "user", a.id(), "");
                if (known != null && em.find(User.class, known) != null) {
                    mapped.put(a.id(), known);
                    continue;
                }
                String base = cut(Slugs.of(a.username() == null || a.username().isBlank() ? "k2-" + a.id() : a.username()), 60);
                if (base.isEmpty()) base = "k2-" + a.id();
                String username = base;
                for (int n = 2; !em.createQuery("select u from User u where u.username = :u", User.class)
                        .setParameter("u", username).getResultList().isEmpty(); n++) {
                    username = base + "-" + n;
                }
                User user = new User(username, cut(a.name() == null || a.name().isBlank() ? username : a.name(), 100),
                        Role.AUTHOR, clock.instant());
                user.setEnabled(false); // an admin enables an account and gives it a password
                em.persist(user);
                em.flush();
                remember(em, "user", a.id(), "", user.getId(), null);
                mapped.put(a.id(), user.getId());
                report.count("accounts");
            }
        });
        return mapped;
    }

    // ---- items ----

    /** An item as it will be written: worked out the same in a dry run and an import. */
    private record Prepared(String language, String title, String slug, String lead, String body, String source,
                            Status status, Instant publishedAt, Instant created, Instant modified, Long section) {
    }

    private Prepared prepare(K2Source.Item item, Map<Long, Long> sections, Map<Long, String> itemPaths,
                             Map<String, String> bodyImages, Report report) {
        String about = "item " + item.id();
        String language = language(item.language(), about, report);
        String title = item.title().strip();
        if (title.isEmpty()) {
            title = "K2 item " + item.id();
            report.problem("item.untitled", about, "");
        }
        if (title.length() > MAX_TITLE) {
            report.problem("item.titleCut", about, title.substring(0, 60));
            title = cut(title, MAX_TITLE);
        }
        Long section = sections.get(item.catid());
        if (section == null) {
            report.problem("item.noCategory", about, "category " + item.catid());
        }
        // A read-more split: the intro is the lead when it is plain words that fit; else intro and rest are one body.
        boolean split = !item.fulltext().isBlank();
        org.jsoup.nodes.Document intro = org.jsoup.Jsoup.parseBodyFragment(item.introtext());
        String introText = intro.text().strip();
        boolean leadFits = split && !introText.isEmpty() && introText.length() <= MAX_LEAD
                && intro.select("a, img, iframe, table, ul, ol").isEmpty();
        K2Text.Result text = K2Text.of(leadFits ? item.fulltext() : item.introtext() + "\n" + item.fulltext(), itemPaths::get,
                bodyImages::get);
        if (!text.plugins().isEmpty()) {
            report.problem("item.pluginTags", about, String.join(" ", text.plugins()));
        }
        String body = BodySanitizer.sanitize(text.html());
        org.jsoup.nodes.Document sent = org.jsoup.Jsoup.parseBodyFragment(text.html());
        long left = sent.select("img").stream().filter(img -> !img.attr("src").startsWith("/media/")).count();
        if (left > 0) {
            report.problem("item.bodyImagesLeft", about, left + "");
        }
        if (body.length() > MAX_BODY) {
            report.problem("item.bodyTooLong", about, body.length() + "");
            // Cut a little short: the sanitizer closes the elements the cut left open.
            for (int at = MAX_BODY - 1_000; body.length() > MAX_BODY; at -= 1_000) {
                body = BodySanitizer.sanitize(body.substring(0, at));
            }
        }
        int dropped = markup(sent) - markup(org.jsoup.Jsoup.parseBodyFragment(body));
        if (dropped > 0) {
            report.problem("item.htmlCleaned", about, dropped + "");
        }
        Instant created = item.created();
        if (created == null) {
            report.problem("item.zeroDate", about, "created " + item.createdRaw());
        }
        Instant publishUp = item.publishUp() != null ? item.publishUp() : created;
        Instant now = clock.instant();
        Status status;
        if (item.trashed()) {
            status = Status.TRASHED;
        } else if (!item.published()) {
            status = Status.DRAFT;
        } else if (item.publishDown() != null && !item.publishDown().isAfter(now)) {
            status = Status.DRAFT;
            report.problem("item.expired", about, item.publishDown().toString());
        } else if (publishUp != null && publishUp.isAfter(now)) {
            status = Status.SCHEDULED;
        } else {
            status = Status.PUBLISHED;
        }
        if (publishUp == null && (status == Status.PUBLISHED || status == Status.SCHEDULED)) {
            // A published item without any date: published as of the import, and said so.
            publishUp = now;
            report.problem("item.noDate", about, "");
        }
        if (created == null) created = publishUp != null ? publishUp : now;
        Instant modified = item.modified() != null && item.modified().isAfter(created) ? item.modified() : created;
        report.count("statements");
        report.count("statements." + status.name().toLowerCase(java.util.Locale.ROOT));
        return new Prepared(language, title, slug(item), leadFits ? introText : null, body, text.source() == null ? null
                : cut(text.source(), 300), status, publishUp,
                created, modified, section);
    }

    /** Elements and attributes of a fragment: fewer after sanitising means something was taken out. */
    private static int markup(org.jsoup.nodes.Document doc) {
        int n = 0;
        for (org.jsoup.nodes.Element e : doc.body().getAllElements()) {
            n += 1 + e.attributesSize();
        }
        return n;
    }

    /** One item of a batch to be written: what the import knew of it, and its statement once there. */
    private static final class Pending {
        final K2Source.Item item;
        final Prepared prepared;
        final K2Imported known;
        final boolean created;
        Statement statement;

        Pending(K2Source.Item item, Prepared prepared, K2Imported known, boolean created) {
            this.item = item;
            this.prepared = prepared;
            this.known = known;
            this.created = created;
        }
    }

    /**
     * Writes a batch in one transaction with a bounded number of statements to the database: what
     * the import knew of its items and their statements read in one query each, the new rows
     * inserted in one JDBC batch, then filled in through the entities (so the search index hears of
     * them), one flush for all.
     */
    private void writeBatch(EntityManager em, List<K2Source.Item> items, Map<Long, Prepared> prepared, Map<Long, Long> authors,
                            Map<Long, List<Long>> tags, Map<Long, String> tagNames, Map<Long, Long> images,
                            Map<Long, List<Attached>> attached, Map<String, Long> tagCache, Report report) {
        List<Long> ids = items.stream().map(K2Source.Item::id).toList();
        Map<Long, K2Imported> knowns = new HashMap<>();
        em.createQuery("select k from K2Imported k where k.key.kind = 'item' and k.key.k2Id in :ids", K2Imported.class)
                .setParameter("ids", ids).getResultList().forEach(k -> knowns.put(k.key.k2Id(), k));
        Map<Long, Long> versions = new HashMap<>();
        em.createQuery("select s.id, s.version from Statement s where s.id in :ids", Object[].class).setParameter("ids", ids)
                .getResultList().forEach(r -> versions.put((Long) r[0], (Long) r[1]));
        List<Pending> pending = new ArrayList<>();
        for (K2Source.Item item : items) {
            Prepared p = prepared.get(item.id());
            if (p.section() == null) {
                report.count("statements.skipped");
                continue;
            }
            K2Imported known = knowns.get(item.id());
            Long version = versions.get(item.id());
            if (version != null && known == null) {
                throw new ImportRefused("import.siteNotEmpty", 1);
            }
            if (version != null && known.bayanVersion != null && version.longValue() != known.bayanVersion) {
                report.problem("item.editedInBayan", "item " + item.id(), p.title());
                report.count("statements.keptAsEdited");
                continue;
            }
            pending.add(new Pending(item, p, known, version == null));
        }
        insertRows(em, pending.stream().filter(x -> x.created).toList(), authors);
        Map<Long, Statement> statements = new HashMap<>();
        List<Long> writing = pending.stream().map(x -> x.item.id()).toList();
        if (!writing.isEmpty()) {
            em.createQuery("select s from Statement s left join fetch s.tags where s.id in :ids", Statement.class)
                    .setParameter("ids", writing).getResultList().forEach(st -> statements.put(st.getId(), st));
        }
        Map<Long, Integer> revisions = new HashMap<>();
        List<Long> updating = pending.stream().filter(x -> !x.created).map(x -> x.item.id()).toList();
        if (!updating.isEmpty()) {
            em.createQuery("select r.statement.id, max(r.number) from Revision r where r.statement.id in :ids group by r.statement.id",
                    Object[].class).setParameter("ids", updating).getResultList()
                    .forEach(r -> revisions.put((Long) r[0], ((Number) r[1]).intValue()));
        }
        for (Pending x : pending) {
            x.statement = statements.get(x.item.id());
            fill(em, x.item, x.prepared, x.statement, authors, tags.getOrDefault(x.item.id(), List.of()), tagNames,
                    images.get(x.item.id()), attached.getOrDefault(x.item.id(), List.of()), tagCache, report);
            em.persist(x.created ? Revision.first(x.statement, null, clock.instant(), "imported from K2")
                    : Revision.numbered(x.statement, revisions.getOrDefault(x.item.id(), 0) + 1, null, clock.instant(),
                    "imported from K2 again"));
            report.count(x.created ? "statements.created" : "statements.updated");
        }
        em.flush(); // the statements' versions, as the import leaves them
        for (Pending x : pending) {
            if (x.known == null) {
                em.persist(new K2Imported(new K2Imported.Key("item", x.item.id(), ""), x.item.id(), x.statement.getVersion()));
            } else {
                x.known.bayanVersion = x.statement.getVersion();
            }
        }
    }

    /** The new statements' rows under K2's ids, with what the table requires: one JDBC batch. */
    private static void insertRows(EntityManager em, List<Pending> created, Map<Long, Long> authors) {
        if (created.isEmpty()) return;
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (var st = c.prepareStatement("insert into statement (id, title, slug, body, language, status, section_id,"
                    + " created_at, updated_at, author_id, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                for (Pending x : created) {
                    Prepared p = x.prepared;
                    Long author = authors.get(x.item.createdBy());
                    st.setLong(1, x.item.id());
                    st.setString(2, p.title());
                    st.setString(3, p.slug());
                    st.setString(4, p.body());
                    st.setString(5, p.language());
                    st.setString(6, p.status().name());
                    st.setLong(7, p.section());
                    st.setObject(8, java.time.OffsetDateTime.ofInstant(p.created(), java.time.ZoneOffset.UTC));
                    st.setObject(9, java.time.OffsetDateTime.ofInstant(p.modified(), java.time.ZoneOffset.UTC));
                    if (author == null) st.setNull(10, java.sql.Types.BIGINT); else st.setLong(10, author);
                    st.addBatch();
                }
                st.executeBatch();
            }
        });
    }

    /** A statement's fields, image, attachments and tags as the item gives them. */
    private void fill(EntityManager em, K2Source.Item item, Prepared p, Statement s, Map<Long, Long> authors, List<Long> tagIds,
                      Map<Long, String> tagNames, Long image, List<Attached> attached, Map<String, Long> tagCache, Report report) {
        s.setTitle(p.title());
        s.setSlug(p.slug());
        s.setLead(p.lead());
        // The site's own pictures in the text become figures with every size; the site answers at the
        // root, as its old addresses need.
        s.setBody(p.body().contains("<img") ? BodyImages.expand(em, p.body(), "") : p.body());
        s.setSource(p.source());
        s.setLanguage(p.language());
        s.setStatus(p.status());
        s.schedule(p.publishedAt(), zone);
        s.setSection(em.getReference(Section.class, p.section()));
        Long editor = authors.get(item.createdBy());
        s.touch(editor == null ? null : em.getReference(User.class, editor), p.modified());
        if (image != null) {
            // K2 has no alt text: its templates give the caption, or the title.
            String caption = item.imageCaption().isBlank() ? null : cut(item.imageCaption().strip(), 1000);
            s.illustrate(em.find(Media.class, image), cut(caption != null ? caption : p.title(), 500), caption,
                    item.imageCredits().isBlank() ? null : cut(item.imageCredits().strip(), 300));
        }
        if (!attached.isEmpty()) {
            s.getAttachments().clear();
            for (Attached a : attached) {
                Media file = em.find(Media.class, a.media());
                if (file.getKind() == Media.Kind.DOCUMENT) {
                    s.getAttachments().add(new Attachment(file, a.title()));
                } else {
                    // A statement's attachments are documents; the photo stays in the library.
                    report.problem("item.attachmentNotDocument", "item " + item.id(), file.getFileName());
                }
            }
        }
        s.getTags().clear();
        for (Long tagId : tagIds) {
            String name = tagNames.get(tagId);
            if (name == null || name.isBlank()) continue;
            s.getTags().add(tag(em, tagId, name.strip(), p.language(), tagCache, report));
        }
    }

    /**
     * The items' images ({@code media/k2/items/src/{md5("Image" + id)}.jpg}) in the library, by
     * item id: each stored once (re-encoded, without metadata, in every size) and remembered with
     * K2's name for it, so a second run and the old image addresses find it.
     */
    private Map<Long, Long> images(List<K2Source.Item> items, Path files, boolean dry, Report report) {
        Map<Long, Long> images = new HashMap<>();
        for (K2Source.Item item : items) {
            String hash = k2ImageName(item.id());
            Path file = files.resolve("media/k2/items/src/" + hash + ".jpg");
            if (!Files.isRegularFile(file)) {
                continue; // K2 knows an item has an image only by its file
            }
            Long known = tx.read(em -> imported(em, "image", item.id(), ""));
            if (known != null) {
                images.put(item.id(), known);
                continue;
            }
            report.count("images");
            if (dry) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                long id = media.addFile(Actor.system(), "k2-item-" + item.id() + ".jpg", in, null,
                        item.imageCaption().isBlank() ? null : cut(item.imageCaption().strip(), 1000),
                        item.imageCredits().isBlank() ? null : cut(item.imageCredits().strip(), 300));
                tx.run(em -> {
                    remember(em, "image", item.id(), "", id, null);
                    em.find(K2Imported.class, new K2Imported.Key("image", item.id(), "")).k2Hash = hash;
                });
                images.put(item.id(), id);
            } catch (UploadRefused e) {
                report.problem("item.imageRefused", "item " + item.id(), e.key());
            } catch (IOException e) {
                report.problem("item.imageUnreadable", "item " + item.id(), e.getMessage());
            }
        }
        return images;
    }

    /**
     * The old site's pictures inside these items' texts ({@code /images/…}) in the library, by their
     * {@code src} as the texts spell it, to the address the text now gives: each file stored once and
     * remembered by its path, so two texts showing it, and a second run, share it.
     */
    private Map<String, String> bodyImages(List<K2Source.Item> items, Path files, boolean dry, Report report) {
        Map<String, String> paths = new HashMap<>();
        for (K2Source.Item item : items) {
            for (String src : K2Text.localImages(item.introtext() + item.fulltext())) {
                if (paths.containsKey(src)) continue;
                String local = K2Text.localPath(src);
                Path file = files.resolve(local).normalize();
                if (!file.startsWith(files.normalize()) || !Files.isRegularFile(file)) {
                    report.problem("item.bodyImageMissing", "item " + item.id(), src);
                    continue;
                }
                String hash = md5(local);
                long key = Long.parseLong(hash.substring(0, 15), 16);
                Long known = tx.read(em -> imported(em, "bodyimage", key, ""));
                if (known == null) {
                    report.count("bodyImages");
                    if (dry) {
                        paths.put(src, "/media/");
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        long id = media.addFile(Actor.system(), file.getFileName().toString(), in, null, null, null);
                        tx.run(em -> {
                            remember(em, "bodyimage", key, "", id, null);
                            em.find(K2Imported.class, new K2Imported.Key("bodyimage", key, "")).k2Hash = hash;
                        });
                        known = id;
                    } catch (UploadRefused e) {
                        report.problem("item.bodyImageRefused", "item " + item.id(), src + ": " + e.key());
                        continue;
                    } catch (IOException e) {
                        report.problem("item.bodyImageMissing", "item " + item.id(), src);
                        continue;
                    }
                }
                long id = known;
                String address = tx.read(em -> {
                    Media m = em.find(Media.class, id);
                    return m == null || m.getKind() != Media.Kind.IMAGE ? null
                            : org.bayan.media.Picture.of(m, null, null, null).src();
                });
                if (address != null) paths.put(src, address);
            }
        }
        return paths;
    }

    private static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document of the library attached to an item, under the attachment's K2 title. */
    private record Attached(long media, String title) {
    }

    /**
     * The items' attachments ({@code media/k2/attachments/{filename}}) in the library, by item id:
     * each stored once, as any upload (a PDF rewritten without its metadata); a file of another type
     * or one missing is reported and left out.
     */
    private Map<Long, List<Attached>> attachments(Map<Long, List<K2Source.AttachedFile>> byItem, Path files, boolean dry,
                                                  Report report) {
        Map<Long, List<Attached>> attached = new HashMap<>();
        for (List<K2Source.AttachedFile> list : byItem.values()) {
            for (K2Source.AttachedFile a : list) {
                String about = "item " + a.itemId();
                String name = Path.of(a.filename().isBlank() ? "attachment-" + a.id() : a.filename()).getFileName().toString();
                Path file = files.resolve("media/k2/attachments").resolve(name);
                String title = cut((a.title().isBlank() ? name : a.title()).strip(), 300);
                Long known = tx.read(em -> imported(em, "attachment", a.id(), ""));
                if (known != null) {
                    attached.computeIfAbsent(a.itemId(), k -> new ArrayList<>()).add(new Attached(known, title));
                    continue;
                }
                if (!Files.isRegularFile(file)) {
                    report.problem("item.attachmentMissing", about, name);
                    continue;
                }
                report.count("attachments");
                if (dry) continue;
                try (InputStream in = Files.newInputStream(file)) {
                    long id = media.addFile(Actor.system(), name, in, null, null, null);
                    tx.run(em -> remember(em, "attachment", a.id(), "", id, null));
                    attached.computeIfAbsent(a.itemId(), k -> new ArrayList<>()).add(new Attached(id, title));
                } catch (UploadRefused e) {
                    report.problem("item.attachmentRefused", about, name + ": " + e.key());
                } catch (IOException e) {
                    report.problem("item.attachmentUnreadable", about, name);
                }
            }
        }
        return attached;
    }

    /** K2's name for an item's image: the MD5 of "Image" and the id, in hex. */
    static String k2ImageName(long itemId) {
        return md5("Image" + itemId);
    }

    /** The Bayan tag of a K2 tag in a language: Bayan's tags are per language, K2's are not. */
    private Tag tag(EntityManager em, long k2Id, String name, String language, Map<String, Long> cache, Report report) {
        String key = k2Id + ":" + language;
        Long cached = cache.get(key);
        if (cached != null) {
            return em.getReference(Tag.class, cached);
        }
        String slug = cut(Slugs.of(name), 100);
        if (slug.isEmpty()) slug = "tag-" + k2Id;
        Long same = cache.get("slug:" + language + ":" + slug);
        long id;
        if (same != null) {
            id = same; // a tag Bayan has by that name in that language: the K2 tag joins it
        } else {
            Tag tag = new Tag(cut(name, 100), slug, language);
            em.persist(tag); // its id at once (an identity column)
            report.count("tags");
            id = tag.getId();
            cache.put("slug:" + language + ":" + slug, id);
        }
        // Not known before (the run read every tag the import knew): a new row.
        em.persist(new K2Imported(new K2Imported.Key("tag", k2Id, language), id, null));
        cache.put(key, id);
        return em.getReference(Tag.class, id);
    }

    /** K2's language tags: en-GB, ar-AA, tr-TR; "*" (all) is the site's default. Others are reported and take the default. */
    private String language(String k2, String about, Report report) {
        String code = k2 == null || k2.isBlank() || k2.equals("*") ? languages.get(0)
                : k2.strip().toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
        if (!languages.contains(code)) {
            report.problem("item.language", about, k2);
            return languages.get(0);
        }
        return code;
    }

    private static String slug(K2Source.Item item) {
        return slug(item.alias(), item.title());
    }

    private static String slug(String alias, String title) {
        String slug = cut(Slugs.of(alias.isBlank() ? title : alias), MAX_SLUG);
        return slug.isEmpty() ? "item" : slug;
    }

    private static Long imported(EntityManager em, String kind, long k2Id, String key) {
        K2Imported k = em.find(K2Imported.class, new K2Imported.Key(kind, k2Id, key));
        return k == null ? null : k.bayanId;
    }

    private static void remember(EntityManager em, String kind, long k2Id, String key, long bayanId, Long version) {
        K2Imported k = em.find(K2Imported.class, new K2Imported.Key(kind, k2Id, key));
        if (k == null) {
            em.persist(new K2Imported(new K2Imported.Key(kind, k2Id, key), bayanId, version));
        } else {
            k.bayanId = bayanId;
        }
    }

    /** New statements written in Bayan take ids above the imported ones. */
    private void restartIds() {
        tx.run(em -> {
            long max = em.createQuery("select coalesce(max(s.id), 0) from Statement s", Long.class).getSingleResult();
            String product = em.unwrap(org.hibernate.Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName());
            if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                em.createNativeQuery("select setval(pg_get_serial_sequence('statement', 'id'), " + Math.max(max, 1) + ")").getSingleResult();
            } else {
                em.createNativeQuery("alter table statement alter column id restart with " + (max + 1)).executeUpdate();
            }
        });
    }

    private static String cut(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max).strip();
    }
}
