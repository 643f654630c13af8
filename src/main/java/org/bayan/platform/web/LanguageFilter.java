package org.bayan.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.bayan.platform.config.Languages;

/**
 * Works out the language of a public request and tells the rest of the request about it
 * ({@link #of}). With prefixes, {@code /ar/media-center/...} is forwarded to
 * {@code /media-center/...} in Arabic, so every page exists once and each language has the same
 * tree; the default language has no prefix and keeps its addresses. With a host per language, the
 * host says it. After the page cache, which answers a kept page of any language before the
 * forward; a page not kept yet is rendered and kept inside the forward (the container commits a
 * forwarded response when the forward returns), under the address the reader asked for.
 */
public final class LanguageFilter extends HttpFilter {

    static final String ATTRIBUTE = "bayan.language";
    /** The path prefix of the request's language ({@code /ar}), for redirects within it. */
    static final String PREFIX = "bayan.language.prefix";

    private final Languages languages;
    private final Renderer renderer;

    public LanguageFilter(Languages languages, Renderer renderer) {
        this.languages = languages;
        this.renderer = renderer;
    }

    /** The language of the page being answered: the site's default outside any prefix or language host. */
    public static String of(ServletRequest req, Languages languages) {
        Object lang = req.getAttribute(ATTRIBUTE);
        return lang instanceof String s ? s : languages.defaultLanguage();
    }

    /** Renders the rest of this request in a language: an admin page in its reader's, a preview in its statement's. */
    public static void use(ServletRequest req, String language) {
        req.setAttribute(ATTRIBUTE, language);
    }

    /**
     * Whether this filter will forward the request to a page in another language ({@code /ar/x}
     * to {@code /x}): the filters before it must then leave its response to the forward, which
     * the container commits when it returns (see {@link PageCache}).
     */
    public boolean forwards(HttpServletRequest req) {
        if (languages.byHost() || req.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
            return false;
        }
        return prefixed(PageServlet.pathWithinSite(req)).filter(p -> languages.contains(p.language())
                && !p.language().equals(languages.defaultLanguage()) && !p.rest().isEmpty()
                && !sharedByAllLanguages(p.rest())).isPresent();
    }

    /**
     * Whether a path has one address in every language: the staff area, sign-in and the files.
     * Links to them are never prefixed, and {@code /ar/admin} is not a page.
     */
    public static boolean sharedByAllLanguages(String path) {
        return path.startsWith("/admin") || path.startsWith("/login") || path.startsWith("/logout")
                || path.startsWith("/static/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    /** A path whose first segment is a language code ({@code /ar/...}), and what follows it ("" for none). */
    private record Prefixed(String language, String rest) {
    }

    private static Optional<Prefixed> prefixed(String path) {
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path.substring(1) : path.substring(1, end);
        if (!Languages.isLanguageCode(first)) {
            return Optional.empty();
        }
        return Optional.of(new Prefixed(first, end < 0 ? "" : path.substring(end)));
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (languages.byHost()) {
            req.setAttribute(ATTRIBUTE, languages.ofHost(req.getServerName()).orElse(languages.defaultLanguage()));
            chain.doFilter(req, resp);
            return;
        }
        Optional<Prefixed> prefixed = prefixed(PageServlet.pathWithinSite(req));
        if (prefixed.isEmpty()) {
            chain.doFilter(req, resp);
            return;
        }
        String first = prefixed.get().language();
        String rest = prefixed.get().rest();
        if (first.equals(languages.defaultLanguage())) {
            // The default language has no prefix: its one address is the unprefixed one.
            PageServlet.redirectPermanently(req, resp, (rest.isEmpty() ? "/" : rest) + query(req));
            return;
        }
        if (!languages.contains(first)) {
            renderer.renderError(req, resp, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (rest.isEmpty()) {
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", req.getContextPath() + "/" + first + "/" + query(req));
            return;
        }
        req.setAttribute(ATTRIBUTE, first);
        req.setAttribute(PREFIX, languages.prefix(first));
        if (sharedByAllLanguages(rest)) {
            renderer.renderError(req, resp, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // The query stays the request's own: the forward keeps its parameters.
        req.getRequestDispatcher(PageServlet.encodePath(rest)).forward(req, resp);
    }

    private static String query(HttpServletRequest req) {
        return req.getQueryString() == null ? "" : "?" + req.getQueryString();
    }
}
