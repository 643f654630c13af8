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
import org.bayan.platform.config.Languages;
import org.bayan.platform.config.Settings;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders pages: one Thymeleaf engine built at start-up, the layout's shared model (canonical
 * address, breadcrumb, site name, the page's language and direction) and the site's error page.
 * Every page is in one language, the request's ({@link LanguageFilter}): its texts come from
 * that language's message bundles, its dates are named in it, and its links stay in it.
 */
public final class Renderer {

    private final JakartaServletWebApplication application;
    private final TemplateEngine engine;
    private final Languages languages;
    /** The interface texts by language; a key missing in one falls back to English. */
    private final Map<String, Properties> messages;
    private final Map<String, Dates> dates = new HashMap<>();
    private final Optional<String> baseUrl;
    private final SiteChrome chrome;
    private final ZoneId zone;
    private final KeptPerVersion<List<Object>, String> fragments;
    private volatile Supplier<Publication> publication =
            () -> Publication.named(Settings.DEFAULT_SITE_NAME, Map.of(), Optional.empty());

    /** How many rendered fragments are kept at most: a section's month list is ~12 kB. */
    private static final int FRAGMENTS_KEPT = 1_000;

    /**
     * @param contentVersion the version of public content (see ContentVersion): fragments
     *                       such as the site header, which lists the sections, are rendered once
     *                       per version; null to render them with every page
     */
    public Renderer(ServletContext servletContext, Optional<String> baseUrl, SiteChrome chrome, ZoneId zone,
                    LongSupplier contentVersion, Languages languages) {
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
        this.languages = languages;
        this.messages = loadMessages();
        for (String code : Languages.SUPPORTED) {
            dates.put(code, new Dates(Languages.locale(code)));
        }
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

        this.engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setLinkBuilder(new StandardLinkBuilder() {
            // A public page's links to the public site stay in its language: @{/tag} is /ar/tag on an
            // Arabic page. The staff area and the files have one address in every language, and the
            // staff area's own language is not its content's: a link there to a public page names the
            // default language's (or is built in the content's language, absolute).
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                String contextPath = super.computeContextPath(context, base, parameters);
                Object prefix = context.getVariable("langPrefix");
                return prefix instanceof String p && !p.isEmpty() && isSitePath(base) && !inStaffArea(context)
                        ? contextPath + p : contextPath;
            }

            // Sessions travel in cookies only (web.xml), so the container never rewrites a URL:
            // links skip its encodeURL, which works out an absolute address for each of them.
            @Override
            protected String processLink(IExpressionContext context, String link) {
                return link;
            }
        });
        // One set of bundles for the whole site instead of Thymeleaf's default of a file per template.
        engine.setMessageResolver(new AbstractMessageResolver() {
            @Override
            public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
                String pattern = pattern(context.getLocale().getLanguage(), key);
                if (pattern == null) {
                    return null;
                }
                return parameters == null || parameters.length == 0 ? pattern
                        : new java.text.MessageFormat(pattern, context.getLocale()).format(parameters);
            }

            @Override
            public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                            Object[] parameters) {
                return "??" + key + "??";
            }
        });
    }

    /** Whether the page being rendered is one of the staff area's (its templates are under admin/). */
    private static boolean inStaffArea(IExpressionContext context) {
        return context instanceof ITemplateContext t && t.getTemplateStack().get(0).getTemplate().startsWith("admin/");
    }

    /** A path of the public site, as opposed to the staff area's, a file's or another site's. */
    private static boolean isSitePath(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !LanguageFilter.sharedByAllLanguages(path);
    }

    private String pattern(String language, String key) {
        Properties own = messages.get(language);
        String value = own == null ? null : own.getProperty(key);
        return value != null ? value : messages.get("en").getProperty(key);
    }

    /**
     * The page in each of the site's other languages, for the language switcher and the
     * {@code hreflang} links: its counterpart where {@code pathIn} names one (a path in that
     * language's tree), else that language's home page.
     */
    public List<Alternate> alternates(HttpServletRequest req, java.util.function.Function<String, String> pathIn) {
        return alternates(languages.codes(), language(req), pathIn, (code, path) -> absolute(req, code, path));
    }

    /**
     * The same for a page in {@code current} on a site of these languages (the default first),
     * with {@code absolute} making a language's percent-encoded path absolute, as
     * {@link #absolute(HttpServletRequest, String, String)} does.
     */
    public static List<Alternate> alternates(List<String> codes, String current, java.util.function.Function<String, String> pathIn,
                                             java.util.function.BinaryOperator<String> absolute) {
        List<Alternate> all = new ArrayList<>();
        for (String code : codes) {
            String path = code.equals(current) ? null : pathIn.apply(code);
            // Percent-encoded, and the names as character references: a page all in Latin letters stays
            // a Latin-1 string, which Java writes out several times faster than one with Arabic in it.
            all.add(new Alternate(code, NAMES.get(code), absolute.apply(code, PageServlet.encodePath(path != null ? path : "/")),
                    path != null, code.equals(current)));
        }
        return List.copyOf(all);
    }

    /**
     * The {@code hreflang} links of the page at {@code canonical} (absolute, in the request's
     * language) whose counterpart in each other language is {@code pathIn}'s path there, or none
     * (null): see {@link #hreflangs(String, List)}. For the sitemaps' alternates.
     */
    public List<Hreflang> hreflangs(HttpServletRequest req, String canonical, java.util.function.Function<String, String> pathIn) {
        return hreflangs(canonical, alternates(req, pathIn));
    }

    /**
     * Each language's name in itself (العربية, English, Türkçe) as HTML with character references
     * for what is not ASCII, for the switcher; worked out once.
     */
    private static final Map<String, String> NAMES = Languages.SUPPORTED.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
            code -> code, code -> Languages.locale(code).getDisplayLanguage(Languages.locale(code)).codePoints()
                    .mapToObj(c -> c < 128 ? String.valueOf((char) c) : "&#x" + Integer.toHexString(c) + ";")
                    .collect(java.util.stream.Collectors.joining())));

    /**
     * One language's version of a page: {@code counterpart} if it is the same page in that
     * language (for {@code hreflang}), else the language's home; {@code current} for the page itself.
     * {@code name} is HTML (character references), {@code url} percent-encoded.
     */
    public record Alternate(String language, String name, String url, boolean counterpart, boolean current) {
    }

    /** One {@code hreflang} link: a language (or {@code x-default}) and the absolute address of the page in it. */
    public record Hreflang(String hreflang, String href) {
    }

    /**
     * The {@code hreflang} links of a page whose own absolute address is {@code canonical}, for
     * its head and for the sitemaps' {@code xhtml:link}s alike: the page itself, each counterpart
     * in {@code alternates}, and {@code x-default} for the default language's version where there
     * is one. None for a page that has no counterpart. The same on every page of the group, so
     * the links are reciprocal.
     */
    public static List<Hreflang> hreflangs(String canonical, List<Alternate> alternates) {
        if (alternates.stream().noneMatch(Alternate::counterpart)) {
            return List.of();
        }
        List<Hreflang> links = new ArrayList<>();
        alternates.stream().filter(Alternate::current).forEach(a -> links.add(new Hreflang(a.language(), canonical)));
        alternates.stream().filter(Alternate::counterpart).forEach(a -> links.add(new Hreflang(a.language(), a.url())));
        Alternate first = alternates.get(0); // the default language's
        if (first.current() || first.counterpart()) {
            links.add(new Hreflang("x-default", first.current() ? canonical : first.url()));
        }
        return List.copyOf(links);
    }

    /** The site's languages and how each is addressed. */
    public Languages languages() {
        return languages;
    }

    /** The language of the page being answered (see {@link LanguageFilter}). */
    public String language(HttpServletRequest req) {
        return LanguageFilter.of(req, languages);
    }

    public Locale locale(HttpServletRequest req) {
        return Languages.locale(language(req));
    }

    /**
     * Names the publication, and gives its logo, favicon and shared picture, everywhere pages,
     * feeds and sitemaps name the organisation: asked for each page, as an admin may change it.
     */
    public Renderer publishedBy(Supplier<Publication> publication) {
        this.publication = publication;
        return this;
    }

    /** Who publishes the site, as it is now. */
    public Publication publication() {
        return publication.get();
    }

    /** The publication's name in a language, e.g. in titles, og:site_name, feeds and the news sitemap. */
    public String siteName(String language) {
        return publication().name(language);
    }

    /** The publication's name in the page's language. */
    public String siteName(HttpServletRequest req) {
        return siteName(language(req));
    }

    /** The publisher's home page: the configured one, or this site's home page. */
    public String publisherUrl(HttpServletRequest req) {
        return publication().publisherUrl().orElseGet(() -> absolute(req, "/"));
    }

    /** Renders a page; {@code page} holds its template, its model and its breadcrumb. */
    public void render(HttpServletRequest req, HttpServletResponse resp, Page page) throws IOException {
        String lang = language(req);
        String canonicalPath = page.canonicalPath() != null ? page.canonicalPath() : pathOf(req);
        Map<String, Object> model = new HashMap<>(page.model());
        model.put("breadcrumb", page.breadcrumb());
        model.put("canonical", absolute(req, lang, canonicalPath));
        model.put("path", pathOf(req));
        model.put("contextPath", req.getContextPath()); // for addresses that are not one link, such as a srcset
        Publication publisher = publication();
        model.put("siteName", publisher.name(lang));
        model.put("siteIcon", publisher.favicon());
        putLanguage(model, lang);
        model.put("siteHeader", keptFragment(req, resp, "fragments", "siteHeader", "", () -> {
            Map<String, Object> header = new HashMap<>();
            header.put("navSections", chrome.navigation(lang));
            header.put("siteName", publisher.name(lang));
            header.put("siteLogo", publisher.logo());
            return header;
        }));
        if (!model.containsKey("alternates")) {
            model.put("alternates", languages.codes().size() < 2 ? List.of() : alternates(req, other -> null));
        }
        @SuppressWarnings("unchecked")
        List<Alternate> alternates = (List<Alternate>) model.get("alternates");
        // The links to the page's other languages depend on the page's address alone: kept rendered,
        // as many pages share them (every listing links the other languages' homes).
        String canonical = absolute(req, lang, PageServlet.encodePath(canonicalPath));
        Supplier<Map<String, Object>> links = () -> Map.of("alternates", alternates, "links", hreflangs(canonical, alternates));
        model.put("hreflangs", keptFragment(req, resp, "fragments", "hreflangs", List.of(canonical, alternates), links));
        model.put("languageSwitcher", keptFragment(req, resp, "fragments", "languageSwitcher", alternates, links));
        WebContext context = new WebContext(application.buildExchange(req, resp), Languages.locale(lang), model);
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
        String lang = language(req);
        return fragments.get(List.of(template, fragment, key, lang), () -> {
            Map<String, Object> vars = new HashMap<>(model.get());
            putLanguage(vars, lang);
            return engine.process(template, Set.of(fragment),
                    new WebContext(application.buildExchange(req, resp), Languages.locale(lang), vars));
        });
    }

    /**
     * What every template (and kept fragment) knows of its language: {@code lang}, {@code dir},
     * the link prefix, its date names, and {@code scripts} for the direction of other languages' text.
     */
    private void putLanguage(Map<String, Object> vars, String lang) {
        vars.put("lang", lang);
        vars.put("dir", Languages.direction(lang));
        vars.put("langPrefix", languages.prefix(lang));
        vars.put("dates", dates.get(lang));
        vars.put("scripts", SCRIPTS);
    }

    private static final Scripts SCRIPTS = new Scripts();

    /** For templates: {@code ${scripts.dir(s.language)}} is the direction text in that language is written in. */
    public static final class Scripts {
        public String dir(String language) {
            return Languages.direction(language);
        }
    }

    /** Dates as pages show them, for templates: {@code ${dates.day(d)}} is "02 May 2018". */
    public static final class Dates {
        private final DateTimeFormatter day;

        Dates(Locale locale) {
            this.day = DateTimeFormatter.ofPattern("dd MMMM yyyy", locale);
        }

        public String day(TemporalAccessor date) {
            return day.format(date);
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
        String key = "error." + (messages.get("en").containsKey("error." + status + ".title") ? status : "other");
        List<Crumb> trail = new ArrayList<>(siteTrail(req));
        trail.add(Crumb.current(message(req, key + ".title")));
        render(req, resp, new Page("error",
                Map.of("status", status, "errorKey", key, "title", message(req, key + ".title")), trail, null));
    }

    /** The site's time zone, for showing times in admin pages. */
    public ZoneId zone() {
        return zone;
    }

    /** An interface text in the page's language (its key if there is none). */
    public String message(HttpServletRequest req, String key) {
        return message(language(req), key);
    }

    /** An interface text in the page's language with its placeholders ({0}, {1}…) filled in. */
    public String message(HttpServletRequest req, String key, Object... args) {
        String lang = language(req);
        String pattern = pattern(lang, key);
        return pattern == null ? key : new java.text.MessageFormat(pattern, java.util.Locale.forLanguageTag(lang)).format(args);
    }

    /** An interface text in a language (its key if there is none). */
    public String message(String language, String key) {
        String pattern = pattern(language, key);
        return pattern == null ? key : pattern;
    }

    /** The breadcrumb of the site's main section in the page's language, each step linked. */
    public List<Crumb> siteTrail(HttpServletRequest req) {
        String lang = language(req);
        return chrome.mainTrail(lang, message(lang, "nav.home"));
    }

    /** An absolute address for a path of this site in the page's language, for canonical links and feeds. */
    public String absolute(HttpServletRequest req, String path) {
        return absolute(req, language(req), path);
    }

    /**
     * An absolute address for a path of this site in a language: {@code /tag/x} in Arabic is
     * {@code https://news.example/ar/tag/x}, or {@code https://ar.news.example/tag/x} with a
     * host per language. For the links between a page and its translations.
     */
    public String absolute(HttpServletRequest req, String language, String path) {
        String scheme = baseUrl.map(u -> java.net.URI.create(u).getScheme()).orElse(req.getScheme());
        if (languages.byHost()) {
            String host = languages.hosts().get(language);
            String contextPath = baseUrl.map(u -> java.net.URI.create(u).getRawPath()).orElse(req.getContextPath());
            int port = baseUrl.map(u -> java.net.URI.create(u).getPort()).orElse(req.getServerPort());
            return scheme + "://" + host + (port < 0 || isDefault(scheme, port) ? "" : ":" + port) + contextPath + path;
        }
        String root = baseUrl.orElseGet(() -> {
            int port = req.getServerPort();
            return req.getScheme() + "://" + req.getServerName() + (isDefault(req.getScheme(), port) ? "" : ":" + port)
                    + req.getContextPath();
        });
        return root + languages.path(language, path);
    }

    private static boolean isDefault(String scheme, int port) {
        return ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
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
            "/messages-taxonomy.properties", "/messages-users.properties", "/messages-discovery.properties",
            "/messages-media.properties", "/messages-import.properties");

    /** The English bundles, then each language's translation of them ({@code messages_ar.properties}). */
    private static Map<String, Properties> loadMessages() {
        Map<String, Properties> all = new HashMap<>();
        for (String language : Languages.SUPPORTED) {
            Properties p = new Properties();
            for (String bundle : BUNDLES) {
                String name = language.equals("en") ? bundle : bundle.replace(".properties", "_" + language + ".properties");
                var in = Renderer.class.getResourceAsStream(name);
                if (in == null) {
                    continue; // not translated yet: English stands in for every key
                }
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            all.put(language, p);
        }
        return Map.copyOf(all);
    }
}
