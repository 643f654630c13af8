package org.bayan;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordService;
import org.bayan.user.AccountServlet;
import org.bayan.user.AdminServlet;
import org.bayan.audit.AuditServlet;
import org.bayan.media.MediaAdminServlet;
import org.bayan.media.MediaFiles;
import org.bayan.media.MediaService;
import org.bayan.media.MediaFilter;
import org.bayan.media.UploadSizeFilter;
import org.bayan.statement.StatementMediaUses;
import org.bayan.importer.ImportAdminServlet;
import org.bayan.importer.ImportJobs;
import org.bayan.importer.K2Addresses;
import org.bayan.importer.K2Import;
import org.bayan.importer.OldAddressFilter;
import org.bayan.importer.OldAddresses;
import org.bayan.importer.WordPressAddresses;
import org.bayan.importer.WxrImport;
import org.bayan.site.SiteAdminServlet;
import org.bayan.site.SiteIdentityService;
import org.bayan.site.SiteMediaUses;
import org.bayan.statement.DashboardServlet;
import org.bayan.section.SectionAdminServlet;
import org.bayan.tag.TagAdminServlet;
import org.bayan.user.UserAdminServlet;
import org.bayan.backup.BackupServlet;
import org.bayan.search.SearchAdminServlet;
import org.bayan.backup.BackupSchedule;
import org.bayan.backup.BackupService;
import org.bayan.search.SearchService;
import org.bayan.search.StatementReindex;
import org.bayan.search.SearchServlet;
import org.bayan.section.SectionService;
import org.bayan.statement.StatementAdminServlet;
import org.bayan.audit.AuditLog;
import org.bayan.demo.DemoContent;
import org.bayan.demo.DemoPictures;
import org.bayan.feed.FeedLink;
import org.bayan.feed.FeedResponder;
import org.bayan.feed.FeedServlet;
import org.bayan.feed.Feeds;
import org.bayan.platform.security.Csrf;
import org.bayan.user.DeviceCookie;
import org.bayan.user.LoginServlet;
import org.bayan.user.DatabaseCounts;
import org.bayan.user.LoginThrottle;
import org.bayan.user.RedisCounts;
import org.bayan.user.LogoutServlet;
import org.bayan.platform.security.SecurityFilter;
import org.bayan.user.StaffFilter;
import org.bayan.user.StaffRealm;
import org.bayan.statement.StatementDesk;
import org.bayan.statement.StatementPageView;
import org.bayan.statement.StatementService;
import org.bayan.tag.TagService;
import org.bayan.user.PasswordRules;
import org.bayan.user.UserService;
import org.bayan.home.HomeServlet;
import org.bayan.platform.config.Settings;
import org.bayan.platform.config.SettingsException;
import org.bayan.platform.persistence.Database;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.web.ErrorServlet;
import org.bayan.platform.web.Renderer;
import org.bayan.platform.web.ContentVersion;
import org.bayan.platform.web.Publication;
import org.bayan.platform.web.PageCache;
import org.bayan.platform.web.SecurityHeadersFilter;
import org.bayan.platform.web.OtherNodes;
import org.bayan.platform.web.FrontCache;
import org.bayan.platform.persistence.PostgresNodes;
import org.bayan.platform.web.DatabaseSessions;
import org.bayan.platform.web.RedisNodes;
import org.bayan.platform.web.RedisSessions;
import org.bayan.platform.web.SessionStore;
import redis.clients.jedis.RedisClient;
import org.bayan.platform.web.SharedSessions;
import org.bayan.platform.web.SqlCountFilter;
import org.bayan.platform.web.HostFilter;
import org.bayan.platform.web.LanguageFilter;
import org.bayan.platform.web.SiteAddress;
import org.bayan.platform.web.StaticFilesFilter;
import org.bayan.platform.web.UnreadableBodyFilter;
import org.bayan.section.Section;
import org.bayan.section.Sections;
import org.bayan.archive.SectionArchiveServlet;
import org.bayan.sitemap.RobotsServlet;
import org.bayan.sitemap.SitemapServlet;
import org.bayan.sitemap.Sitemaps;
import org.bayan.statement.DayCounts;
import org.bayan.statement.PublicStatements;
import org.bayan.statement.PublishedDays;
import org.bayan.statement.Schedule;
import org.bayan.archive.AuthorArchiveServlet;
import org.bayan.archive.TagArchiveServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires Bayan together once, at start-up: settings, database, services, then the servlets,
 * each given what it needs. There are no static singletons; this is the only place that
 * knows every part.
 */
