package org.bayan.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.bayan.importer.StatementWriter.Attached;
import org.bayan.importer.StatementWriter.Prepared;
import org.bayan.media.Media;
import org.bayan.media.MediaService;
import org.bayan.media.Picture;
import org.bayan.media.UploadRefused;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.text.Slugs;
import org.bayan.section.Section;
import org.bayan.statement.BodySanitizer;
import org.bayan.statement.Status;
import org.bayan.user.Actor;
import org.bayan.user.User;

/**
 * Brings a WordPress site over from its export file (WXR) and its uploads folder
 * ({@code wp-content/uploads}): categories as the section tree, authors as disabled staff
 * accounts with no password, tags, and posts as statements, each under its own id where no
 * statement has that id yet; the featured image and the pictures in the text through the media
 * library (metadata stripped, sizes made), documents attached to a post as its attachments,
 * the comments to a file. In batches of {@value #BATCH} posts, each one transaction; what each
 * WordPress row became is kept ({@link Imported}, kinds {@code wp-…}), so a second run updates
 * and never duplicates, a run stopped by a kill resumes, and every old address finds its page
 * ({@link WordPressAddresses}). Pages, menus and other types than posts are counted and left.
 */
public final class WxrImport {

    static final int BATCH = 200;
    private static final DateTimeFormatter SQL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Transactions tx;
    private final List<String> languages;
    private final ZoneId zone;
    private final Clock clock;
    private final Runnable sectionsChanged;
    private final MediaService media;

    public WxrImport(Transactions tx, List<String> languages, ZoneId zone, Clock clock, Runnable sectionsChanged, MediaService media) {
        this.tx = tx;
        this.languages = List.copyOf(languages);
        this.zone = zone;
        this.clock = clock;
        this.sectionsChanged = sectionsChanged;
        this.media = media;
    }

    /** Reads the export through and reports what would come and every problem, writing nothing. */
    public ImportReport dryRun(WxrSource source, Path uploads) {
        return dryRun(source, uploads, p -> { });
    }

    /** A dry run; {@code progress} hears after every batch. */
    public ImportReport dryRun(WxrSource source, Path uploads, Consumer<ImportReport.Progress> progress) {
        return go(source, uploads, null, true, progress);
    }

    /** Imports the export; the comments go to {@code comments.csv} in {@code folder} (null: not written). */
    public ImportReport run(WxrSource source, Path uploads, Path folder, Consumer<ImportReport.Progress> progress) {
        return go(source, uploads, folder, false, progress);
    }

    private ImportReport go(WxrSource source, Path uploads, Path folder, boolean dry, Consumer<ImportReport.Progress> progress) {
        Instant started = clock.instant();
        ImportReport report = new ImportReport(dry);
        String language = language(source.language(), report);
        Map<String, Long> sections = sections(source, dry, report);
        Map<String, Long> authors = authors(source.authors(), dry, report);
        Map<Long, List<WxrSource.Attachment>> attachedTo = new HashMap<>();
        source.attachments().values().forEach(a -> attachedTo.computeIfAbsent(a.parent(), k -> new ArrayList<>()).add(a));
        StatementWriter writer = new StatementWriter("wp-", false, "imported from WordPress", clock, zone);
        if (!dry) {
            tx.run(writer::readTags);
        }
        long total = source.addresses().size();
        List<WxrSource.Post> batch = new ArrayList<>();
        long[] done = {0};
        try (CommentsFile comments = new CommentsFile(folder, report)) {
            Consumer<List<WxrSource.Post>> write = posts -> {
                writeBatch(posts, source, language, sections, authors, attachedTo, uploads, writer, comments, report);
                done[0] += posts.size();
                progress.accept(new ImportReport.Progress(done[0], total, Duration.between(started, clock.instant())));
                posts.clear();
            };
            source.posts(post -> {
                batch.add(post);
                if (batch.size() == BATCH) write.accept(batch);
            });
            if (!batch.isEmpty()) write.accept(batch);
        }
        if (!dry) {
            tx.run(StatementWriter::restartIds);
            sections.keySet().stream().limit(ImportReport.EXAMPLES).forEach(slug -> report.redirect("sections", "/category/" + slug + "/"));
            source.tags().keySet().stream().limit(ImportReport.EXAMPLES).forEach(slug -> report.redirect("tags", "/tag/" + slug + "/"));
        }
        report.tookMillis = Duration.between(started, clock.instant()).toMillis();
        return report;
    }

