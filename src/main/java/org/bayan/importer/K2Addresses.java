package org.bayan.importer;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.media.ImageSizes;
import org.bayan.media.Media;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.text.Slugs;
import org.bayan.section.SectionNode;
import org.bayan.section.Sections;
import org.bayan.statement.Status;

/**
 * The addresses a Joomla K2 site served, and the Bayan page each now is: SEF item addresses under
 * any menu path, with or without {@code .html} and a language prefix; non-SEF
 * {@code index.php?option=com_k2&view=item&id=123:alias}; category, tag, author and date listings; their
 * feeds ({@code format=feed&type=rss|atom}). Items keep their ids, so an item's address needs
 * only its id; a category's is found through what the import recorded. A statement readers may
 * not see (a draft, one trashed or still scheduled) is no address: 404, as for any other.
 */
public final class K2Addresses implements OldAddresses {

    private static final Pattern LANGUAGE_PREFIX = Pattern.compile("^/([a-z]{2})(?:-[a-zA-Z]{2})?(?=/)");
    private static final Pattern ITEM = Pattern.compile("(?:^|/)item/(\\d{1,18})(?:-[^/]*)?$");
    private static final Pattern CATEGORY = Pattern.compile("(?:^|/)itemlist/category/(\\d{1,18})(?:-[^/]*)?$");
    private static final Pattern TAG = Pattern.compile("(?:^|/)itemlist/tag/([^/]+)$");
    /** An item's image: the upload ({@code src/{md5}.jpg}) or one of K2's sizes ({@code cache/{md5}_M.jpg}). */
    private static final Pattern IMAGE = Pattern.compile("^/media/k2/items/(?:src/([0-9a-f]{32})|cache/([0-9a-f]{32})_(XS|S|M|L|XL|Generic))\\.jpg$");
    /** An attachment's download: {@code item/download/12_hash}, K2's id and a hash of it. */
    private static final Pattern DOWNLOAD = Pattern.compile("(?:^|/)item/download/(\\d{1,18}_[0-9a-fA-F]*)$");
    private static final Pattern USER = Pattern.compile("(?:^|/)itemlist/user/(\\d{1,18})(?:-[^/]*)?$");
    private static final Pattern DATE = Pattern.compile("(?:^|/)itemlist/date/(\\d{4})/(\\d{1,2})(?:/(\\d{1,2}))?$");

    private final Transactions tx;
    private final Sections sections;
    private final List<String> languages;
    private final Clock clock;

    public K2Addresses(Transactions tx, Sections sections, List<String> languages, Clock clock) {
        this.tx = tx;
        this.sections = sections;
        this.languages = List.copyOf(languages);
        this.clock = clock;
    }

    /**
     * Whether a path (within the site, as requested) may be one of K2's, to be looked up; cheap,
     * with no query: most requests are not.
     */
    @Override
    public boolean mayBeOld(String path, String query) {
        if (query != null && query.contains("option=com_k2")) return true;
        if (path.startsWith("/media/k2/")) return true;
        if (path.endsWith("/index.php") || path.contains("/itemlist/") || path.endsWith(".html")) return true;
        if (!path.contains("/item/")) return false;
        if (path.contains("/item/download/")) return true;
        // Bayan's own statement addresses are K2's form under a section's path, in any language's
        // tree (an Arabic page's path is /ar/ and Arabic names): those are not old.
        String within = path;
        Matcher prefix = LANGUAGE_PREFIX.matcher(within);
        if (prefix.find() && languages.contains(prefix.group(1))) {
            within = within.substring(prefix.end());
        }
        String before = within.substring(0, within.lastIndexOf("/item/"));
        for (String language : languages) {
            if (sections.tree(language).byPath(before.isEmpty() ? "/" : before).isPresent()) return false;
        }
        return true;
    }

