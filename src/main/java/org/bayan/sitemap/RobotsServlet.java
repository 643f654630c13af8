package org.bayan.sitemap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;

/**
 * {@code /robots.txt}: crawlers may read everything public; the admin area and the login page
 * are not for them. Names both sitemaps, with the absolute addresses the format requires.
 */
public final class RobotsServlet extends PageServlet {

    public RobotsServlet(Renderer renderer) {
        super(renderer);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        out.print("User-agent: *\n");
        // Paths as crawlers see them: below the public address (BAYAN_BASE_URL), if one is set.
        out.print("Disallow: " + publicPath(req, "/admin") + "\n");
        out.print("Disallow: " + publicPath(req, "/login") + "\n");
        out.print("\n");
        // Each language has its own sitemaps (under its prefix or on its host).
        for (String language : renderer.languages().codes()) {
            out.print("Sitemap: " + renderer.absolute(req, language, "/sitemap.xml") + "\n");
            out.print("Sitemap: " + renderer.absolute(req, language, "/sitemap-news.xml") + "\n");
        }
    }

    private String publicPath(HttpServletRequest req, String path) {
        return URI.create(renderer.absoluteUri(req, path)).getRawPath();
    }
}