    private void writeBatch(List<WxrSource.Post> posts, WxrSource source, String language, Map<String, Long> sections,
                            Map<String, Long> authors, Map<Long, List<WxrSource.Attachment>> attachedTo, Path uploads,
                            StatementWriter writer, CommentsFile comments, ImportReport report) {
        List<StatementWriter.Incoming> incoming = new ArrayList<>();
        for (WxrSource.Post post : posts) {
            String about = "post " + post.id();
            // The pictures the text shows and the featured one, each stored once, before the batch that uses them.
            Map<String, String> pictures = new HashMap<>();
            if (uploads != null) {
                for (String path : WxrText.uploads(post.content())) {
                    // A size WordPress made (photo-1024x576.jpg): the original, when it is there, in all of Bayan's sizes.
                    String original = path.replaceFirst("-\\d{2,5}x\\d{2,5}(\\.[A-Za-z0-9]{2,5})$", "$1");
                    Long id = file(uploads, !original.equals(path) && Files.isRegularFile(uploads.resolve(original)) ? original : path,
                            about, report);
                    String address = id == null ? null : pictureAddress(id);
                    if (address != null) pictures.put(path, address);
                }
            }
            Long image = null;
            String caption = null;
            WxrSource.Attachment featured = post.thumbnail() == null ? null : source.attachments().get(post.thumbnail());
            if (post.thumbnail() != null && featured == null) {
                report.problem("post.imageMissing", about, "attachment " + post.thumbnail());
            } else if (featured != null && uploads != null) {
                image = file(uploads, attachedPath(featured), about, report);
                caption = featured.caption(); // its title is most often the file's name: no alt text
            }
            List<Attached> attached = new ArrayList<>();
            if (uploads != null) {
                for (WxrSource.Attachment a : attachedTo.getOrDefault(post.id(), List.of())) {
                    String path = attachedPath(a);
                    if (path == null || isPicture(path)) continue; // a picture of the post is in its text or is its image
                    Long id = file(uploads, path, about, report);
                    if (id != null) attached.add(new Attached(id, StatementWriter.cut(a.title().isBlank() ? path : a.title(), 300)));
                }
            }
            Prepared p = prepare(post, language, sections, pictures, report);
            List<StatementWriter.SourceTag> tags = post.tags().stream().map(slug -> {
                WxrSource.Term t = source.tags().get(slug);
                String name = t == null ? slug : t.name();
                long id = t == null || t.id() == 0 ? slugId(slug) : t.id();
                return new StatementWriter.SourceTag(id, name, PercentDecoding.path(slug));
            }).toList();
            incoming.add(new StatementWriter.Incoming(post.id(), p, authors.get(post.creator()), tags, image, caption, null, attached));
        }
        Map<Long, Long> written = report.dryRun ? Map.of() : tx.inTransaction(em -> writer.write(em, incoming, report));
        for (WxrSource.Post post : posts) {
            Long statement = written.get(post.id());
            if (statement != null && incoming.stream().anyMatch(i -> i.sourceId() == post.id() && i.prepared().status() == Status.PUBLISHED)) {
                report.redirect("items", "/?p=" + post.id());
            }
            for (WxrSource.Comment c : post.comments()) {
                comments.write(c.id(), post.id(), statement == null ? null : "/?p=" + post.id(), c.author(), c.email(), c.url(),
                        c.date(), c.approved(), c.text());
            }
        }
    }

