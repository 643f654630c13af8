package org.bayan.importer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;

/**
 * Answers the addresses of the site Bayan replaced (K2's, WordPress's) with a 301 to the page
 * each is now, in one hop ({@link OldAddresses}); every other request passes untouched, after
 * checks that cost no query. Ahead of the language filter, which would not know K2's language
 * prefixes.
 */
public final class OldAddressFilter extends HttpFilter {

    private final List<OldAddresses> sites;
    private final Renderer renderer;

    public OldAddressFilter(List<OldAddresses> sites, Renderer renderer) {
        this.sites = List.copyOf(sites);
        this.renderer = renderer;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        String path = PageServlet.pathWithinSite(req);
        if ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) {
            for (OldAddresses site : sites) {
                if (!site.mayBeOld(path, req.getQueryString())) continue;
                Optional<OldAddresses.Target> target = site.resolve(path, req.getParameterMap());
                if (target.isPresent()) {
                    resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                    resp.setHeader("Location", renderer.absolute(req, target.get().language(), PageServlet.encodePath(target.get().path())));
                    resp.setHeader("Cache-Control", "public, max-age=86400");
                    return;
                }
            }
        }
        chain.doFilter(req, resp);
    }
}