public final class Bootstrap implements ServletContextListener {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    /** Every entity class ({@link Schema#ENTITIES}). */
    public static final List<Class<?>> ENTITIES = Schema.ENTITIES;

    private Database database;
    private BackupSchedule backupSchedule;
    private ImportJobs imports;
    private OtherNodes otherNodes = OtherNodes.NONE;
    /** The Redis of the site's nodes (BAYAN_REDIS_URL), or null: the database keeps what they share. */
    private RedisClient redis;
    /** Looks at the clock once a second for the caches in front, which no reader's request reaches. */
    private final java.util.concurrent.ScheduledExecutorService ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bayan-schedule-ticker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        long started = System.nanoTime();
        Settings settings = settings(ctx);
        // With a host per language (BAYAN_LANGUAGE_HOSTS), each of those hosts is the site's own.
        List<String> hosts = new java.util.ArrayList<>(settings.allowedHosts());
        hosts.addAll(settings.languages().hosts().values());
        SiteAddress address = new SiteAddress(settings.baseUrl(), List.copyOf(hosts));
        address.startupNote().ifPresent(log::warn);
        ctx.setAttribute(AdminServlet.DURABILITY, (Runnable) database::makeDurable);
        Parts parts = database.exclusively(() -> parts(ctx, settings, Clock.systemUTC()));
        Shared shared = shared(parts, settings);
        otherNodes = shared.nodes();
        filters(ctx, settings, address, parts, shared);
        publicPages(ctx, parts);
        adminPages(ctx, settings, parts, shared);
        log.info("Bayan started at context '{}' in {} ms; staff log in at {}/login", ctx.getContextPath(),
                (System.nanoTime() - started) / 1_000_000, ctx.getContextPath());
    }

    /** Reads the settings and opens the database, or stops the start with one line that says why. */
    private Settings settings(ServletContext ctx) {
        try {
            Settings settings = Settings.fromEnvironment(defaultHome(ctx)).ensureHome();
            log.info("Bayan starting at context '{}': {}", ctx.getContextPath(), settings.describe());
            database = openDatabase(settings);
            redis = settings.redisUrl().map(Bootstrap::openRedis).orElse(null);
            return settings;
        } catch (SettingsException e) {
            throw startFailure(e.getMessage());
        } catch (RuntimeException e) {
            throw startFailure("cannot open the database: " + rootCause(e));
        }
    }

    /** Connects to the site's Redis, or stops the start with one line that says why. */
    private static RedisClient openRedis(java.net.URI url) {
        RedisClient client = RedisClient.create(url);
        try {
            client.ping();
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw startFailure("cannot reach Redis at BAYAN_REDIS_URL (" + url.getHost() + ":" + url.getPort() + "): " + rootCause(e));
        }
    }

    /**
     * What the nodes of one site share: their staff's sessions, their login counts, word of each
     * change, and the HTTP caches in front of them (BAYAN_PURGE_URLS), told of every change too.
     */
    private record Shared(SessionStore sessions, LoginThrottle.Counts loginCounts, OtherNodes nodes, FrontCache front) {
    }

    /**
     * Through Redis where the site has one, else through the database; on H2 there is only this
     * node to tell. Decided here once, so the three never disagree.
     */
    private Shared shared(Parts p, Settings settings) {
        FrontCache front = new FrontCache(settings.purgeUrls());
        if (redis != null) {
            return new Shared(new RedisSessions(redis, p.clock()), new RedisCounts(redis, p.clock()), new RedisNodes(redis), front);
        }
        return new Shared(new DatabaseSessions(p.tx(), p.clock()), new DatabaseCounts(p.tx(), p.clock()),
                database.isH2() ? OtherNodes.NONE : new PostgresNodes(database.dataSource()), front);
    }

    /** The services and shared parts the filters and servlets are given, each built once. */
    private record Parts(Clock clock, Transactions tx, Sections sections, ContentVersion contentVersion,
                         PublicStatements statements, Renderer renderer, AuditLog audit, PasswordService passwords,
                         UserService users, StatementService statementService, StatementDesk desk, TagService tags,
                         SearchService search, FeedResponder feeds, StatementPageView statementPage,
                         BackupService backups, MediaFiles mediaFiles, MediaService media, SiteIdentityService identity) {
    }

    private Parts parts(ServletContext ctx, Settings settings, Clock clock) {
        Transactions tx = new Transactions(database.sessionFactory());
        new PublishedDays(tx).realign(settings.timezone());
        boolean demo = settings.demo() && new DemoContent(tx, clock, settings.timezone()).loadIfEmpty() > 0;
        Sections sections = new Sections(tx, settings.languages().codes());
        ContentVersion contentVersion = new ContentVersion(clock, new Schedule(tx, clock)::next);
        DayCounts dayCounts = new DayCounts(contentVersion);
        PublicStatements statements = new PublicStatements(tx, sections, clock, contentVersion::current, dayCounts);
        Renderer renderer = new Renderer(ctx, settings.baseUrl(), sections, settings.timezone(), contentVersion::current,
                settings.languages());

        AuditLog audit = new AuditLog(tx, clock);
        SiteIdentityService identity = new SiteIdentityService(tx, audit, settings.languages().codes(),
                Publication.named(settings.siteName(), settings.siteNames(), settings.publisherUrl()));
        renderer.publishedBy(identity::current);
        PasswordService passwords = new DefaultPasswordService();
        UserService users = new UserService(tx, passwords, new PasswordRules(), audit, clock);
        try {
            users.ensureAdmin(settings.adminPassword());
        } catch (SettingsException e) {
            throw startFailure(e.getMessage());
        }
        SearchService search = new SearchService(tx, sections, clock, contentVersion::current);
        search.atStartUp();
        BackupService backups = new BackupService(database.dataSource(), database.isH2(), settings.home(), settings.mediaDir(), clock);
        backups.removeLeftovers();
        if (backups.available() && !settings.backupInterval().isZero()) {
            backupSchedule = new BackupSchedule(backups, settings.backupInterval(), settings.backupKeep());
        }
        MediaFiles mediaFiles = new MediaFiles(settings.mediaDir());
        MediaService media = new MediaService(tx, mediaFiles, settings.uploadMax(), settings.imageMaxPixels(), audit, clock,
                settings.timezone(), new StatementMediaUses().and(new SiteMediaUses(identity)));
        media.removeLeftovers();
        if (demo) {
            DemoPictures.illustrate(tx, media);
        }
        return new Parts(clock, tx, sections, contentVersion, statements, renderer, audit, passwords, users,
                new StatementService(tx, audit, clock, settings.timezone(), settings.languages().codes(), ctx.getContextPath()),
                new StatementDesk(tx, sections, clock),
                new TagService(tx, audit, new StatementReindex()), search,
                new FeedResponder(renderer, new Feeds(tx, sections, clock, dayCounts)),
                new StatementPageView(renderer, statements, settings.timezone(),
                        (section, language) -> FeedLink.of(renderer, language, section.path(), section.name())), backups,
                mediaFiles, media, identity);
    }

    /** The filters, in the order a request meets them (ARCHITECTURE.md, "One request"). */
    private void filters(ServletContext ctx, Settings settings, SiteAddress address, Parts p, Shared shared) {
        EnumSet<DispatcherType> all = EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD,
                DispatcherType.INCLUDE, DispatcherType.ERROR);
        EnumSet<DispatcherType> request = EnumSet.of(DispatcherType.REQUEST);
        ctx.addFilter("securityHeaders", new SecurityHeadersFilter()).addMappingForUrlPatterns(all, true, "/*");
        // An unknown host gets a plain 400 before anything renders a link with it.
        ctx.addFilter("host", new HostFilter(address)).addMappingForUrlPatterns(request, true, "/*");
        // The old site's addresses (K2's, WordPress's): a 301 to what each is now. K2's images (/media/k2/...)
        // ahead of the files, the pages and feeds ahead of the languages' prefixes; this site's photos never meet it.
        OldAddressFilter old = new OldAddressFilter(oldAddresses(settings, p), p.renderer());
        ctx.addFilter("k2Images", old).addMappingForUrlPatterns(request, true, "/media/k2/*");
        // Photos and documents: the same for everyone, answered before anything looks at who asks.
        ctx.addFilter("media", new MediaFilter(p.mediaFiles())).addMappingForUrlPatterns(request, true, "/media/*");
        ctx.addFilter("staticFiles", new StaticFilesFilter())
                .addMappingForUrlPatterns(request, true, "/static/*", "/webjars/*", "/favicon.ico");

        LanguageFilter language = new LanguageFilter(settings.languages(), p.renderer());
        // Inside a language's forward too (/ar/x is forwarded to /x in Arabic): the container commits
        // a forwarded response when the forward returns, so these keep their hands off it before.
        EnumSet<DispatcherType> requestOrForward = EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD);
        if (settings.debugSqlCount()) {
            ctx.addFilter("sqlCount", new SqlCountFilter(language::forwards)).addMappingForUrlPatterns(requestOrForward, true, "/*");
        }
        // Before Shiro: a kept public page is the same for every reader, so it is answered without
        // building a subject. A page not kept yet passes through Shiro (which refuses bad paths)
        // before it is rendered and kept, so nothing Shiro would refuse is ever answered from it.
        // So too the old addresses: a page is kept only once they have let it pass, and an import,
        // which brings new ones, drops every kept page; a kept page is answered without asking them.
        FrontCache front = shared.front();
        PageCache pageCache = new PageCache(p.contentVersion(), address, language::forwards, shared.nodes(), front);
        if (front.configured()) {
            // A cache in front answers readers without asking: it is told when a scheduled statement goes live.
            p.contentVersion().onScheduledGoingLive(() -> front.purge(java.util.Optional.empty()));
            ticker.scheduleWithFixedDelay(p.contentVersion()::current, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
        ctx.addFilter("pageCache", pageCache).addMappingForUrlPatterns(requestOrForward, true, "/*");
        ctx.addFilter("unreadableBody", new UnreadableBodyFilter()).addMappingForUrlPatterns(request, true, "/*");
        ctx.addFilter("oldAddresses", old).addMappingForUrlPatterns(request, true, "/*");
        // A change on another node: what this one keeps of it goes too (sections and the site's
        // identity are kept in memory, and reread when anything may have changed).
        shared.nodes().onChange(keys -> {
            if (keys.isEmpty()) {
                p.sections().reload();
                p.identity().forget();
            }
            pageCache.apply(keys);
        });
        ctx.addFilter("language", language).addMappingForUrlPatterns(request, true, "/*");
        // Sessions in Redis or the database, so that any node of the site knows a login made on another.
        ctx.addFilter("sessions", new SharedSessions(shared.sessions()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), true, "/*");
        ctx.addFilter("shiro", new SecurityFilter(new StaffRealm(p.users(), p.passwords())))
                .addMappingForUrlPatterns(all, true, "/*");
        // Before the CSRF check, which reads the body for its token: an upload too large to read is a 413.
        ctx.addFilter("uploadSize", new UploadSizeFilter(p.renderer(), settings.uploadMax()))
                .addMappingForUrlPatterns(request, true, "/admin/media", "/admin/media/*");
        ctx.addFilter("csrf", new Csrf((req, resp) -> p.renderer().renderError(req, resp, 403), address::isConfiguredHost))
                .addMappingForUrlPatterns(request, true, "/*");
        ctx.addFilter("staff", new StaffFilter(p.users(), p.clock())).addMappingForUrlPatterns(request, true, "/admin", "/admin/*");
    }

    private static void publicPages(ServletContext ctx, Parts p) {
        Renderer renderer = p.renderer();
        ctx.addServlet("home", new HomeServlet(renderer, p.sections(), p.statements())).addMapping("");
        ctx.addServlet("tags", new TagArchiveServlet(renderer, p.statements(), p.feeds())).addMapping("/tag/*");
        ctx.addServlet("authors", new AuthorArchiveServlet(renderer, p.statements())).addMapping("/author/*");
        ctx.addServlet("feeds", new FeedServlet(renderer, p.feeds())).addMapping("/feed.rss", "/feed.atom");
        // "*.xml" because a mapping cannot say "/sitemap-N.xml"; the servlet 404s any other name.
        ctx.addServlet("sitemaps", new SitemapServlet(renderer, new Sitemaps(p.tx(), p.sections(), p.clock())))
                .addMapping("/sitemap.xml", "/sitemap-news.xml", "*.xml");
        ctx.addServlet("robots", new RobotsServlet(renderer)).addMapping("/robots.txt");
        ctx.addServlet("error", new ErrorServlet(renderer)).addMapping("/error");
        ctx.addServlet("search", new SearchServlet(renderer, p.search(), p.sections())).addMapping("/search");
        // Section paths come from the data, so the section router takes every other path;
        // web.xml maps Tomcat's default servlet to /static/* for the files.
        ctx.addServlet("site", new SectionArchiveServlet(renderer, p.sections(), p.statements(), p.statementPage(), p.feeds(), p.clock(),
                p.renderer().zone())).addMapping("/");
    }

    private void adminPages(ServletContext ctx, Settings settings, Parts p, Shared shared) {
        Renderer renderer = p.renderer();
        ctx.addServlet("login", new LoginServlet(renderer, p.users(),
                new LoginThrottle(shared.loginCounts(), p.clock()),
                new DeviceCookie(DeviceCookie.secret(p.tx()), p.clock()), p.audit(), p.clock())).addMapping("/login");
        ctx.addServlet("logout", new LogoutServlet(p.audit(), p.users())).addMapping("/logout");
        ctx.addServlet("dashboard", new DashboardServlet(renderer, p.desk())).addMapping("/admin", "/admin/ping");
        ctx.addServlet("tagAdmin", new TagAdminServlet(renderer, p.tags())).addMapping("/admin/tags", "/admin/tags/*");
        ctx.addServlet("sectionAdmin", new SectionAdminServlet(renderer, new SectionService(p.tx(), p.sections(), p.audit())))
                .addMapping("/admin/sections", "/admin/sections/*");
        ctx.addServlet("siteAdmin", new SiteAdminServlet(renderer, p.identity())).addMapping("/admin/site", "/admin/site/*");
        ctx.addServlet("userAdmin", new UserAdminServlet(renderer, p.users())).addMapping("/admin/users", "/admin/users/*");
        ctx.addServlet("account", new AccountServlet(renderer, p.users())).addMapping("/admin/account");
        ctx.addServlet("audit", new AuditServlet(renderer, p.audit())).addMapping("/admin/audit");
        ctx.addServlet("statementAdmin", new StatementAdminServlet(renderer, p.statementService(), p.desk(),
                p.statementPage(), p.sections(), settings.timezone())).addMapping("/admin/statements", "/admin/statements/*");
        ctx.addServlet("backup", new BackupServlet(renderer, p.backups(), p.audit(), settings.backupKeep()))
                .addMapping("/admin/backup", "/admin/backup/*");
        ctx.addServlet("searchAdmin", new SearchAdminServlet(renderer, p.search())).addMapping("/admin/search/rebuild");
        ctx.addServlet("importAdmin", new ImportAdminServlet(renderer, imports(settings, p, shared))).addMapping("/admin/import", "/admin/import/*");
        var mediaAdmin = ctx.addServlet("mediaAdmin", new MediaAdminServlet(renderer, p.media()));
        mediaAdmin.addMapping("/admin/media", "/admin/media/*");
        // Files go to disk past 1 MB; a single file over BAYAN_UPLOAD_MAX is refused by name, as it is read.
        mediaAdmin.setMultipartConfig(new jakarta.servlet.MultipartConfigElement("", -1,
                UploadSizeFilter.maxRequest(settings.uploadMax()), 1024 * 1024));
    }

    /** The addresses of the sites an import replaced: K2's, then WordPress's. */
    private static List<OldAddresses> oldAddresses(Settings settings, Parts p) {
        List<String> languages = settings.languages().codes();
        return List.of(new K2Addresses(p.tx(), p.sections(), languages, p.clock()),
                new WordPressAddresses(p.tx(), p.sections(), languages, p.clock()));
    }

    /** Imports from /admin/import, each run in the background and reported in imports/ of the data folder. */
    private ImportJobs imports(Settings settings, Parts p, Shared shared) {
        List<String> languages = settings.languages().codes();
        List<OldAddresses> old = oldAddresses(settings, p);
        // What an import wrote shows at once: the sections reread, every kept page renewed, here,
        // on the other nodes and in the caches in front (no request of the admin area tells them:
        // an import runs in the background).
        Runnable changed = () -> {
            p.sections().reload();
            p.contentVersion().bump();
            shared.nodes().changed(java.util.Optional.empty());
            shared.front().purge(java.util.Optional.empty());
        };
        imports = new ImportJobs(new K2Import(p.tx(), languages, settings.timezone(), p.clock(), changed, p.media()),
                new WxrImport(p.tx(), languages, settings.timezone(), p.clock(), changed, p.media()),
                a -> OldAddresses.follow(old.get(0), languages, a), a -> OldAddresses.follow(old.get(1), languages, a),
                settings.home().resolve("imports"), p.clock(), changed);
        return imports;
    }

    /** The database with every entity and the search index, as Bayan and its tests open it. */
    public static Database openDatabase(Settings settings) {
        return Schema.open(settings);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (backupSchedule != null) {
            backupSchedule.close();
        }
        if (imports != null) {
            imports.close();
        }
        otherNodes.close();
        ticker.shutdownNow();
        if (redis != null) {
            redis.close();
        }
        if (database != null) {
            database.close();
        }
        // The drivers came with the WAR: deregister them so the undeployed app can be collected.
        ClassLoader own = Thread.currentThread().getContextClassLoader();
        for (Driver d : java.util.Collections.list(DriverManager.getDrivers())) {
            if (d.getClass().getClassLoader() == own) {
                try {
                    DriverManager.deregisterDriver(d);
                } catch (Exception e) {
                    log.warn("Could not deregister {}: {}", d, e.toString());
                }
            }
        }
    }

    /**
     * The data folder when {@code BAYAN_HOME} is not set: inside Tomcat's base folder, one per
     * context so two copies of the WAR on one Tomcat never share a database.
     */
    static Path defaultHome(ServletContext ctx) {
        String context = ctx.getContextPath().isEmpty() ? "ROOT" : ctx.getContextPath().substring(1).replace('/', '#');
        String catalinaBase = System.getProperty("catalina.base");
        return catalinaBase != null
                ? Path.of(catalinaBase, "bayan-data", context)
                : Path.of(System.getProperty("user.home"), ".bayan", context);
    }

    private static StartFailure startFailure(String why) {
        log.error("Bayan cannot start: {}", why);
        return new StartFailure("Bayan cannot start: " + why);
    }

    /** Stackless: the one log line says all an admin needs, Tomcat adds no trace wall to it. */
    static final class StartFailure extends RuntimeException {
        StartFailure(String message) {
            super(message, null, false, false);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        String root = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
        return t == e ? first : first + " (" + root + ")";
    }
}