    private Prepared prepare(WxrSource.Post post, String language, Map<String, Long> sections, Map<String, String> pictures,
                             ImportReport report) {
        String about = "post " + post.id();
        String title = post.title().strip();
        if (title.isEmpty()) {
            title = "WordPress post " + post.id();
            report.problem("item.untitled", about, "");
        }
        if (title.length() > K2Import.MAX_TITLE) {
            report.problem("item.titleCut", about, title.substring(0, 60));
            title = StatementWriter.cut(title, K2Import.MAX_TITLE);
        }
        Long section = null;
        for (String slug : post.categories()) {
            section = sections.get(slug);
            if (section != null) break;
        }
        if (section == null) {
            report.problem("item.noCategory", about, String.join(", ", post.categories()));
        } else if (post.categories().size() > 1) {
            report.problem("post.moreCategories", about, String.join(", ", post.categories()));
        }
        WxrText.Result text = WxrText.of(post.content(), pictures::get);
        if (!text.shortcodes().isEmpty()) {
            report.problem("post.shortcodes", about, String.join(" ", text.shortcodes()));
        }
        String body = BodySanitizer.sanitize(text.html());
        if (body.length() > K2Import.MAX_BODY) {
            report.problem("item.bodyTooLong", about, body.length() + "");
            for (int at = K2Import.MAX_BODY - 1_000; body.length() > K2Import.MAX_BODY; at -= 1_000) {
                body = BodySanitizer.sanitize(body.substring(0, at));
            }
        }
        String excerpt = org.jsoup.Jsoup.parseBodyFragment(post.excerpt()).text().strip();
        String lead = excerpt.isEmpty() || excerpt.length() > K2Import.MAX_LEAD ? null : excerpt;
        Instant date = date(post.dateGmt(), null);
        if (date == null) date = date(post.date(), zone);
        Instant now = clock.instant();
        Status status = switch (post.status()) {
            case "publish" -> date != null && date.isAfter(now) ? Status.SCHEDULED : Status.PUBLISHED;
            case "future" -> Status.SCHEDULED;
            case "pending" -> Status.IN_REVIEW;
            case "trash" -> Status.TRASHED;
            default -> Status.DRAFT; // draft, auto-draft, private, anything else
        };
        if (post.status().equals("private")) {
            report.problem("post.private", about, title);
        }
        if (date == null && (status == Status.PUBLISHED || status == Status.SCHEDULED)) {
            date = now;
            report.problem("item.noDate", about, "");
        }
        Instant created = date != null ? date : now;
        Instant modified = date(post.modifiedGmt(), null);
        if (modified == null || modified.isBefore(created)) modified = created;
        report.count("statements");
        report.count("statements." + status.name().toLowerCase(Locale.ROOT));
        String slug = StatementWriter.cut(Slugs.of(PercentDecoding.path(post.slug()).isBlank() ? title : PercentDecoding.path(post.slug())), K2Import.MAX_SLUG);
        return new Prepared(language, title, slug.isEmpty() ? "post" : slug, lead, body,
                text.source() == null ? null : StatementWriter.cut(text.source(), 300), status,
                status == Status.PUBLISHED || status == Status.SCHEDULED ? date : null, created, modified, section,
                // A sticky post is WordPress's featured one; WordPress counts no readers.
                StatementWriter.Presented.of(null, post.metaDescription(), post.sticky(), 0));
    }

