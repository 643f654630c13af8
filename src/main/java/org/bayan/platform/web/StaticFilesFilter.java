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
import java.util.Locale;

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
        chain.doFilter(accept == null || acceptsGzip(accept) ? req : withoutAcceptEncoding(req), resp);
    }

    /**
     * Whether an Accept-Encoding header (RFC 9110 §12.5.3) lets gzip be sent: named with a weight
     * above 0, or not named while {@code *} has one.
     */
    static boolean acceptsGzip(String header) {
        Double gzip = null;
        Double any = null;
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0; // a weight that cannot be read does not make a coding acceptable
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = gzip == null ? q : Math.max(gzip, q);
            } else if (coding.equals("*")) {
                any = q;
            }
        }
        double weight = gzip != null ? gzip : any != null ? any : 0;
        return weight > 0;
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