    /** The page an old address leads to now, if any. */
    @Override
    public Optional<Target> resolve(String path, Map<String, String[]> params) {
        String language = languages.get(0);
        Matcher image = IMAGE.matcher(path);
        if (image.matches()) {
            return image.group(1) != null ? image(image.group(1), null) : image(image.group(2), image.group(3));
        }
        Matcher prefix = LANGUAGE_PREFIX.matcher(path);
        if (prefix.find() && languages.contains(prefix.group(1))) {
            language = prefix.group(1);
            path = path.substring(prefix.end());
        }
        String lang = param(params, "lang"); // Joomla's non-SEF addresses name their language so: lang=ar
        if (lang != null && lang.length() >= 2 && languages.contains(lang.substring(0, 2).toLowerCase(java.util.Locale.ROOT))) {
            language = lang.substring(0, 2).toLowerCase(java.util.Locale.ROOT);
        }
        path = path.replaceFirst("^/index\\.php(?=/|$)", "").replaceFirst("\\.html$", "");
        String feed = feed(params);
        if ("com_k2".equals(param(params, "option"))) {
            String view = param(params, "view");
            String task = param(params, "task");
            if ("item".equals(view) && "download".equals(task)) return attachment(param(params, "id"));
            if ("item".equals(view)) return withFeed(item(number(param(params, "id"))), feed);
            if ("itemlist".equals(view) && "category".equals(task)) return withFeed(category(number(param(params, "id")), language), feed);
            if ("itemlist".equals(view) && "tag".equals(task)) return withFeed(tag(param(params, "tag"), language), feed);
            if ("itemlist".equals(view) && "user".equals(task)) return author(number(param(params, "id")), language, feed);
            if ("itemlist".equals(view) && "date".equals(task)) {
                return date(language, number(param(params, "year")), number(param(params, "month")), number(param(params, "day")));
            }
            if ("itemlist".equals(view) && task == null) return Optional.of(new Target(language, feed == null ? "/" : "/" + feed));
            return Optional.empty();
        }
        Matcher m;
        if ((m = DOWNLOAD.matcher(path)).find()) return attachment(m.group(1));
        if ((m = ITEM.matcher(path)).find()) return withFeed(item(Long.parseLong(m.group(1))), feed);
        if ((m = CATEGORY.matcher(path)).find()) return withFeed(category(Long.parseLong(m.group(1)), language), feed);
        if ((m = TAG.matcher(path)).find()) return withFeed(tag(PercentDecoding.path(m.group(1)), language), feed);
        if ((m = USER.matcher(path)).find()) return author(Long.parseLong(m.group(1)), language, feed);
        if ((m = DATE.matcher(path)).find()) {
            return date(language, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3) == null ? null : Long.parseLong(m.group(3)));
        }
        return Optional.empty();
    }

    private Optional<Target> item(Long id) {
        return id == null ? Optional.empty() : statement(tx, sections, clock, id);
    }

    /** A statement's page, when readers may see it (K2's and WordPress's items alike). */
    static Optional<Target> statement(Transactions tx, Sections sections, Clock clock, long id) {
        return tx.read(em -> em.createQuery("select s.language, s.section.id, s.slug from Statement s where s.id = :id"
                        + " and s.status in :released and s.publishedAt <= :now", Object[].class)
                .setParameter("id", id).setParameter("released", Status.RELEASED).setParameter("now", clock.instant())
                .getResultStream().findFirst()).flatMap(r -> {
            String language = (String) r[0];
            return sections.tree(language).byId((Long) r[1])
                    .map(section -> new Target(language, section.path() + "/item/" + id + "-" + r[2]));
        });
    }

    /**
     * An imported item's image at the size closest to K2's (its defaults: XS 100, S 200, Generic 300,
     * M 400, L 600, XL 900 pixels wide): the smallest kept size at least as wide; the upload itself
     * is the full size. Files have no language.
     */
    private Optional<Target> image(String sourceHash, String k2Size) {
        int wanted = k2Size == null ? Integer.MAX_VALUE : switch (k2Size) {
            case "XS" -> 100;
            case "S" -> 200;
            case "Generic" -> 300;
            case "M" -> 400;
            case "L" -> 600;
            default -> 900;
        };
        return tx.read(em -> em.createQuery("select m from Imported k, Media m where k.key.kind = 'image' and k.sourceHash = :h"
                + " and m.id = k.targetId", Media.class).setParameter("h", sourceHash).getResultStream().findFirst())
                .map(m -> file(m, wanted, languages.get(0)));
    }

    /** A file of the library: the kept size at least {@code wanted} pixels wide (the largest if none is), or the file itself. */
    static Target file(Media m, int wanted, String language) {
        if (m.getKind() != Media.Kind.IMAGE) {
            return new Target(language, "/media/" + m.getHash() + "/" + org.bayan.media.DownloadName.of(m.getFileName()));
        }
        if (wanted == Integer.MAX_VALUE) {
            return new Target(language, ImageSizes.fullPath(m.getHash(), m.getContentType()));
        }
        List<Integer> widths = ImageSizes.widthsFor(m.getWidth());
        int width = widths.stream().filter(w -> w >= wanted).findFirst().orElse(widths.get(widths.size() - 1));
        return new Target(language, ImageSizes.path(m.getHash(), width, m.getContentType()));
    }

    /** An attachment's download ({@code 12_hash}, K2's attachment id first): the document it became. */
    private Optional<Target> attachment(String id) {
        Matcher m = id == null ? null : Pattern.compile("^(\\d{1,18})(?:_.*)?$").matcher(id);
        if (m == null || !m.matches()) return Optional.empty();
        long k2 = Long.parseLong(m.group(1));
        return tx.read(em -> em.createQuery("select m from Imported k, Media m where k.key.kind = 'attachment' and k.key.sourceId = :id"
                + " and m.id = k.targetId", Media.class).setParameter("id", k2).getResultStream().findFirst())
                .map(media -> file(media, Integer.MAX_VALUE, languages.get(0)));
    }

    private Optional<Target> category(Long sourceId, String language) {
        if (sourceId == null) return Optional.empty();
        Optional<Long> section = tx.read(em -> em.createQuery("select k.targetId from Imported k where k.key.kind = 'category'"
                + " and k.key.sourceId = :id", Long.class).setParameter("id", sourceId).getResultStream().findFirst());
        return section.flatMap(id -> sections.tree(language).byId(id)).map(s -> new Target(language, s.path()));
    }

    /**
     * An author's listing: the author page of the account the import made, while it is listed
     * (an admin may withdraw it). Bayan's author pages have no feed: an author's feed leads to the site's.
     */
    private Optional<Target> author(Long sourceId, String language, String feed) {
        if (sourceId == null) return Optional.empty();
        Optional<Long> user = tx.read(em -> em.createQuery("select u.id from Imported k, User u where k.key.kind = 'user'"
                + " and k.key.sourceId = :id and u.id = k.targetId and u.authorPage = true", Long.class)
                .setParameter("id", sourceId).getResultStream().findFirst());
        return user.map(id -> new Target(language, feed == null ? "/author/" + id : "/" + feed));
    }

    private static Optional<Target> tag(String name, String language) {
        if (name == null || name.isBlank()) return Optional.empty();
        String slug = Slugs.of(name.strip());
        return slug.isEmpty() ? Optional.empty() : Optional.of(new Target(language, "/tag/" + slug));
    }

    /** K2's date listing is the site's; Bayan's date archives are a section's: the main section's. */
    private Optional<Target> date(String language, Long year, Long month, Long day) {
        if (year == null || month == null || month < 1 || month > 12 || day != null && (day < 1 || day > 31)) return Optional.empty();
        Optional<SectionNode> main = sections.mainSection(language);
        return main.map(s -> new Target(language, s.path() + "/" + year + "/" + String.format("%02d", month)
                + (day == null ? "" : "/" + String.format("%02d", day))));
    }

    /** A listing's or an item's feed: Bayan's feeds are a section's, a tag's, or the site's. */
    private static Optional<Target> withFeed(Optional<Target> page, String feed) {
        if (feed == null) return page;
        return page.map(t -> t.path().contains("/item/")
                ? new Target(t.language(), t.path().substring(0, t.path().lastIndexOf("/item/")) + "/" + feed)
                : new Target(t.language(), t.path() + "/" + feed));
    }

    private static String feed(Map<String, String[]> params) {
        if (!"feed".equals(param(params, "format"))) return null;
        return "atom".equals(param(params, "type")) ? "feed.atom" : "feed.rss";
    }

    private static String param(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 || v[0].isBlank() ? null : v[0].strip();
    }

    /** "123" or "123:alias" (K2's id:alias), or null. */
    private static Long number(String value) {
        if (value == null) return null;
        Matcher m = Pattern.compile("^(\\d{1,18})(?::.*)?$").matcher(value);
        return m.matches() ? Long.parseLong(m.group(1)) : null;
    }
}
