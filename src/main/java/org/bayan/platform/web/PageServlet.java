package org.bayan.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The base of the site's servlets: a handler may throw {@link HttpError} for a request it
 * cannot answer, and the reader gets the site's error page with that status.
 */
public abstract class PageServlet extends HttpServlet {

    protected final Renderer renderer;

    protected PageServlet(Renderer renderer) {
        this.renderer = renderer;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
            super.service(req, resp);
        } catch (HttpError e) {
            renderer.renderError(req, resp, e.status());
        } catch (IllegalStateException e) {
            // Tomcat's InvalidParameterException: a query or form that is not valid UTF-8.
            if (!e.getClass().getName().endsWith("InvalidParameterException")) {
                throw e;
            }
            renderer.renderError(req, resp, HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    /** Answers with a permanent redirect to a path of this site (its canonical URL). */
    public static void redirectPermanently(HttpServletRequest req, HttpServletResponse resp, String path) {
        resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        Object prefix = req.getAttribute(LanguageFilter.PREFIX);
        resp.setHeader("Location", encodePath(req.getContextPath() + (prefix == null ? "" : prefix) + path));
    }

    /** Percent-encodes what a Location header cannot carry as is, such as an Arabic slug. */
    public static String encodePath(String path) {
        try {
            int query = path.indexOf('?');
            String p = query < 0 ? path : path.substring(0, query);
            String q = query < 0 ? null : path.substring(query + 1);
            return new java.net.URI(null, null, p, q, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw HttpError.badRequest("unusable path");
        }
    }

    /** The request path below the context path, undecoded segments decoded by the container. */
    public static String pathWithinSite(HttpServletRequest req) {
        String servletPath = req.getServletPath();
        String pathInfo = req.getPathInfo();
        return servletPath + (pathInfo == null ? "" : pathInfo);
    }
}
