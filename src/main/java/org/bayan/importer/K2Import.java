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
import org.bayan.statement.BodySanitizer;
import org.bayan.statement.Statement;
import org.bayan.statement.Status;
import org.bayan.importer.StatementWriter.Attached;
import org.bayan.importer.StatementWriter.Prepared;
import org.bayan.user.Actor;
import org.bayan.user.User;

/**
 * Brings a Joomla K2 site over: its categories as the section tree, its authors as staff
 * accounts (disabled, with no password), its tags, and its items as statements under their own
 * ids, so that every old address can find its page. A dry run reads everything and reports what
 * would come and every problem, writing nothing. The import writes in batches of {@value #BATCH}
 * items, each one transaction (a statement whole with its tags and first revision, or not at
 * all); what K2's ids map to is kept ({@code imported}), so that running it again updates what
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

    /**
     * Reads the whole source and reports what an import would bring and every problem, writing nothing.
     *
     * @param files the Joomla site's folder (holding {@code media/k2/items/src/}), or null to bring no images
     */
    public ImportReport dryRun(K2Source source, Path files) {
        return dryRun(source, files, null, p -> { });
    }

    /** A dry run that also reads the CSV of translations ({@link Translations}); {@code progress} hears after every batch. */
    public ImportReport dryRun(K2Source source, Path files, Path translations, Consumer<ImportReport.Progress> progress) {
        return go(source, files, translations, null, true, progress);
    }

    /** Imports the source; {@code progress} hears after every batch. */
    public ImportReport run(K2Source source, Path files, Consumer<ImportReport.Progress> progress) {
        return run(source, files, null, null, progress);
    }

    /**
     * Imports the source, links the translations the CSV pairs (null: none), and writes the
     * readers' comments to {@code comments.csv} in {@code folder} (null: not written).
     */
    public ImportReport run(K2Source source, Path files, Path translations, Path folder, Consumer<ImportReport.Progress> progress) {
        return go(source, files, translations, folder, false, progress);
    }

    private ImportReport go(K2Source source, Path files, Path translations, Path folder, boolean dry,
                            Consumer<ImportReport.Progress> progress) {
        if (files != null && !Files.isDirectory(files.resolve("media/k2/items"))) {
            throw new ImportRefused("import.files.missing", files.resolve("media/k2/items"));
        }
        List<long[]> pairs = translations == null ? List.of() : Translations.read(translations);
        Instant started = clock.instant();
        ImportReport report = new ImportReport(dry);
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
        StatementWriter writer = new StatementWriter("", true, "imported from K2", clock, zone);
        if (!dry) {
            tx.run(writer::readTags);
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
            List<StatementWriter.Incoming> incoming = new ArrayList<>();
            for (K2Source.Item item : items) {
                Prepared p = prepare(item, sections, itemPaths, bodyImages, report);
                prepared.put(item.id(), p);
                incoming.add(new StatementWriter.Incoming(item.id(), p, authors.get(item.createdBy()),
                        tags.getOrDefault(item.id(), List.of()).stream().map(t -> new StatementWriter.SourceTag(t, tagNames.get(t), null)).toList(),
                        images.get(item.id()), item.imageCaption(), item.imageCredits(), attached.getOrDefault(item.id(), List.of())));
            }
            if (!dry) {
                tx.run(em -> writer.write(em, incoming, report));
                for (K2Source.Item item : items) {
                    Prepared p = prepared.get(item.id());
                    if (p.section() != null && p.status() == Status.PUBLISHED) {
                        report.redirect("items", "/index.php?option=com_k2&view=item&id=" + item.id() + ":" + query(item.alias()));
                    }
                }
                images.forEach((item, media) -> report.redirect("images", "/media/k2/items/cache/" + k2ImageName(item) + "_L.jpg"));
            }
            done += batch.size();
            progress.accept(new ImportReport.Progress(done, total, Duration.between(started, clock.instant())));
        }
        if (!dry) {
            tx.run(StatementWriter::restartIds);
        }
        if (!pairs.isEmpty()) {
            Translations.link(tx, pairs, dry, report);
        }
        comments(source, itemPaths, folder, report);
        redirects(sections, sectionPaths, tagNames, report);
        report.tookMillis = Duration.between(started, clock.instant()).toMillis();
        return report;
    }

    /**
     * Ids are kept, so the site must not have statements of its own under them: the demo
     * content, or statements written before the import. (Those the import made are its own.)
     */
    private void requireNoOwnStatements(K2Source source, ImportReport report) {
        long own = tx.read(em -> em.createQuery("select count(s) from Statement s where s.id not in"
                + " (select k.targetId from Imported k where k.key.kind = 'item')", Long.class).getSingleResult());
        if (own > 0) {
            throw new ImportRefused("import.siteNotEmpty", own);
        }
    }

    /** Examples of the listings' old addresses, each answered now: categories and tags. */
    private static void redirects(Map<Long, Long> sections, Map<Long, String> sectionPaths, Map<Long, String> tagNames,
                                  ImportReport report) {
        if (report.dryRun) return;
        sections.keySet().stream().sorted().forEach(k2 -> report.redirect("sections",
                "/index.php?option=com_k2&view=itemlist&task=category&id=" + k2));
        tagNames.values().stream().filter(n -> n != null && !n.isBlank() && !Slugs.of(n.strip()).isEmpty())
                .forEach(n -> report.redirect("tags", "/index.php?option=com_k2&view=itemlist&task=tag&tag=" + query(n.strip())));
    }

    private static String query(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The readers' comments, streamed a thousand at a time to the import's {@link CommentsFile}. */
    private static void comments(K2Source source, Map<Long, String> itemPaths, Path folder, ImportReport report) {
        try (CommentsFile file = new CommentsFile(folder, report)) {
            long after = 0;
            for (List<K2Source.Comment> batch; !(batch = source.comments(after, 1_000)).isEmpty(); after = batch.get(batch.size() - 1).id()) {
                for (K2Source.Comment c : batch) {
                    file.write(c.id(), c.itemId(), itemPaths.get(c.itemId()), c.name(), c.email(), c.url(), c.date(), c.published(),
                            c.text());
                }
            }
        }
    }

    // ---- categories, authors ----

    /** K2 category id → section id: existing sections of the same path are joined, others made. */
    private Map<Long, Long> sections(List<K2Source.Category> categories, boolean dry, ImportReport report) {
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
                Long known = Imported.target(em, "category", c.id(), "");
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
                    Imported.remember(em, "category", c.id(), "", section.getId());
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
                              List<K2Source.Category> ordered, ImportReport report, int depth) {
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
    private Map<Long, Long> authors(List<K2Source.Author> authors, boolean dry, ImportReport report) {
        Map<Long, Long> mapped = new HashMap<>();
        if (dry) {
            authors.forEach(a -> report.count("accounts"));
            return mapped;
        }
        tx.run(em -> {
            for (K2Source.Author a : authors) {
                Long known = Imported.target(em, "user", a.id(), "");
                if (known != null && em.find(User.class, known) != null) {
                    mapped.put(a.id(), known);
                    continue;
                }
                long user = ImportedAccounts.create(em, a.username(), "k2-" + a.id(), a.name(), clock.instant());
                Imported.remember(em, "user", a.id(), "", user);
                mapped.put(a.id(), user);
                report.count("accounts");
            }
        });
        return mapped;
    }

    // ---- items ----

    private Prepared prepare(K2Source.Item item, Map<Long, Long> sections, Map<Long, String> itemPaths,
                             Map<String, String> bodyImages, ImportReport report) {
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
        long left = text.outsidePictures();
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
        int dropped = text.markup() - K2Text.markup(org.jsoup.Jsoup.parseBodyFragment(body));
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
                created, modified, section,
                StatementWriter.Presented.of(item.createdByAlias(), item.metadesc(), item.featured(), item.hits()));
    }

    /**
     * The items' images ({@code media/k2/items/src/{md5("Image" + id)}.jpg}) in the library, by
     * item id: each stored once (re-encoded, without metadata, in every size) and remembered with
     * K2's name for it, so a second run and the old image addresses find it.
     */
    private Map<Long, Long> images(List<K2Source.Item> items, Path files, boolean dry, ImportReport report) {
        Map<Long, Long> images = new HashMap<>();
        for (K2Source.Item item : items) {
            String hash = k2ImageName(item.id());
            Path file = files.resolve("media/k2/items/src/" + hash + ".jpg");
            if (!Files.isRegularFile(file)) {
                continue; // K2 knows an item has an image only by its file
            }
            Long known = tx.read(em -> Imported.target(em, "image", item.id(), ""));
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
                    Imported.remember(em, "image", item.id(), "", id);
                    em.find(Imported.class, new Imported.Key("image", item.id(), "")).sourceHash = hash;
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
    private Map<String, String> bodyImages(List<K2Source.Item> items, Path files, boolean dry, ImportReport report) {
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
                Long known = tx.read(em -> Imported.target(em, "bodyimage", key, ""));
                if (known == null) {
                    report.count("bodyImages");
                    if (dry) {
                        paths.put(src, "/media/");
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        long id = media.addFile(Actor.system(), file.getFileName().toString(), in, null, null, null);
                        tx.run(em -> {
                            Imported.remember(em, "bodyimage", key, "", id);
                            em.find(Imported.class, new Imported.Key("bodyimage", key, "")).sourceHash = hash;
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
        return Imported.md5(text);
    }

    /**
     * The items' attachments ({@code media/k2/attachments/{filename}}) in the library, by item id:
     * each stored once, as any upload (a PDF rewritten without its metadata); a file of another type
     * or one missing is reported and left out.
     */
    private Map<Long, List<Attached>> attachments(Map<Long, List<K2Source.AttachedFile>> byItem, Path files, boolean dry,
                                                  ImportReport report) {
        Map<Long, List<Attached>> attached = new HashMap<>();
        for (List<K2Source.AttachedFile> list : byItem.values()) {
            for (K2Source.AttachedFile a : list) {
                String about = "item " + a.itemId();
                String name = Path.of(a.filename().isBlank() ? "attachment-" + a.id() : a.filename()).getFileName().toString();
                Path file = files.resolve("media/k2/attachments").resolve(name);
                String title = cut((a.title().isBlank() ? name : a.title()).strip(), 300);
                Long known = tx.read(em -> Imported.target(em, "attachment", a.id(), ""));
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
                    tx.run(em -> Imported.remember(em, "attachment", a.id(), "", id));
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

    /** K2's language tags: en-GB, ar-AA, tr-TR; "*" (all) is the site's default. Others are reported and take the default. */
    private String language(String k2, String about, ImportReport report) {
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

    private static String cut(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max).strip();
    }
}
