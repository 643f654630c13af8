package org.bayan.site;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bayan.media.ImageSizes;
import org.bayan.media.Media;
import org.bayan.media.MediaItem;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.StaleVersion;
import org.bayan.platform.StaleVersion.Field;
import org.bayan.platform.StaleVersion.Text;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.web.Publication;
import org.bayan.user.Actor;
import org.bayan.user.AuditTrail;
import org.bayan.user.Policy;
import org.bayan.user.Staff;

/**
 * The site's identity: who publishes it, as pages, feeds and sitemaps name it. The names come
 * from the settings (BAYAN_SITE_NAME, BAYAN_SITE_NAMES) until an admin gives the organisation's
 * name in a language; the logo, the favicon and the picture shared for a statement without one
 * are files of the media library. Read once and kept until it changes here or the library
 * changes a file ({@link #forget}), so a page costs no query for it: a change is on every page
 * from the next request. (Kept per machine: several machines would need telling.)
 */
public final class SiteIdentityService {

    /** The longest name: a title, an og:site_name and Google News' publication name stay readable. */
    static final int MAX_NAME = 200;
    /** The logo is shown 3rem high in the header: a size at least this high is sharp on a 2× screen, and Google's minimum (112 px) for a publisher's logo. */
    static final int LOGO_HEIGHT = 112;
    /** The smallest favicon that is still sharp as a phone's home-screen icon. */
    static final int FAVICON_MIN = 48;
    /** How many photos of the library the page offers, newest first (the current ones always). */
    static final int OFFERED = 120;

    private final Transactions tx;
    private final AuditTrail audit;
    private final List<String> languages;
    private final Publication configured;
    /** Moves on with every change, so that a reading begun before one is not kept after it. */
    private final AtomicLong changes = new AtomicLong();
    private volatile Kept kept;

    private record Kept(long change, Publication publication) {
    }

    /**
     * @param configured the name, names and publisher's home page of the settings: what readers
     *                   are told while an admin has set nothing
     */
    public SiteIdentityService(Transactions tx, AuditTrail audit, List<String> languages, Publication configured) {
        this.tx = tx;
        this.audit = audit;
        this.languages = List.copyOf(languages);
        this.configured = configured;
    }

    /** Who publishes the site now, as the renderer asks for each page: read again only after a change. */
    public Publication current() {
        Kept k = kept;
        long change = changes.get();
        if (k == null || k.change() != change) {
            k = new Kept(change, tx.read(this::load));
            kept = k; // a change meanwhile moved the count on: the next request reads again
        }
        return k.publication();
    }

    /** Reads the identity again at the next request: it, or a file of the library it may use, changed. */
    public void forget() {
        changes.incrementAndGet();
    }

    /** The row with its three pictures, in one query (the names come in a second). */
    private static SiteIdentity identity(EntityManager em) {
        return em.createQuery("select i from SiteIdentity i left join fetch i.logo left join fetch i.favicon"
                + " left join fetch i.shareImage where i.id = :id", SiteIdentity.class).setParameter("id", SiteIdentity.ID).getSingleResult();
    }

    private Publication load(EntityManager em) {
        SiteIdentity identity = identity(em);
        Map<String, String> names = new LinkedHashMap<>(configured.names());
        names.putAll(identity.getNames());
        String name = identity.getNames().getOrDefault(languages.get(0), configured.name());
        // A language named by neither the admin nor BAYAN_SITE_NAMES takes the default language's name.
        for (String language : languages) {
            names.putIfAbsent(language, name);
        }
        return new Publication(name, names, configured.publisherUrl(), logo(identity.getLogo()),
                favicon(identity.getFavicon()), shareImage(identity.getShareImage()));
    }

