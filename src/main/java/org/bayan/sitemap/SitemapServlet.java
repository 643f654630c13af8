package org.bayan.sitemap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.PageCache;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;
import org.bayan.statement.PageKeys;

/**
 * The sitemaps: {@code /sitemap.xml}, an index of {@code /sitemap-1.xml}, {@code /sitemap-2.xml}
 * ..., and {@code /sitemap-news.xml} for Google News. Mapped to {@code *.xml} as well, since a
 * servlet mapping cannot say "sitemap-N"; no other page of the site ends in ".xml" (slugs are
 * letters, digits and hyphens), and any other such address gets the site's 404 page.
 */
public final class SitemapServlet extends PageServlet {

    private static final Pattern NUMBERED = Pattern.compile("/sitemap-([1-9][0-9]{0,5})\\.xml");

    private final Sitemaps sitemaps;

    public SitemapServlet(Renderer renderer, Sitemaps sitemaps) {
        super(renderer);
        this.sitemaps = sitemaps;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageCache.shows(req, List.of(PageKeys.SITEMAP));
        String path = pathWithinSite(req);
        Matcher numbered = NUMBERED.matcher(path);
        if (path.equals("/sitemap.xml")) {
            xml(req, resp).index(sitemaps.index(renderer.language(req)));
        } else if (path.equals("/sitemap-news.xml")) {
            xml(req, resp).news(sitemaps.news(renderer.language(req)), renderer.siteName(req));
        } else if (numbered.matches()) {
            var urls = sitemaps.file(renderer.language(req), Integer.parseInt(numbered.group(1)))
                    .orElseThrow(() -> HttpError.notFound("no such sitemap"));
            xml(req, resp).urls(urls);
        } else {
            throw HttpError.notFound("no such file");
        }
    }

    private SitemapXml xml(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/xml;charset=UTF-8");
        // The alternates are built as the pages' hreflang links are, in each language's addressing.
        return new SitemapXml(resp.getWriter(), path -> renderer.absoluteUri(req, path),
                (loc, counterparts) -> renderer.hreflangs(req, loc, counterparts::get));
    }
}
