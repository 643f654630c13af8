package org.bayan.importer;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.media.Media;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.text.Slugs;
import org.bayan.section.Sections;

/**
 * The addresses a WordPress site served, for what an import from its export brought over: a
 * post by its id ({@code /?p=123}, {@code /archives/123}) and by its date-and-name permalink ({@code /2018/05/02/slug/},
 * {@code /2018/05/slug/}), a category ({@code /category/parent/child/}), a tag ({@code /tag/slug/}),
 * their feeds ({@code …/feed/}) and the site's ({@code /feed/}), and the uploads
 * ({@code /wp-content/uploads/2018/05/photo-300x200.jpg}, the size WordPress made mapped to the
 * nearest kept one). A post readers may not see is no address.
 */
public final class WordPressAddresses implements OldAddresses {

    private static final Pattern PERMALINK = Pattern.compile("^/(\\d{4})/(\\d{2})/(?:(\\d{2})/)?([^/]+)/?(feed/?)?$");
    private static final Pattern CATEGORY = Pattern.compile("^/category/((?:[^/]+/)*?)([^/]+)/?(feed/?)?$");
    private static final Pattern TAG = Pattern.compile("^/tag/([^/]+)/?(feed/?)?$");
    /** WordPress's author archive ends in a slash; Bayan's own author pages ({@code /author/12}) do not. */
    private static final Pattern AUTHOR = Pattern.compile("^/author/([^/]+)/(feed/?)?$");
    /** WordPress's numeric permalink structure: a post by its id. */
    private static final Pattern ARCHIVES = Pattern.compile("^/archives/(\\d{1,18})/?(feed/?)?$");
    private static final Pattern UPLOAD = Pattern.compile("^/wp-content/uploads/(.+?)(?:-(\\d{2,5})x(\\d{2,5}))?(\\.[A-Za-z0-9]{2,5})$");

    private final Transactions tx;
    private final Sections sections;
    private final List<String> languages;
    private final Clock clock;

    public WordPressAddresses(Transactions tx, Sections sections, List<String> languages, Clock clock) {
        this.tx = tx;
        this.sections = sections;
        this.languages = List.copyOf(languages);
        this.clock = clock;
    }

    @Override
    public boolean mayBeOld(String path, String query) {
        if (query != null && (query.startsWith("p=") || query.contains("&p=")) && (path.equals("/") || path.equals("/index.php"))) {
            return true;
        }
        return path.startsWith("/wp-content/uploads/") || path.startsWith("/category/") || path.equals("/feed/")
                || path.startsWith("/archives/")
                || (path.startsWith("/tag/") || path.startsWith("/author/")) && path.endsWith("/") || PERMALINK.matcher(path).matches();
    }

