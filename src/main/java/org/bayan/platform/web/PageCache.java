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
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * Bayan's own cache of public pages, with HTTP validators. A page is rendered once per
 * {@link ContentVersion}: later requests get the stored bytes (gzipped when the reader accepts
 * it), and a reader or proxy revalidating with {@code If-None-Match} or
 * {@code If-Modified-Since} gets a 304. Any change made in the admin area moves the version on,
 * so the next request renders afresh. The admin area, login and error pages are never cached.
 * A page is rendered by one request at a time: readers asking for it meanwhile wait for that
 * render and get its bytes (a burst of readers after a change costs one render, not one each).
 *
 * <p>A page may say what it shows ({@link #shows}: keys such as {@code statement-12} or
 * {@code section-3}), and a change in the admin area may say what it changed
 * ({@link #changed}): then only the kept pages showing any of that are purged, and every other
 * page stays kept. A change that says nothing, and a page that says nothing, empty the cache as
 * before. With caches in front to purge ({@link FrontCache}), the keys go out as
 * {@code Surrogate-Key} and {@code Cache-Tag} headers too.
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
        /** What the page shows (see {@link #shows}); empty: it did not say, and any change may show on it. */
        final Set<String> keys;
        /** The keys as the {@code Surrogate-Key} and {@code Cache-Tag} headers give them, joined once. */
        final String surrogateKey;
        final String cacheTag;
        private volatile byte[] gzip;

        Entry(long version, String contentType, byte[] body, Conditional validators, Set<String> keys) {
            this.version = version;
            this.contentType = contentType;
            this.body = body;
            this.validators = validators;
            this.keys = keys;
            this.surrogateKey = keys.isEmpty() ? FrontCache.ANY : String.join(" ", keys);
            this.cacheTag = keys.isEmpty() ? FrontCache.ANY : String.join(",", keys);
        }

        boolean affectedBy(Collection<String> changed) {
            return keys.isEmpty() || !Collections.disjoint(keys, changed);
        }

        byte[] gzip() throws IOException {
            byte[] z = gzip;
            if (z == null) {
                gzip = z = PageCache.gzip(body); // two readers at once may both compress: harmless
            }
            return z;
        }
    }

    /** Says how a cacheable page was answered: {@code hit}, {@code miss} (rendered) or {@code shared} (another reader's render). */
    public static final String CACHE_HEADER = "X-Bayan-Cache";
    /** How long a reader waits for another's render of the same page before rendering it itself. */
    private static final long WAIT_MS = 10_000;

    private final ContentVersion version;
    private final OtherNodes otherNodes;
    private final FrontCache front;
    private final SiteAddress address;
    private static final String SHOWS = PageCache.class.getName() + ".shows";
    private static final String CHANGED = PageCache.class.getName() + ".changed";

    /** Purges so far: a render that a purge overtook is not kept (it may show what was before). */
    private final AtomicLong purges = new AtomicLong();
    /** Renders under way, by page and version. */
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> rendering = new ConcurrentHashMap<>();
    /** The link origins pages are kept for; a request for any other is rendered and not kept. */
    private final Set<String> keptOrigins = ConcurrentHashMap.newKeySet();
    private final Cache<String, Entry> pages = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            // The body, and about a quarter of it again for its gzipped copy.
            .weigher((String key, Entry e) -> key.length() + e.body.length + e.body.length / 4)
            .build();

    private final java.util.function.Predicate<HttpServletRequest> forwardedLater;

    public PageCache(ContentVersion version, SiteAddress address) {
        this(version, address, req -> false, OtherNodes.NONE, FrontCache.none());
    }

    /**
     * @param forwardedLater whether a request will be forwarded further on (a page of another
     *                       language, see LanguageFilter): a kept copy is answered here, but a page
     *                       to render is left to this filter's pass inside the forward, since the
     *                       container commits a forwarded response when the forward returns
     * @param otherNodes     told of every change made here
     * @param front          the HTTP caches in front, purged after every change made here
     */
    public PageCache(ContentVersion version, SiteAddress address, java.util.function.Predicate<HttpServletRequest> forwardedLater,
                     OtherNodes otherNodes, FrontCache front) {
        this.version = version;
        this.otherNodes = otherNodes;
        this.front = front;
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
                @SuppressWarnings("unchecked")
                Set<String> changed = (Set<String>) req.getAttribute(CHANGED);
                apply(Optional.ofNullable(changed));
                otherNodes.changed(Optional.ofNullable(changed));
                front.purge(Optional.ofNullable(changed));
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
        long current = version.pages();
        // A page of another language is forwarded here from its own address (/ar/...): kept under that.
        boolean forwarded = req.getDispatcherType() == jakarta.servlet.DispatcherType.FORWARD;
        String uri = forwarded ? (String) req.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI) : req.getRequestURI();
        String query = forwarded ? (String) req.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_QUERY_STRING) : req.getQueryString();
        String key = origin + " " + uri + (query == null ? "" : "?" + query);
        Entry entry = pages.getIfPresent(key);
        if (entry != null && entry.version == current) {
            resp.setHeader(CACHE_HEADER, "hit");
            send(req, resp, entry);
            return;
        }
        if (forwardedLater.test(req)) {
            chain.doFilter(req, resp); // rendered and kept inside the forward
            return;
        }
        // One render per page and version at a time: readers asking while it is rendered wait for it.
        String flight = key + " @" + current + "." + purges.get();
        boolean get = "GET".equals(req.getMethod());
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> theirs = get ? rendering.putIfAbsent(flight, mine) : rendering.get(flight);
        if (theirs != null) {
            Entry shared = await(theirs);
            if (shared != null) {
                resp.setHeader(CACHE_HEADER, "shared");
                send(req, resp, shared);
                return;
            }
            // Not a page to keep (an error, a cookie), or its render is taking too long: this reader's own.
            resp.setHeader(CACHE_HEADER, "miss");
            chain.doFilter(req, resp);
            return;
        }
        if (!get) {
            render(req, resp, chain, key, current);
            return;
        }
        try {
            // Kept between this reader's look and its claim, by a render that has just ended: no second one.
            entry = pages.getIfPresent(key);
            if (entry == null || entry.version != current) {
                entry = render(req, resp, chain, key, current);
            } else {
                resp.setHeader(CACHE_HEADER, "hit");
                send(req, resp, entry);
            }
        } finally {
            mine.complete(entry != null && entry.version == current ? entry : null);
            rendering.remove(flight, mine);
        }
    }

    /** Renders the page, keeps it if it is one to keep and answers this reader; the kept entry, or null. */
    private Entry render(HttpServletRequest req, HttpServletResponse resp, FilterChain chain, String key, long current)
            throws IOException, ServletException {
        Instant changedAt = version.changedAt();
        long purgesBefore = purges.get();
        BufferedResponse buffered = new BufferedResponse(resp);
        resp.setHeader(CACHE_HEADER, "miss");
        // The page is rendered in full to be kept; whether this reader's copy holds is decided below.
        chain.doFilter(new Unconditional(req), buffered);
        byte[] body = buffered.body();
        if (buffered.getStatus() != 200 || resp.isCommitted() || buffered.getContentType() == null
                || buffered.containsHeader("Set-Cookie") || "HEAD".equals(req.getMethod())
                || isPrivate(buffered.getHeader("Cache-Control"))) {
            resp.getOutputStream().write(body); // not a page to keep: pass it on as it is
            return null;
        }
        // A page that names its own ETag (a feed's covers exactly what it shows) keeps it, so it
        // still matches after a change elsewhere; Last-Modified is the version's, which moves on
        // with every change, a withdrawal included.
        String own = buffered.getHeader("ETag");
        @SuppressWarnings("unchecked")
        Set<String> keys = (Set<String>) req.getAttribute(SHOWS);
        Entry entry = new Entry(current, buffered.getContentType(), body,
                new Conditional(own != null ? own : etag(current, body), changedAt), keys == null ? Set.of() : Set.copyOf(keys));
        boolean kept = purges.get() == purgesBefore; // else a change came during the render: this reader's alone
        if (kept) {
            pages.put(key, entry);
        }
        send(req, resp, entry, kept);
        return kept ? entry : null;
    }

    /** Another reader's render of the page: its entry, or null if it was not kept or takes too long. */
    private static Entry await(CompletableFuture<Entry> render) {
        try {
            return render.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private void send(HttpServletRequest req, HttpServletResponse resp, Entry entry) throws IOException {
        send(req, resp, entry, true);
    }

    /** @param keep false for a page a change overtook while it was rendered: no cache in front may keep it */
    private void send(HttpServletRequest req, HttpServletResponse resp, Entry entry, boolean keep) throws IOException {
        // Without purged caches in front, shared caches may keep the page but must ask again each
        // time, so a change shows at once; with them, they keep it until a purge says otherwise.
        resp.setHeader("Cache-Control", front.cacheControl(keep));
        resp.setHeader("Vary", "Accept-Encoding");
        if (front.configured()) {
            // What the page shows, for the caches in front that Bayan purges by it (a page that
            // says nothing is purged by every change). Without such a cache nobody reads them:
            // not sent, a reader's phone is spared some hundred bytes a page.
            resp.setHeader("Surrogate-Key", entry.surrogateKey);
            resp.setHeader("Cache-Tag", entry.cacheTag);
        }
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

    /** Says that the page being rendered shows these (see the class comment); a page may say it more than once. */
    public static void shows(HttpServletRequest req, Collection<String> keys) {
        @SuppressWarnings("unchecked")
        Set<String> shown = (Set<String>) req.getAttribute(SHOWS);
        if (shown == null) {
            shown = new LinkedHashSet<>();
            req.setAttribute(SHOWS, shown);
        }
        shown.addAll(keys);
    }

    /** Says that the admin request being answered changed only what these keys name (none: nothing readers see). */
    public static void changed(HttpServletRequest req, Collection<String> keys) {
        req.setAttribute(CHANGED, Set.copyOf(keys));
    }

    /**
     * A change made here or told by another node ({@link OtherNodes}): only the pages showing
     * these keys go, with every value kept per version; or, without keys, everything.
     */
    public void apply(Optional<Set<String>> changed) {
        if (changed.isEmpty()) {
            version.bump();
        } else {
            version.bumpValues(changed.get());
            purge(changed.get());
        }
    }

    /** Forgets every kept page showing any of these, and every page that did not say what it shows. */
    private void purge(Collection<String> changed) {
        if (changed.isEmpty()) {
            return;
        }
        purges.incrementAndGet(); // first: a render under way now is not kept
        pages.asMap().values().removeIf(e -> e.affectedBy(changed));
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
