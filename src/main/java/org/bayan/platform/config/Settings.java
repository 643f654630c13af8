package org.bayan.platform.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting Bayan reads, in one place. Each has a default that runs out of the box and
 * can be overridden by a JVM system property {@code bayan.x.y} or an environment variable
 * {@code BAYAN_X_Y}; the system property wins because it is the more local of the two.
 * A wrong value fails fast with a {@link SettingsException} naming the setting.
 */
public final class Settings {

    private final Path home;
    private final Optional<String> dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final ZoneId timezone;
    private final boolean demo;
    private final Optional<String> baseUrl;
    private final Optional<String> adminPassword;
    private Duration backupInterval = Duration.ofHours(24);
    private int backupKeep = 7;
    private boolean debugSqlCount;
    private SearchBackend search = SearchBackend.lucene();
    private List<String> allowedHosts = List.of();
    private String siteName = DEFAULT_SITE_NAME;
    private Map<String, String> siteNames = Map.of();
    private Optional<String> publisherUrl = Optional.empty();
    private List<java.net.URI> purgeUrls = List.of();
    private Optional<java.net.URI> redisUrl = Optional.empty();
    private Languages languages = Languages.standard();
    private Path mediaDir;
    private long uploadMax = 25L * 1024 * 1024;
    private long imageMaxPixels = 50_000_000L;

    /**
     * The publication's name when none is configured: the organisation of the demo content and
     * of the page the site mirrors, not the product's name, which readers and Google News would
     * otherwise take for the publisher's.
     */
    public static final String DEFAULT_SITE_NAME = "Syrian Coalition";

    /**
     * The same organisation's name in Arabic and Turkish, as the interface texts already name it
     * ("Syrian Coalition's Media Department" is "الدائرة الإعلامية للائتلاف الوطني السوري" and
     * "Suriye Ulusal Koalisyonu Medya Dairesi"): the languages' names while neither BAYAN_SITE_NAME
     * nor BAYAN_SITE_NAMES is set. A site that names itself is never given these.
     */
    static final Map<String, String> DEFAULT_SITE_NAMES = Map.of("ar", "الائتلاف الوطني السوري", "tr", "Suriye Ulusal Koalisyonu");

    private Settings(Path home, Optional<String> dbUrl, String dbUser, String dbPassword,
                     ZoneId timezone, boolean demo, Optional<String> baseUrl, Optional<String> adminPassword) {
        this.home = home;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.timezone = timezone;
        this.demo = demo;
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
    }

