package org.bayan.media;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bayan.platform.Forbidden;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.StaleVersion;
import org.bayan.platform.StaleVersion.Field;
import org.bayan.platform.StaleVersion.Text;
import org.bayan.platform.persistence.Transactions;
import org.bayan.user.Actor;
import org.bayan.user.AuditTrail;
import org.bayan.user.Policy;
import org.bayan.user.Staff;
import org.bayan.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media library: uploading (every member of staff), describing and replacing (an editor, or
 * whoever uploaded the file), deleting for good (an admin, and only a file nothing uses). Each
 * change is recorded in the audit log. A file is cleaned and put on disk before its row is
 * written, so a row always has its files; a crash between the two leaves an unnamed folder.
 */
public final class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);
    static final int MAX_ALT = 500;
    static final int MAX_CAPTION = 1000;
    static final int MAX_CREDIT = 300;
    static final int MAX_NAME = 255;

    private final Transactions tx;
    private final MediaFiles files;
    private final Uploads uploads;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final MediaUses uses;

    public MediaService(Transactions tx, MediaFiles files, long maxBytes, long maxPixels, AuditTrail audit, Clock clock,
                        ZoneId zone, MediaUses uses) {
        this.tx = tx;
        this.files = files;
        this.uploads = new Uploads(files, maxBytes, maxPixels);
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.uses = uses;
    }

    /** The largest file accepted, in bytes (BAYAN_UPLOAD_MAX). */
    public long maxBytes() {
        return uploads.maxBytes();
    }

    /** What one upload became: its id, name and kind, and a photo's thumbnail and in-text addresses (null for a document). */
    public record Uploaded(long id, String fileName, Media.Kind kind, String thumbnail, String inline) {
    }

    /** Stores one file and adds it to the library, or refuses it ({@link UploadRefused}) with nothing kept. */
    public Uploaded upload(Staff who, Actor actor, String fileName, InputStream content) {
        String name = fileName(fileName);
        Stored stored = store(content);
        return tx.inTransaction(em -> {
            Media m = new Media(stored, name, em.getReference(User.class, who.id()), clock.instant());
            em.persist(m);
            em.flush();
            audit.record(em, actor, "media.uploaded", "media", m.getId(), name + " (" + stored.contentType() + ", " + stored.bytes() + " bytes)");
            log.info("{} uploaded {} as media {} ({} bytes)", actor.name(), name, m.getId(), stored.bytes());
            MediaItem item = MediaItem.file(m);
            return new Uploaded(m.getId(), name, m.getKind(), item.thumbnail(), item.inline());
        });
    }

    /**
     * Adds a file no member of staff uploaded (the demo content's pictures, an import), cleaned as
     * any upload is, with the words a statement using it starts from; returns its id.
     */
    public long addFile(Actor actor, String fileName, InputStream content, String altText, String caption, String credit) {
        String name = fileName(fileName);
        Stored stored = store(content);
        return tx.inTransaction(em -> {
            Media m = new Media(stored, name, null, clock.instant());
            m.describe(text(altText, MAX_ALT, "altText"), text(caption, MAX_CAPTION, "caption"), text(credit, MAX_CREDIT, "credit"));
            em.persist(m);
            em.flush();
            audit.record(em, actor, "media.uploaded", "media", m.getId(), name + " (" + stored.contentType() + ", " + stored.bytes() + " bytes)");
            return m.getId();
        });
    }

    /** The library's filters: words in the name, alt text or caption; kind; uploader; month. */
    public record Filter(String q, Media.Kind kind, Long uploader, YearMonth month) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** One page of the library, and whom it can be filtered by. */
    public record Library(List<MediaItem> items, long total, List<Uploader> uploaders) {
    }

    public record Uploader(long id, String name) {
    }

    public Library list(Staff who, Filter filter, int offset, int limit) {
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" where 1 = 1");
            if (filter.q() != null) {
                where.append(" and (lower(m.fileName) like :q or lower(m.altText) like :q or lower(m.caption) like :q)");
            }
            if (filter.kind() != null) where.append(" and m.kind = :kind");
            if (filter.uploader() != null) where.append(" and m.uploadedBy.id = :uploader");
            if (filter.month() != null) where.append(" and m.uploadedAt >= :from and m.uploadedAt < :to");
            TypedQuery<Media> page = em.createQuery("select m from Media m left join fetch m.uploadedBy" + where
                    + " order by m.uploadedAt desc, m.id desc", Media.class);
            TypedQuery<Long> count = em.createQuery("select count(m) from Media m" + where, Long.class);
            for (TypedQuery<?> q : List.of(page, count)) {
                if (filter.q() != null) q.setParameter("q", "%" + like(filter.q()) + "%");
                if (filter.kind() != null) q.setParameter("kind", filter.kind());
                if (filter.uploader() != null) q.setParameter("uploader", filter.uploader());
                if (filter.month() != null) {
                    q.setParameter("from", filter.month().atDay(1).atStartOfDay(zone).toInstant());
                    q.setParameter("to", filter.month().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
                }
            }
            List<MediaItem> items = page.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(MediaItem::of).toList();
            List<Uploader> uploaders = em.createQuery("select distinct u.id, u.displayName from Media m join m.uploadedBy u"
                    + " order by u.displayName", Object[].class).getResultList().stream()
                    .map(r -> new Uploader((Long) r[0], (String) r[1])).toList();
            return new Library(items, count.getSingleResult(), uploaders);
        });
    }

    /** One file, where it is used, and what this member of staff may do to it. */
    public record Detail(MediaItem item, List<MediaUses.Use> uses, boolean canEdit, boolean canDelete) {
    }

    public Optional<Detail> detail(Staff who, long id) {
        return tx.read(em -> {
            List<Media> found = em.createQuery("select m from Media m left join fetch m.uploadedBy where m.id = :id", Media.class)
                    .setParameter("id", id).getResultList();
            if (found.isEmpty()) return Optional.empty();
            MediaItem item = MediaItem.of(found.get(0));
            return Optional.of(new Detail(item, uses.of(em, id), canEdit(who, item.uploaderId()), Policy.canDeleteForGood(who)));
        });
    }

    /** Sets the alt text, caption, credit and name a statement using the file starts from. */
    public String describe(Staff who, Actor actor, long id, Long version, String fileName, String altText,
                           String caption, String credit) {
        String name = fileName(fileName);
        String alt = text(altText, MAX_ALT, "altText");
        String cap = text(caption, MAX_CAPTION, "caption");
        String cred = text(credit, MAX_CREDIT, "credit");
        String described = tx.inTransaction(em -> {
            Media m = current(em, who, id, version, "mediaAdmin.stale.describe", List.of(name, alt == null ? "" : alt,
                    cap == null ? "" : cap, cred == null ? "" : cred));
            m.rename(name);
            m.describe(alt, cap, cred);
            audit.record(em, actor, "media.described", "media", id, name);
            return name;
        });
        uses.changed(id);
        return described;
    }

    /** Puts a new file behind the same row: every statement using it shows the new file at once. */
    public String replace(Staff who, Actor actor, long id, Long version, String fileName, InputStream content) {
        String name = fileName(fileName);
        Media.Kind kind = tx.read(em -> {
            Media m = em.find(Media.class, id);
            if (m == null) throw new InvalidInput("id", "mediaAdmin.notFound");
            requireEditable(who, m);
            StaleVersion.expected(version);
            return m.getKind();
        });
        Stored stored = store(content);
        if (stored.kind() != kind) {
            throw new UploadRefused(kind == Media.Kind.IMAGE ? "media.refused.notAnImage" : "media.refused.notADocument");
        }
        String replaced = tx.inTransaction(em -> {
            Media m = current(em, who, id, version, "mediaAdmin.stale.replace", List.of(name, "", "", ""));
            String old = m.getHash();
            m.replaceWith(stored);
            m.rename(name);
            audit.record(em, actor, "media.replaced", "media", id, name + " (was " + old.substring(0, 12) + ")");
            return name;
        });
        uses.changed(id);
        return replaced;
    }

    /** Deletes a file for good: refused while a statement uses it, naming them. */
    public String delete(Staff who, Actor actor, long id, Long version) {
        Policy.require(Policy.canDeleteForGood(who), "delete media for good");
        String[] hash = new String[1];
        String name = tx.inTransaction(em -> {
            Media m = current(em, who, id, version, "mediaAdmin.stale.delete", List.of());
            List<MediaUses.Use> used = uses.of(em, id);
            if (!used.isEmpty()) {
                throw new InUse(used);
            }
            hash[0] = m.getHash();
            em.remove(m);
            audit.record(em, actor, "media.deleted", "media", id, m.getFileName());
            return m.getFileName();
        });
        // Its folder goes only when no other row (the same file uploaded again) names it.
        boolean shared = tx.read(em -> em.createQuery("select count(m) from Media m where m.hash = :h", Long.class)
                .setParameter("h", hash[0]).getSingleResult() > 0);
        if (!shared) {
            try {
                files.remove(hash[0]);
            } catch (IOException e) {
                log.warn("Media {} deleted, but its folder could not be removed: {}", id, e.toString());
            }
        }
        return name;
    }

    /** A file that is still used cannot be deleted: the statements that use it. */
    public static final class InUse extends RuntimeException {
        private final List<MediaUses.Use> uses;

        InUse(List<MediaUses.Use> uses) {
            super("media in use", null, false, false);
            this.uses = List.copyOf(uses);
        }

        public List<MediaUses.Use> uses() { return uses; }
    }

    private Stored store(InputStream content) {
        try {
            return uploads.store(content);
        } catch (IOException e) {
            // the upload stopped half way (the browser went away) or the disk refused: nothing was kept
            throw new UploadRefused("media.refused.unreadable");
        }
    }

    /** The file under a write lock, if this member of staff may change it (403) and the form saw its version (400, 409). */
    private Media current(EntityManager em, Staff who, long id, Long version, String asked, List<String> mine) {
        Media m = em.find(Media.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw new InvalidInput("id", "mediaAdmin.notFound");
        }
        requireEditable(who, m);
        long expected = StaleVersion.expected(version);
        if (m.getVersion() != expected) {
            List<Field> fields = new ArrayList<>();
            fields.add(new Field("fileName", "mediaAdmin.field.fileName", m.getFileName(), mine.isEmpty() ? null : mine.get(0)));
            if (!mine.isEmpty()) {
                fields.add(new Field("altText", "mediaAdmin.field.altText", nz(m.getAltText()), mine.get(1)));
                fields.add(new Field("caption", "mediaAdmin.field.caption", nz(m.getCaption()), mine.get(2)));
                fields.add(new Field("credit", "mediaAdmin.field.credit", nz(m.getCredit()), mine.get(3)));
            }
            throw new StaleVersion("media", m.getVersion(), audit.lastChangedBy(em, "media", id).orElse(null),
                    Text.of(asked, m.getFileName()), fields);
        }
        return m;
    }

    private static void requireEditable(Staff who, Media m) {
        if (!canEdit(who, m.getUploadedBy() == null ? null : m.getUploadedBy().getId())) {
            throw new Forbidden("change a file someone else uploaded");
        }
    }

    private static boolean canEdit(Staff who, Long uploaderId) {
        return who != null && (who.isEditor() || (uploaderId != null && uploaderId == who.id()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String fileName(String raw) {
        String name = raw == null ? "" : raw.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            throw new InvalidInput("fileName", "mediaAdmin.nameRequired");
        }
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        return name;
    }

    private static String text(String raw, int max, String field) {
        if (raw == null || raw.isBlank()) return null;
        String v = raw.strip();
        if (v.length() > max) {
            throw new InvalidInput(field, "mediaAdmin.tooLong." + field);
        }
        return v;
    }

    private static String like(String q) {
        return q.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
    }

    /** Removes what uploads cut short by a crash left in the media folder. */
    public void removeLeftovers() {
        try {
            files.removeLeftovers();
        } catch (UncheckedIOException e) {
            log.warn("Could not clear {}: {}", files.root().resolve(".incoming"), e.getCause().toString());
        }
    }
}
