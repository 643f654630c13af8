package org.bayan.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.bayan.platform.config.Settings;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders pages: one Thymeleaf engine built at start-up, the layout's shared model (canonical
 * address, breadcrumb, site name) and the site's error page.
 */
public final class Renderer {

    /** The language of the public site; message bundles and date names follow it. */
    public static final Locale LOCALE = Locale.ENGLISH;

    private final JakartaServletWebApplication application;
    private final TemplateEngine engine;
    private final Properties messages;
    private final Optional<String> baseUrl;
    private final SiteChrome chrome;
    private final ZoneId zone;
    private final KeptPerVersion<List<Object>, String> fragments;
    private volatile String siteName = Settings.DEFAULT_SITE_NAME;
    private volatile Optional<String> publisherUrl = Optional.empty();

    /** How many rendered fragments are kept at most: a section's month list is ~12 kB. */
    private static final int FRAGMENTS_KEPT = 1_000;

    /**
     * @param contentVersion the version of public content (see ContentVersion): fragments
     *                       such as the site header, which lists the sections, are rendered once
     *                       per version; null to render them with every page
     */
    public Renderer(ServletContext servletContext, Optional<String> baseUrl, SiteChrome chrome, ZoneId zone,
                    LongSupplier contentVersion) {
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
        this.messages = loadMessages();
        this.baseUrl = baseUrl;
        this.chrome = chrome;
        this.zone = zone;
        this.fragments = new KeptPerVersion<>(contentVersion, FRAGMENTS_KEPT);

        WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
        resolver.setTemplateMode(TemplateMode.HTML);
        // Under WEB-INF so templates are never served raw as static files.
        resolver.setPrefix("/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        // Templates only change with a new WAR: parse each once.
        resolver.setCacheable(true);

        StandardMessageResolver messageResolver = new StandardMessageResolver();
        // One bundle for the whole site instead of Thymeleaf's default of a file per template.
        messageResolver.setDefaultMessages(messages);

        this.engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setLinkBuilder(new StandardLinkBuilder() {
            // Sessions travel in cookies only (web.xml), so the container never rewrites a URL:
            // links skip its encodeURL, which works out an absolute address for each of them.
            @Override
            protected String processLink(IExpressionContext context, String link) {
                return link;
            }
        });
        engine.setMessageResolver(messageResolver);
    }

    /**
     * Names the publication (BAYAN_SITE_NAME) and its publisher's home page (BAYAN_PUBLISHER_URL)
     * everywhere pages, feeds and sitemaps name the organisation; set once at start-up.
     */
    public Renderer publishedBy(String siteName, Optional<String> publisherUrl) {
        this.siteName = siteName;
        this.publisherUrl = publisherUrl;
        return this;
    }

    /** The publication's name, e.g. in titles, og:site_name, feeds and the news sitemap. */
    public String siteName() {
        return siteName;
    }

    /** The publisher's home page: the configured one, or this site's home page. */
    public String publisherUrl(HttpServletRequest req) {
        return publisherUrl.orElseGet(() -> absolute(req, "/"));
    }

    /** Renders a page; {@code page} holds its template, its model and its breadcrumb. */
    public void render(HttpServletRequest req, HttpServletResponse resp, Page page) throws IOException {
        Map<String, Object> model = new HashMap<>(page.model());
        model.put("breadcrumb", page.breadcrumb());
        model.put("canonical", absolute(req, page.canonicalPath() != null ? page.canonicalPath() : pathOf(req)));
        model.put("path", pathOf(req));
        model.put("siteName", siteName);
        model.put("siteHeader", keptFragment(req, resp, "fragments", "siteHeader", "",
                () -> Map.of("navSections", chrome.navigation(), "siteName", siteName)));
        model.put("dates", DATES);
        WebContext context = new WebContext(application.buildExchange(req, resp), LOCALE, model);
        // The whole page first, then one write: Thymeleaf writes in hundreds of small pieces,
        // each of which would pass the response's encoder; and a template that fails half-way
        // leaves nothing written, so the reader gets a clean error page.
        String html = engine.process(page.template(), context);
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write(html);
    }

    /**
     * A fragment of a template whose HTML depends on public content and on {@code key} alone,
     * rendered once per content version and kept: the parts that many pages or many requests
     * share, such as the site header or a section's archive calendar. A page places it with
     * {@code th:utext}; Thymeleaf escaped what it holds when it rendered it.
     *
     * @param model the fragment's variables, worked out only when it has to be rendered
     */
    public String keptFragment(HttpServletRequest req, HttpServletResponse resp, String template, String fragment,
                               Object key, Supplier<Map<String, Object>> model) {
        return fragments.get(List.of(template, fragment, key), () -> engine.process(template, Set.of(fragment),
                new WebContext(application.buildExchange(req, resp), LOCALE, model.get())));
    }

    private static final Dates DATES = new Dates();

    /** Dates as pages show them, for templates: {@code ${dates.day(d)}} is "02 May 2018". */
    public static final class Dates {
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMMM yyyy", LOCALE);

        public String day(TemporalAccessor date) {
            return DAY.format(date);
        }

        /**
         * An instant as a {@code <time datetime>} value: UTC to the second, "2026-12-01T08:11:00Z";
         * HTML allows at most three fraction digits, and a reader's software needs none.
         */
        public String instant(Instant at) {
            return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /** Answers with the site's error page: the layout, the breadcrumb and a way back. */
    public void renderError(HttpServletRequest req, HttpServletResponse resp, int status) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        String key = "error." + (messages.containsKey("error." + status + ".title") ? status : "other");
        List<Crumb> trail = new ArrayList<>(siteTrail());
        trail.add(Crumb.current(message(key + ".title")));
        render(req, resp, new Page("error",
                Map.of("status", status, "errorKey", key, "title", message(key + ".title")), trail, null));
    }

    /** The site's time zone, for showing times in admin pages. */
    public ZoneId zone() {
        return zone;
    }

    public String message(String key) {
        return messages.getProperty(key, key);
    }

    /** The breadcrumb of the site's main section, each step linked. */
    public List<Crumb> siteTrail() {
        return chrome.mainTrail(message("nav.home"));
    }

    /** An absolute address for a path of this site, for canonical links and feeds. */
    public String absolute(HttpServletRequest req, String path) {
        String root = baseUrl.orElseGet(() -> {
            int port = req.getServerPort();
            boolean defaultPort = ("http".equals(req.getScheme()) && port == 80)
                    || ("https".equals(req.getScheme()) && port == 443);
            return req.getScheme() + "://" + req.getServerName() + (defaultPort ? "" : ":" + port) + req.getContextPath();
        });
        return root + path;
    }

    /**
     * {@link #absolute} with what a URL cannot carry as is (an Arabic slug) percent-encoded: for
     * feeds and sitemaps, whose readers want strict URIs where a browser forgives.
     */
    public String absoluteUri(HttpServletRequest req, String path) {
        return absolute(req, PageServlet.encodePath(path));
    }

    private static String pathOf(HttpServletRequest req) {
        String uri = req.getRequestURI().substring(req.getContextPath().length());
        return uri.isEmpty() ? "/" : uri;
    }

    /** The public site's texts, then the admin area's, one file per part of it. */
    static final List<String> BUNDLES = List.of("/messages.properties", "/messages-admin.properties",
            "/messages-taxonomy.properties", "/messages-users.properties", "/messages-discovery.properties");

    private static Properties loadMessages() {
        Properties p = new Properties();
        for (String bundle : BUNDLES) {
            try (Reader r = new InputStreamReader(Renderer.class.getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }
}
