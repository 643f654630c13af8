package org.bayan.importer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;

/**
 * Answers the addresses of the K2 site Bayan replaced with a 301 to the page each is now, in one
 * hop ({@link K2Addresses}); every other request passes untouched, after a check that costs no
 * query. Ahead of the language filter, which would not know K2's language prefixes.
 */
public final class K2AddressFilter extends HttpFilter {

    private final K2Addresses addresses;
    private final Renderer renderer;

    public K2AddressFilter(K2Addresses addresses, Renderer renderer) {
        this.addresses = addresses;
        this.renderer = renderer;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        String path = PageServlet.pathWithinSite(req);
        if (("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) && addresses.mayBeOld(path, req.getQueryString())) {
            Optional<K2Addresses.Target> target = addresses.resolve(path, req.getParameterMap());
            if (target.isPresent()) {
                resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                resp.setHeader("Location", renderer.absolute(req, target.get().language(), PageServlet.encodePath(target.get().path())));
                resp.setHeader("Cache-Control", "public, max-age=86400");
                return;
            }
        }
        chain.doFilter(req, resp);
    }
}
