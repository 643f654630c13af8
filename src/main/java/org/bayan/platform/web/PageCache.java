package org.bayan.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * Bayan's own cache of public pages, with HTTP validators. A page is rendered once per
 * {@link ContentVersion}: later requests get the stored bytes (gzipped when the reader accepts
 * it), and a reader or proxy revalidating with {@code If-None-Match} or
 * {@code If-Modified-Since} gets a 304. Any change made in the admin area moves the version on,
 * so the next request renders afresh. The admin area, login and error pages are never cached.
 * Pages are kept per {@link SiteAddress#linkOrigin link origin}: when links follow the request's
 * Host, a page rendered for one host is only ever sent to readers asking for that host.
 */
public final class PageCache extends HttpFilter {

    private static final long MAX_BYTES = 64L * 1024 * 1024;

    /** A kept page; its gzipped bytes are made when a reader first accepts them, then kept too. */
    private static final class Entry {
        final long version;
        final String contentType;
        final byte[] body;
        final Conditional validators;
        private volatile byte[] gzip;

        Entry(long version, String contentType, byte[] body, Conditional validators) {
            this.version = version;
            this.contentType = contentType;
            this.body = body;
            this.validators = validators;
        }

        byte[] gzip() throws IOException {
            byte[] z = gzip;
            if (z == null) {
                gzip = z = PageCache.gzip(body); // two readers at once may both compress: harmless
            }
            return z;
        }
    }

    private final ContentVersion version;
    private final SiteAddress address;
    /** The link origins pages are kept for; a request for any other is rendered and not kept. */
    private final Set<String> keptOrigins = ConcurrentHashMap.newKeySet();
    private final Cache<String, Entry> pages = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            // The body, and about a quarter of it again for its gzipped copy.
            .weigher((String key, Entry e) -> key.length() + e.body.length + e.body.length / 4)
            .build();

    private final java.util.function.Predicate<HttpServletRequest> forwardedLater;

    public PageCache(ContentVersion version, SiteAddress address) {
        this(version, address, req -> false);
    }

    /**
     * @param forwardedLater whether a request will be forwarded further on (a page of another
     *                       language, see LanguageFilter): a kept copy is answered here, but a page
     *                       to render is left to this filter's pass inside the forward, since the
     *                       container commits a forwarded response when the forward returns
     */
    public PageCache(ContentVersion version, SiteAddress address, java.util.function.Predicate<HttpServletRequest> forwardedLater) {
        this.version = version;
        this.address = address;
        this.forwardedLater = forwardedLater;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        // Decided on the path as the container maps it (decoded, dots and slashes resolved), so
        // "/%61dmin" is the admin area here too; the raw URI is only the key.
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (isAdminChange(req, path)) {
            chain.doFilter(req, resp);
            if (resp.getStatus() < 400) {
                version.bump();
            }
            return;
        }
        if (!cacheable(req, path)) {
            chain.doFilter(req, resp);
            return;
        }
        String origin = address.linkOrigin(req.getScheme(), req.getServerName(), req.getServerPort());
        if (!mayKeepFor(origin)) {
            chain.doFilter(req, resp);
            return;
        }
        long current = version.current();
        // A page of another language is forwarded here from its own address (/ar/...): kept under that.
        boolean forwarded = req.getDispatcherType() == jakarta.servlet.DispatcherType.FORWARD;
        String uri = forwarded ? (String) req.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI) : req.getRequestURI();
        String query = forwarded ? (String) req.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_QUERY_STRING) : req.getQueryString();
        String key = origin + " " + uri + (query == null ? "" : "?" + query);
        Entry entry = pages.getIfPresent(key);
        if (entry == null || entry.version != current) {
            if (forwardedLater.test(req)) {
                chain.doFilter(req, resp); // rendered and kept inside the forward
                return;
            }
            Instant changedAt = version.changedAt();
            BufferedResponse buffered = new BufferedResponse(resp);
            // The page is rendered in full to be kept; whether this reader's copy holds is decided below.
            chain.doFilter(new Unconditional(req), buffered);
            byte[] body = buffered.body();
            if (buffered.getStatus() != 200 || resp.isCommitted() || buffered.getContentType() == null
                    || buffered.containsHeader("Set-Cookie") || "HEAD".equals(req.getMethod())
                    || isPrivate(buffered.getHeader("Cache-Control"))) {
                resp.getOutputStream().write(body); // not a page to keep: pass it on as it is
                return;
            }
            // A page that names its own ETag (a feed's covers exactly what it shows) keeps it, so it
            // still matches after a change elsewhere; Last-Modified is the version's, which moves on
            // with every change, a withdrawal included.
            String own = buffered.getHeader("ETag");
            entry = new Entry(current, buffered.getContentType(), body,
                    new Conditional(own != null ? own : etag(current, body), changedAt));
            pages.put(key, entry);
        }
        send(req, resp, entry);
    }

    private void send(HttpServletRequest req, HttpServletResponse resp, Entry entry) throws IOException {
        // Shared caches may keep the page but must ask again each time: a change shows at once.
        resp.setHeader("Cache-Control", "public, no-cache");
        resp.setHeader("Vary", "Accept-Encoding");
        if (entry.validators.answer(req, resp)) {
            return;
        }
        resp.setStatus(200);
        resp.setContentType(entry.contentType);
        boolean gzip = AcceptEncoding.accepts(req.getHeader("Accept-Encoding"), "gzip");
        byte[] bytes = gzip ? entry.gzip() : entry.body;
        if (gzip) {
            resp.setHeader("Content-Encoding", "gzip");
        }
        resp.setContentLength(bytes.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(bytes);
        }
    }

    /**
     * Whether pages are kept for this origin: always with a base URL (one origin), else for the
     * first few seen, so that many forged hosts cannot fill the cache and push the site's pages out.
     */
    private boolean mayKeepFor(String origin) {
        if (origin.isEmpty() || keptOrigins.contains(origin)) {
            return true;
        }
        synchronized (keptOrigins) {
            if (!keptOrigins.contains(origin) && keptOrigins.size() >= address.originsKept()) {
                return false;
            }
            keptOrigins.add(origin);
            return true;
        }
    }

    /** A page its servlet marked as not for shared caches (the admin area's, say) is never kept. */
    private static boolean isPrivate(String cacheControl) {
        return cacheControl != null && (cacheControl.contains("no-store") || cacheControl.contains("private"));
    }

    private static boolean isAdminChange(HttpServletRequest req, String path) {
        return "POST".equals(req.getMethod()) && (path.equals("/admin") || path.startsWith("/admin/"));
    }

    private static boolean cacheable(HttpServletRequest req, String path) {
        String m = req.getMethod();
        return ("GET".equals(m) || "HEAD".equals(m))
                && !path.equals("/admin") && !path.startsWith("/admin/")
                && !path.startsWith("/login") && !path.startsWith("/logout") && !path.startsWith("/error")
                && !path.startsWith("/static/") && !path.startsWith("/webjars/") && !path.startsWith("/media/")
                && !path.equals("/favicon.ico");
    }

    private static String etag(long version, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return "\"" + version + "-" + Long.toHexString(crc.getValue()) + "\"";
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        }
        return out.toByteArray();
    }

    /** The request as the page sees it when rendered to be kept: without the reader's validators. */
    private static final class Unconditional extends HttpServletRequestWrapper {
        Unconditional(HttpServletRequest req) {
            super(req);
        }

        private static boolean hidden(String name) {
            return name.equalsIgnoreCase("If-None-Match") || name.equalsIgnoreCase("If-Modified-Since");
        }

        @Override public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override public long getDateHeader(String name) {
            return hidden(name) ? -1 : super.getDateHeader(name);
        }

        @Override public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).toList());
        }
    }
}