    /** The header's logo: the smallest size that is {@value #LOGO_HEIGHT} pixels high, or the largest there is. */
    private static Publication.Image logo(Media m) {
        if (m == null) return null;
        List<Integer> widths = ImageSizes.widthsFor(m.getWidth());
        int width = widths.get(widths.size() - 1);
        for (int w : widths) {
            if (ImageSizes.heightAt(w, m.getWidth(), m.getHeight()) >= LOGO_HEIGHT) {
                width = w;
                break;
            }
        }
        return new Publication.Image(ImageSizes.path(m.getHash(), width, m.getContentType()), width,
                ImageSizes.heightAt(width, m.getWidth(), m.getHeight()), sizeType(m), m.getAltText());
    }

    private static Publication.Image favicon(Media m) {
        if (m == null) return null;
        int width = ImageSizes.widthsFor(m.getWidth()).get(0);
        return new Publication.Image(ImageSizes.path(m.getHash(), width, m.getContentType()), width,
                ImageSizes.heightAt(width, m.getWidth(), m.getHeight()), sizeType(m), m.getAltText());
    }

    private static Publication.Image shareImage(Media m) {
        return m == null ? null : new Publication.Image(ImageSizes.socialPath(m.getHash()), ImageSizes.SOCIAL_WIDTH,
                ImageSizes.SOCIAL_HEIGHT, "image/jpeg", m.getAltText());
    }

    /** The type of a photo's sizes: PNG stays PNG, every other photo is kept as JPEG. */
    private static String sizeType(Media m) {
        return "png".equals(ImageSizes.extension(m.getContentType())) ? "image/png" : "image/jpeg";
    }

    /** What an admin sends: a name per language (empty: the settings'), and the library ids of the three pictures (null: none). */
    public record Form(Long version, Map<String, String> names, Long logoId, Long faviconId, Long shareImageId) {
    }

    /**
     * The page of the site's identity, in one transaction.
     *
     * @param names      the names an admin set, by language
     * @param configured the settings' name in each language, what an empty field means
     * @param images     the photos of the library that can be chosen, the chosen ones first
     */
    public record View(long version, Map<String, String> names, Map<String, String> configured, Long logoId,
                       Long faviconId, Long shareImageId, List<MediaItem> images) {
    }

    public View view(Staff who) {
        Policy.require(Policy.canManageUsers(who), "change the site's identity");
        return tx.read(em -> {
            SiteIdentity identity = identity(em);
            List<MediaItem> images = new ArrayList<>();
            for (Media m : new Media[] {identity.getLogo(), identity.getFavicon(), identity.getShareImage()}) {
                if (m != null && images.stream().noneMatch(i -> i.id() == m.getId())) {
                    images.add(MediaItem.file(m));
                }
            }
            em.createQuery("select m from Media m where m.kind = :kind order by m.uploadedAt desc, m.id desc", Media.class)
                    .setParameter("kind", Media.Kind.IMAGE).setMaxResults(OFFERED).getResultList().stream()
                    .filter(m -> images.stream().noneMatch(i -> i.id() == m.getId()))
                    .forEach(m -> images.add(MediaItem.file(m)));
            // What an empty field means, as load() works it out: the settings' name for the language,
            // else the default language's name (the admin's, or BAYAN_SITE_NAME).
            String main = identity.getNames().getOrDefault(languages.get(0), configured.name());
            Map<String, String> defaults = new LinkedHashMap<>();
            languages.forEach(l -> defaults.put(l, l.equals(languages.get(0)) ? configured.name()
                    : configured.names().getOrDefault(l, main)));
            return new View(identity.getVersion(), Map.copyOf(identity.getNames()), defaults, id(identity.getLogo()),
                    id(identity.getFavicon()), id(identity.getShareImage()), images);
        });
    }