    /**
     * Reads the settings.
     *
     * @param source   where values come from: a name such as {@code db.url} to its value, or null
     * @param defaultHome the data folder used when {@code BAYAN_HOME} is not set
     */
    public static Settings read(Function<String, String> source, Path defaultHome) {
        Path home = optional(source, "home").map(v -> parse("home", v, Path::of)).orElse(defaultHome);
        ZoneId zone = optional(source, "timezone").map(v -> parse("timezone", v, ZoneId::of)).orElse(ZoneId.of("UTC"));
        boolean demo = optional(source, "demo").map(v -> parse("demo", v, Settings::bool)).orElse(true);
        Optional<String> dbUrl = optional(source, "db.url");
        dbUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
                throw new SettingsException("db.url", "must start with jdbc:h2: or jdbc:postgresql:, got '" + url + "'");
            }
        });
        Optional<String> baseUrl = optional(source, "base.url").map(Settings::baseUrl);
        Duration backupInterval = optional(source, "backup.interval").map(v -> parse("backup.interval", v, Settings::duration))
                .orElse(Duration.ofHours(24));
        int backupKeep = optional(source, "backup.keep").map(v -> parse("backup.keep", v, Settings::positive)).orElse(7);
        Settings settings = new Settings(home.toAbsolutePath().normalize(), dbUrl,
                optional(source, "db.user").orElse(dbUrl.isPresent() ? "" : "sa"),
                optional(source, "db.password").orElse(""),
                zone, demo, baseUrl, Optional.ofNullable(source.apply("admin.password")).filter(p -> !p.isEmpty()));
        settings.backupInterval = backupInterval;
        settings.backupKeep = backupKeep;
        settings.debugSqlCount = optional(source, "debug.sql.count").map(v -> parse("debug.sql.count", v, Settings::bool)).orElse(false);
        settings.search = search(source);
        settings.allowedHosts = optional(source, "allowed.hosts").map(Settings::allowedHosts).orElse(List.of());
        settings.publisherUrl = optional(source, "publisher.url").map(v -> absoluteUrl("publisher.url", v));
        settings.purgeUrls = optional(source, "purge.urls").map(Settings::purgeUrls).orElse(List.of());
        settings.redisUrl = optional(source, "redis.url").map(Settings::redisUrl);
        settings.languages = Languages.parse(optional(source, "languages").orElse(null),
                optional(source, "language.hosts").orElse(null));
        settings.mediaDir = optional(source, "media.dir").map(v -> parse("media.dir", v, Path::of))
                .orElse(settings.home.resolve("media")).toAbsolutePath().normalize();
        settings.uploadMax = optional(source, "upload.max").map(v -> parse("upload.max", v, Settings::bytes)).orElse(25L * 1024 * 1024);
        settings.imageMaxPixels = optional(source, "image.max.megapixels")
                .map(v -> parse("image.max.megapixels", v, Settings::positive)).orElse(50) * 1_000_000L;
        Optional<String> siteName = optional(source, "site.name").map(v -> parse("site.name", v, Settings::oneLineName));
        settings.siteName = siteName.orElse(DEFAULT_SITE_NAME);
        Optional<String> siteNames = optional(source, "site.names");
        settings.siteNames = siteNames.isPresent() ? siteNames(siteNames.get(), settings.languages)
                : siteName.isPresent() ? Map.of() : DEFAULT_SITE_NAMES.entrySet().stream()
                        .filter(e -> settings.languages.contains(e.getKey()))
                        .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        return settings;
    }

    /** The settings of this JVM: system properties first, then the environment. */
    public static Settings fromEnvironment(Path defaultHome) {
        return read(environment(System.getProperties()::getProperty, System.getenv()), defaultHome);
    }

    static Function<String, String> environment(Function<String, String> properties, Map<String, String> env) {
        return name -> {
            String value = properties.apply("bayan." + name);
            return value != null ? value : env.get("BAYAN_" + name.replace('.', '_').toUpperCase(Locale.ROOT));
        };
    }

    /** Creates the data folder if needed; fails with a clear message if it cannot be written. */
    public Settings ensureHome() {
        try {
            Files.createDirectories(home);
        } catch (Exception e) {
            throw new SettingsException("home", "cannot create folder " + home + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(home)) {
            throw new SettingsException("home", "folder " + home + " is not writable");
        }
        return this;
    }

    public Path home() { return home; }

    /** The JDBC URL: the configured one, or an H2 database file inside the data folder. */
    public String jdbcUrl() {
        // H2's durability settings (see README, "Durability"): WRITE_DELAY=0 writes each commit
        // to the file before it returns, instead of up to half a second later by a background
        // thread. H2 locks the open file itself, so a second process cannot open it too.
        return dbUrl.orElse("jdbc:h2:file:" + home.resolve("bayan").toString().replace('\\', '/')
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    public boolean isH2() { return jdbcUrl().startsWith("jdbc:h2:"); }
    public String dbUser() { return dbUser; }
    public String dbPassword() { return dbPassword; }
    public ZoneId timezone() { return timezone; }
    public boolean demo() { return demo; }
    /** The public address of the site (scheme, host, port and context path), if configured. */
    public Optional<String> baseUrl() { return baseUrl; }

    /**
     * The host names (each with an optional {@code :port}, lower case) Bayan answers for besides
     * the base URL's own; empty when not configured.
     */
    public List<String> allowedHosts() { return allowedHosts; }

    /**
     * The HTTP caches in front of the site (Varnish, say) that Bayan sends a purge to after each
     * change, naming what changed; empty when there are none, and then no shared cache may keep
     * a page without asking again.
     */
    public List<java.net.URI> purgeUrls() { return purgeUrls; }

    /**
     * The Redis server that keeps the staff's sessions and the login throttle's counts and
     * carries the changes between nodes ({@code redis://host:port[/db]}, or {@code rediss://}
     * for TLS); empty: the database does all three.
     */
    public Optional<java.net.URI> redisUrl() { return redisUrl; }

    /** How often a backup is taken into BAYAN_HOME/backups; zero turns scheduled backups off. */
    public Duration backupInterval() { return backupInterval; }

    /** Whether answers say how many SQL statements they took (tests and benchmarks). */
    public boolean debugSqlCount() { return debugSqlCount; }

    /** How many scheduled backups are kept. */
    public int backupKeep() { return backupKeep; }

    /** Where the full-text index lives. */
    public SearchBackend search() { return search; }

    /** The publication's name, as readers, feeds, search engines and Google News are told it (BAYAN_SITE_NAME). */
    public String siteName() { return siteName; }

    /**
     * The publication's name in the languages that have one of their own (BAYAN_SITE_NAMES),
     * language to name; every other language is given {@link #siteName()}.
     */
    public Map<String, String> siteNames() { return siteNames; }

    /** The publication's name in a language: its own, or BAYAN_SITE_NAME. */
    public String siteName(String language) { return siteNames.getOrDefault(language, siteName); }

    /** The publishing organisation's home page, if configured; else the site's own home page stands for it. */
    public Optional<String> publisherUrl() { return publisherUrl; }

    /** The site's languages, the default first, and how readers reach each (prefix or host). */
    public Languages languages() { return languages; }

    /** Where uploaded photos and documents are kept (BAYAN_MEDIA_DIR; by default the data folder's media/). */
    public Path mediaDir() { return mediaDir; }

    /** The largest file an upload may be, in bytes (BAYAN_UPLOAD_MAX: 25MB by default). */
    public long uploadMax() { return uploadMax; }

    /** The most pixels an uploaded photo may have (BAYAN_IMAGE_MAX_MEGAPIXELS: 50 by default), checked before it is decoded. */
    public long imageMaxPixels() { return imageMaxPixels; }

    /** The first admin's password, used only when the database has no users yet. */
    public Optional<String> adminPassword() { return adminPassword; }

    /** A one-line description for the start-up log, without secrets. */
    public String describe() {
        String db = jdbcUrl().replaceAll("(?i)(password=)[^;&]*", "$1***");
        return "home=" + home + ", media=" + mediaDir + ", db=" + db + ", timezone=" + timezone + ", demo=" + demo
                + ", search=" + search.describe() + ", languages=" + String.join(",", languages.codes())
                + (languages.byHost() ? " (by host)" : "")
                + (purgeUrls.isEmpty() ? "" : ", purges sent to " + purgeUrls)
                + redisUrl.map(u -> ", redis=" + u.getScheme() + "://" + u.getHost() + ":" + u.getPort() + u.getPath()).orElse("");
    }

    private static SearchBackend search(Function<String, String> source) {
        String kind = optional(source, "search.backend").orElse("lucene").toLowerCase(Locale.ROOT);
        switch (kind) {
            case "lucene":
                return SearchBackend.lucene();
            case "elasticsearch", "opensearch":
                break;
            default:
                throw new SettingsException("search.backend", "'" + kind + "' is not lucene, elasticsearch or opensearch");
        }
        String uris = optional(source, "search.uris").orElseThrow(() -> new SettingsException("search.uris",
                "is needed with search.backend=" + kind + ": the cluster's addresses, like http://127.0.0.1:9200"));
        List<URI> parsed = new ArrayList<>();
        for (String uri : uris.split(",")) {
            String u = uri.trim();
            if (!u.matches("https?://[^/?#\\s]+/?")) {
                throw new SettingsException("search.uris", "'" + u + "' is not an address like http://127.0.0.1:9200");
            }
            parsed.add(URI.create(u));
        }
        String prefix = optional(source, "search.index.prefix").orElse(SearchBackend.DEFAULT_PREFIX);
        if (!prefix.matches("[a-z0-9][a-z0-9_.-]{0,40}")) {
            throw new SettingsException("search.index.prefix", "'" + prefix
                    + "' must be lower-case letters, digits, '-', '_' or '.', and at most 41 characters");
        }
        return new SearchBackend(SearchBackend.Kind.ELASTICSEARCH, List.copyOf(parsed),
                optional(source, "search.username"), optional(source, "search.password"), prefix);
    }

    private static Optional<String> optional(Function<String, String> source, String name) {
        return Optional.ofNullable(source.apply(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static <T> T parse(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new SettingsException(name, "'" + value + "' is not valid: " + e.getMessage());
        }
    }

    /** "24h", "90m", "7d" or "0" (off). */
    private static Duration duration(String value) {
        if (value.equals("0")) return Duration.ZERO;
        var m = java.util.regex.Pattern.compile("([0-9]{1,6})([mhd])").matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("expected a number with m, h or d, like 24h, or 0 for off");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** "25MB", "500KB", "1GB" or a number of bytes. */
    private static long bytes(String value) {
        var m = java.util.regex.Pattern.compile("([0-9]{1,12})\\s*(b|kb|k|mb|m|gb|g)?").matcher(value.toLowerCase(Locale.ROOT).strip());
        if (!m.matches()) throw new IllegalArgumentException("expected a size like 25MB, 500KB or a number of bytes");
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long size = switch (unit) {
            case "k", "kb" -> n * 1024;
            case "m", "mb" -> n * 1024 * 1024;
            case "g", "gb" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
        if (size < 1024) throw new IllegalArgumentException("must be at least 1KB");
        return size;
    }

    private static int positive(String value) {
        int n = Integer.parseInt(value);
        if (n < 1) throw new IllegalArgumentException("must be at least 1");
        return n;
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    /** A host name or IPv4 address (dot-separated labels), or a bracketed IPv6 address, with an optional port. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*|\\[[0-9a-f:.]{2,45}\\])"
            + "(:[1-9][0-9]{0,4})?");

    private static List<String> allowedHosts(String value) {
        List<String> hosts = new ArrayList<>();
        for (String entry : value.split(",")) {
            String host = entry.trim().toLowerCase(Locale.ROOT);
            if (host.isEmpty()) continue;
            if (!HOST.matcher(host).matches() || host.length() > 259
                    || host.contains(":") && !host.endsWith("]") && Integer.parseInt(host.substring(host.lastIndexOf(':') + 1)) > 65535) {
                throw new SettingsException("allowed.hosts", "'" + entry.trim()
                        + "' is not a host name with an optional port, like news.example.org or news.example.org:8443");
            }
            hosts.add(host);
        }
        return List.copyOf(hosts);
    }

    private static String oneLineName(String value) {
        if (value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a name of at most 200 characters on one line");
        }
        return value;
    }

    /** {@code ar=الائتلاف الوطني السوري,tr=Suriye Ulusal Koalisyonu}: a name for some of the site's languages. */
    private static Map<String, String> siteNames(String value, Languages languages) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String entry : value.split(",")) {
            if (entry.isBlank()) continue;
            String[] kv = entry.split("=", 2);
            String code = kv[0].trim().toLowerCase(Locale.ROOT);
            String name = kv.length < 2 ? "" : kv[1].trim();
            if (kv.length < 2 || code.isEmpty()) {
                throw new SettingsException("site.names", "'" + entry.trim() + "' is not language=name, like ar=الائتلاف الوطني السوري"
                        + " (names are separated by commas, so a name has none)");
            }
            if (!Languages.SUPPORTED.contains(code)) {
                throw new SettingsException("site.names", "'" + entry.trim() + "' names a language Bayan does not know ("
                        + String.join(", ", Languages.SUPPORTED) + ")");
            }
            if (!languages.contains(code)) {
                throw new SettingsException("site.names", "'" + entry.trim() + "' names a language that is not in BAYAN_LANGUAGES ("
                        + String.join(",", languages.codes()) + ")");
            }
            if (name.isEmpty()) {
                throw new SettingsException("site.names", "'" + entry.trim() + "' gives no name; leave the language out to use BAYAN_SITE_NAME");
            }
            if (names.containsKey(code)) {
                throw new SettingsException("site.names", "names " + code + " twice");
            }
            names.put(code, parse("site.names", name, Settings::oneLineName));
        }
        return Map.copyOf(names);
    }

    private static List<java.net.URI> purgeUrls(String value) {
        List<java.net.URI> urls = new ArrayList<>();
        for (String entry : value.split(",")) {
            String url = entry.trim();
            if (!url.isEmpty()) {
                urls.add(java.net.URI.create(absoluteUrl("purge.urls", url)));
            }
        }
        return List.copyOf(urls);
    }

    private static java.net.URI redisUrl(String value) {
        if (!value.matches("rediss?://([^@/?#\\s]*@)?[^@/:?#\\s]+:[0-9]{1,5}(/[0-9]{1,2})?/?")) {
            throw new SettingsException("redis.url", "'" + value.replaceAll("//[^@/]*@", "//***@")
                    + "' is not a Redis address like redis://127.0.0.1:6379 (or redis://127.0.0.1:6379/2 for database 2)");
        }
        return java.net.URI.create(value);
    }

    private static String absoluteUrl(String name, String value) {
        if (!value.matches("https?://[^/?#\\s]+(/[^\\s]*)?")) {
            throw new SettingsException(name, "'" + value + "' is not an http(s) address like https://www.example.org");
        }
        return value;
    }

    private static String baseUrl(String value) {
        if (!value.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new SettingsException("base.url", "'" + value + "' is not an http(s) address like https://news.example.org");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
