package org.bayan.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The site's files as Tomcat's file servlet sends them, with two things added. How long browsers
 * and shared caches may keep them without asking again: a webjar's path names its version, so its
 * files never change (a year); the site's own files keep their names when they change, so a day,
 * after which Tomcat's ETag answers a revalidation with a 304. An error page sets its own no-store
 * over this. And a browser that refuses gzip ({@code gzip;q=0}) gets the file as it is: Tomcat
 * would send it the gzipped copy.
 */
public final class StaticFilesFilter extends HttpFilter {

    static final String OWN_FILES = "public, max-age=86400";
    static final String VERSIONED_FILES = "public, max-age=31536000, immutable";
    private static final String ACCEPT_ENCODING = "Accept-Encoding";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        resp.setHeader("Cache-Control", "/webjars".equals(req.getServletPath()) ? VERSIONED_FILES : OWN_FILES);
        String accept = req.getHeader(ACCEPT_ENCODING);
        chain.doFilter(accept == null || AcceptEncoding.accepts(accept, "gzip") ? req : withoutAcceptEncoding(req), resp);
    }

    private static HttpServletRequest withoutAcceptEncoding(HttpServletRequest req) {
        return new HttpServletRequestWrapper(req) {
            @Override
            public String getHeader(String name) {
                return ACCEPT_ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return ACCEPT_ENCODING.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }
        };
    }
}