    @Override
    public Optional<Target> resolve(String path, Map<String, String[]> params) {
        String[] p = params.get("p");
        if (p != null && p.length > 0 && p[0].strip().matches("\\d{1,18}")) {
            return post(Long.parseLong(p[0].strip()));
        }
        if (path.equals("/feed/")) return Optional.of(new Target(languages.get(0), "/feed.rss"));
        Matcher m;
        if ((m = UPLOAD.matcher(path)).matches()) {
            return upload(m.group(1) + m.group(4), m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2)),
                    m.group(2) == null ? null : path.substring("/wp-content/uploads/".length()));
        }
        if ((m = ARCHIVES.matcher(path)).matches()) {
            boolean feed = m.group(2) != null;
            return post(Long.parseLong(m.group(1))).map(t -> feed ? feedOf(t) : t);
        }
        if ((m = PERMALINK.matcher(path)).matches()) {
            boolean feed = m.group(5) != null;
            return bySlug(PercentDecoding.path(m.group(4)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                    .map(t -> feed ? feedOf(t) : t);
        }
        if ((m = CATEGORY.matcher(path)).matches()) {
            boolean feed = m.group(3) != null;
            return mapped("wp-category", PercentDecoding.path(m.group(2))).flatMap(id -> sections.tree(languages.get(0)).byId(id))
                    .map(s -> new Target(languages.get(0), s.path() + (feed ? "/feed.rss" : "")));
        }
        if ((m = TAG.matcher(path)).matches()) {
            boolean feed = m.group(2) != null;
            String slug = PercentDecoding.path(m.group(1));
            Optional<Target> tag = tx.read(em -> em.createQuery("select t.language, t.slug from Imported k, Tag t where k.key.kind = 'wp-tag'"
                    + " and k.sourceHash = :h and t.id = k.targetId", Object[].class).setParameter("h", Imported.hashOf(slug))
                    .setMaxResults(1).getResultStream().findFirst()).map(r -> new Target((String) r[0], "/tag/" + r[1]));
            if (tag.isEmpty() && !Slugs.of(slug).isEmpty()) tag = Optional.of(new Target(languages.get(0), "/tag/" + Slugs.of(slug)));
            return tag.map(t -> feed ? new Target(t.language(), t.path() + "/feed.rss") : t);
        }
        if ((m = AUTHOR.matcher(path)).matches()) {
            boolean feed = m.group(2) != null;
            String login = PercentDecoding.path(m.group(1)).toLowerCase(java.util.Locale.ROOT);
            Optional<Long> user = tx.read(em -> em.createQuery("select u.id from Imported k, User u where k.key.kind = 'wp-user'"
                    + " and k.sourceHash = :h and u.id = k.targetId and u.authorPage = true", Long.class)
                    .setParameter("h", Imported.hashOf(login)).setMaxResults(1).getResultStream().findFirst());
            // Bayan's author pages have no feed of their own: an author's feed leads to the site's.
            return user.map(id -> new Target(languages.get(0), feed ? "/feed.rss" : "/author/" + id));
        }
        return Optional.empty();
    }

    private Optional<Target> post(long wordpressId) {
        return tx.read(em -> em.createQuery("select k.targetId from Imported k where k.key.kind = 'wp-item' and k.key.sourceId = :id",
                Long.class).setParameter("id", wordpressId).getResultStream().findFirst())
                .flatMap(id -> K2Addresses.statement(tx, sections, clock, id));
    }

    /** A post by its name, among those imported from WordPress; of two by one name, the one of that month. */
    private Optional<Target> bySlug(String slug, int year, int month) {
        String bayanSlug = Slugs.of(slug);
        if (bayanSlug.isEmpty()) return Optional.empty();
        List<Object[]> found = tx.read(em -> em.createQuery("select s.id, s.publishedOn from Imported k, Statement s where k.key.kind = 'wp-item'"
                + " and s.id = k.targetId and s.slug = :slug order by s.id", Object[].class).setParameter("slug", bayanSlug)
                .setMaxResults(20).getResultList());
        return found.stream().filter(r -> r[1] instanceof java.time.LocalDate d && d.getYear() == year && d.getMonthValue() == month)
                .findFirst().or(() -> found.stream().findFirst())
                .flatMap(r -> K2Addresses.statement(tx, sections, clock, (Long) r[0]));
    }

    /** An upload: the original's path ({@code 2018/05/photo.jpg}), the width WordPress resized it to (or none), the resized one's own path. */
    private Optional<Target> upload(String original, int width, String resized) {
        Optional<Media> file = media(original);
        if (file.isEmpty() && resized != null) file = media(resized); // a name that only looks resized
        return file.map(m -> K2Addresses.file(m, width, languages.get(0)));
    }

    private Optional<Media> media(String path) {
        String hash = Imported.md5(path);
        return tx.read(em -> em.createQuery("select m from Imported k, Media m where k.key.kind = 'wp-file' and k.sourceHash = :h"
                + " and m.id = k.targetId", Media.class).setParameter("h", hash).getResultStream().findFirst());
    }

    private Optional<Long> mapped(String kind, String slug) {
        return tx.read(em -> em.createQuery("select k.targetId from Imported k where k.key.kind = :kind and k.sourceHash = :h", Long.class)
                .setParameter("kind", kind).setParameter("h", Imported.hashOf(slug)).setMaxResults(1).getResultStream().findFirst());
    }

    private static Target feedOf(Target statement) {
        String path = statement.path();
        return new Target(statement.language(), path.substring(0, path.lastIndexOf("/item/")) + "/feed.rss");
    }
}