    /** Saves the site's identity as the form gives it whole; refused (nothing changed) with the field at fault. */
    public void change(Staff who, Actor actor, Form form) {
        Policy.require(Policy.canManageUsers(who), "change the site's identity");
        long expected = StaleVersion.expected(form.version());
        Map<String, String> names = names(form.names());
        tx.run(em -> {
            SiteIdentity identity = em.find(SiteIdentity.class, SiteIdentity.ID, LockModeType.PESSIMISTIC_WRITE);
            Media logo = image(em, form.logoId(), "logoId");
            Media favicon = image(em, form.faviconId(), "faviconId");
            Media shareImage = image(em, form.shareImageId(), "shareImageId");
            if (favicon != null && (Math.abs(favicon.getWidth() - favicon.getHeight()) > Math.max(favicon.getWidth(), favicon.getHeight()) / 20
                    || Math.min(favicon.getWidth(), favicon.getHeight()) < FAVICON_MIN)) {
                throw new InvalidInput("faviconId", "siteAdmin.favicon.square");
            }
            if (shareImage != null && shareImage.getWidth() < ImageSizes.SOCIAL_WIDTH) {
                throw new InvalidInput("shareImageId", "siteAdmin.shareImage.small");
            }
            if (identity.getVersion() != expected) {
                throw new StaleVersion("site", identity.getVersion(), audit.lastChangedBy(em, "site", SiteIdentity.ID).orElse(null),
                        Text.of("siteAdmin.stale.asked"), fields(identity, names, logo, favicon, shareImage));
            }
            String detail = describe(names, logo, favicon, shareImage);
            if (detail.equals(describe(identity.getNames(), identity.getLogo(), identity.getFavicon(), identity.getShareImage()))) {
                return; // nothing changed: nothing to record
            }
            identity.change(names, logo, favicon, shareImage);
            audit.record(em, actor, "site.changed", "site", (long) SiteIdentity.ID, detail);
        });
        forget();
    }

    /** The names as typed: one line each, trimmed, at most {@value #MAX_NAME} characters; an empty one is not set. */
    private Map<String, String> names(Map<String, String> typed) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String language : languages) {
            String raw = typed == null ? null : typed.get(language);
            String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
            if (name.isEmpty()) continue;
            if (name.length() > MAX_NAME) {
                throw new InvalidInput("name-" + language, "siteAdmin.name.tooLong");
            }
            if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.UNASSIGNED)) {
                throw new InvalidInput("name-" + language, "siteAdmin.name.invalid");
            }
            names.put(language, name);
        }
        return names;
    }

    /** A photo of the library, or null for none; a document or a file that is not there is refused. */
    private static Media image(EntityManager em, Long id, String field) {
        if (id == null) return null;
        Media m = em.find(Media.class, id);
        if (m == null) {
            throw new InvalidInput(field, "siteAdmin.image.missing");
        }
        if (m.getKind() != Media.Kind.IMAGE) {
            throw new InvalidInput(field, "siteAdmin.image.notPhoto");
        }
        return m;
    }

    private List<Field> fields(SiteIdentity saved, Map<String, String> names, Media logo, Media favicon, Media shareImage) {
        List<Field> fields = new ArrayList<>();
        for (String language : languages) {
            fields.add(new Field("name-" + language, "siteAdmin.name." + language, saved.getNames().get(language), names.get(language)));
        }
        fields.add(new Field("logoId", "siteAdmin.logo", fileName(saved.getLogo()), fileName(logo)));
        fields.add(new Field("faviconId", "siteAdmin.favicon", fileName(saved.getFavicon()), fileName(favicon)));
        fields.add(new Field("shareImageId", "siteAdmin.shareImage", fileName(saved.getShareImage()), fileName(shareImage)));
        return fields;
    }

    private static String describe(Map<String, String> names, Media logo, Media favicon, Media shareImage) {
        return "names " + new java.util.TreeMap<>(names) + ", logo " + fileName(logo) + ", favicon " + fileName(favicon)
                + ", shared picture " + fileName(shareImage);
    }

    private static String fileName(Media m) {
        return m == null ? null : m.getFileName() + " (#" + m.getId() + ")";
    }

    private static Long id(Media m) {
        return m == null ? null : m.getId();
    }
}