    /** A WordPress date ({@code 2018-05-02 11:00:00}) in UTC ({@code zone} null) or in the site's zone; null for none. */
    private static Instant date(String value, ZoneId zone) {
        if (value == null || value.isBlank() || value.startsWith("0000-00-00")) return null;
        try {
            LocalDateTime local = LocalDateTime.parse(value.strip(), SQL_DATE);
            return zone == null ? local.toInstant(ZoneOffset.UTC) : local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The export's language ({@code en-US}); one Bayan does not have, or none, is the site's first. */
    private String language(String channel, ImportReport report) {
        String code = channel == null || channel.isBlank() ? languages.get(0)
                : channel.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (!languages.contains(code)) {
            report.problem("post.language", "export", channel);
            return languages.get(0);
        }
        return code;
    }

    // ---- categories, authors, files ----

    /** WordPress category slug → section id: parents first; a section of the same path is joined, others made. */
    private Map<String, Long> sections(WxrSource source, boolean dry, ImportReport report) {
        List<WxrSource.Term> ordered = new ArrayList<>();
        Map<String, Boolean> placed = new HashMap<>();
        for (WxrSource.Term t : source.categories().values()) place(t, source.categories(), placed, ordered, 0);
        Map<String, Long> mapped = new LinkedHashMap<>();
        if (dry) {
            ordered.forEach(t -> {
                report.count("sections");
                mapped.put(t.slug(), -1L);
            });
            return mapped;
        }
        tx.run(em -> {
            for (WxrSource.Term t : ordered) {
                Long parentId = t.parent().isEmpty() ? null : mapped.get(t.parent());
                Section parent = parentId == null ? null : em.find(Section.class, parentId);
                long key = t.id() == 0 ? slugId(t.slug()) : t.id();
                Imported known = em.find(Imported.class, new Imported.Key("wp-category", key, ""));
                Section section = known == null ? null : em.find(Section.class, known.targetId);
                if (section == null) {
                    String slug = StatementWriter.cut(Slugs.of(PercentDecoding.path(t.slug())), 100);
                    if (slug.isEmpty()) slug = "category-" + key;
                    var query = em.createQuery("select s from Section s where s.slug = :slug and "
                            + (parent == null ? "s.parent is null" : "s.parent = :parent"), Section.class).setParameter("slug", slug);
                    if (parent != null) query.setParameter("parent", parent);
                    section = query.getResultStream().findFirst().orElse(null);
                    if (section == null) {
                        section = new Section(parent, slug, StatementWriter.cut(t.name().isBlank() ? t.slug() : t.name(), 200), 0);
                        em.persist(section);
                        report.count("sections");
                    } else {
                        report.problem("category.joined", "category " + t.slug(), t.name() + " → " + section.getName());
                    }
                    em.flush();
                    Imported.remember(em, "wp-category", key, "", section.getId()).sourceHash = Imported.hashOf(PercentDecoding.path(t.slug()));
                } else {
                    report.count("sections.kept");
                }
                mapped.put(t.slug(), section.getId());
            }
        });
        sectionsChanged.run();
        return mapped;
    }

    private static void place(WxrSource.Term t, Map<String, WxrSource.Term> bySlug, Map<String, Boolean> placed,
                              List<WxrSource.Term> ordered, int depth) {
        if (placed.containsKey(t.slug())) return;
        placed.put(t.slug(), true);
        WxrSource.Term parent = bySlug.get(t.parent());
        if (parent != null && depth < 50) place(parent, bySlug, placed, ordered, depth + 1);
        ordered.add(parent == null && !t.parent().isEmpty() ? new WxrSource.Term(t.id(), t.slug(), "", t.name()) : t);
    }

    /** Author login → staff account id: disabled, no password carried over. */
    private Map<String, Long> authors(List<WxrSource.Author> authors, boolean dry, ImportReport report) {
        Map<String, Long> mapped = new HashMap<>();
        if (dry) {
            authors.forEach(a -> report.count("accounts"));
            return mapped;
        }
        tx.run(em -> {
            for (WxrSource.Author a : authors) {
                long key = a.id() == 0 ? slugId(a.login()) : a.id();
                Imported known = em.find(Imported.class, new Imported.Key("wp-user", key, ""));
                // The author archive's address, /author/{nicename}/: WordPress makes the nicename of the login.
                String nicename = Imported.hashOf(a.login().toLowerCase(java.util.Locale.ROOT));
                if (known != null && em.find(User.class, known.targetId) != null) {
                    known.sourceHash = nicename;
                    mapped.put(a.login(), known.targetId);
                    continue;
                }
                long user = ImportedAccounts.create(em, a.login(), "wp-" + key, a.name(), clock.instant());
                Imported.remember(em, "wp-user", key, "", user).sourceHash = nicename;
                mapped.put(a.login(), user);
                report.count("accounts");
            }
        });
        return mapped;
    }

    /**
     * A file of the uploads folder in the library, by its path there: stored once (a photo
     * re-encoded without its metadata, in every size), remembered by its path, so that a second
     * post showing it, a second run, and its old address find it. Null when missing or refused (reported).
     */
    private Long file(Path uploads, String path, String about, ImportReport report) {
        if (path == null || path.isBlank()) return null;
        String hash = Imported.md5(path);
        long key = Long.parseLong(hash.substring(0, 15), 16);
        Long known = tx.read(em -> {
            Imported k = em.find(Imported.class, new Imported.Key("wp-file", key, ""));
            return k == null || em.find(Media.class, k.targetId) == null ? null : k.targetId;
        });
        if (known != null) return known;
        Path file = uploads.resolve(path).normalize();
        if (!file.startsWith(uploads.normalize()) || !Files.isRegularFile(file)) {
            report.problem("post.fileMissing", about, path);
            return null;
        }
        report.count("files");
        if (report.dryRun) return null;
        try (InputStream in = Files.newInputStream(file)) {
            long id = media.addFile(Actor.system(), file.getFileName().toString(), in, null, null, null);
            tx.run(em -> Imported.remember(em, "wp-file", key, "", id).sourceHash = hash);
            if (isPicture(path)) report.redirect("files", "/wp-content/uploads/" + path);
            return id;
        } catch (UploadRefused e) {
            report.problem("post.fileRefused", about, path + ": " + e.key());
        } catch (IOException e) {
            report.problem("post.fileMissing", about, path);
        }
        return null;
    }

    private String pictureAddress(long id) {
        return tx.read(em -> {
            Media m = em.find(Media.class, id);
            return m == null || m.getKind() != Media.Kind.IMAGE ? null : Picture.of(m, null, null, null).src();
        });
    }

    /** An attachment's path below the uploads folder: as WordPress recorded it, else from its address. */
    private static String attachedPath(WxrSource.Attachment a) {
        if (!a.file().isBlank() && !a.file().contains("..")) return a.file().strip();
        return WxrText.uploadPath(a.url());
    }

    private static boolean isPicture(String path) {
        return path.toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|gif|webp)$");
    }

    /** A stable id for a row the export gives no id (a tag named only in a post): from its slug. */
    static long slugId(String slug) {
        return Long.parseLong(Imported.md5("slug:" + slug).substring(0, 15), 16);
    }
}
