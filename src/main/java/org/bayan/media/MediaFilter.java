package org.bayan.media;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bayan.platform.web.PageServlet;

/**
 * {@code /media/{hash}/{size}}: the files of the library, straight from disk. An address names
 * the content's hash, so what it serves never changes: browsers and proxies keep it for a year
 * without asking again ({@code immutable}), and an ETag answers those that do ask with 304.
 * A PDF ({@code /media/{hash}/{name}.pdf}) is always a download, under its own name, and
 * sandboxed should a browser open it anyway.
 *
 * <p>A filter near the top of the chain rather than a servlet: a file is the same for everyone, so
 * it is answered before a security subject, a language or a page cache is looked at (measured:
 * a third of nginx's rate for a 16 kB size through the whole chain). Whatever names no file is a 404,
 * shown by the site's error page.
 */
public final class MediaFilter extends HttpFilter {

    static final String FOREVER = "public, max-age=31536000, immutable";
    private static final String SENDFILE = "org.apache.tomcat.sendfile.support";

    private final MediaFiles files;

    public MediaFilter(MediaFiles files) {
        this.files = files;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException {
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
            resp.setHeader("Allow", "GET, HEAD");
            resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        // "/media/{hash}/{size}", as the container decoded it.
        List<String> path = List.of(PageServlet.pathWithinSite(req).split("/", -1));
        Path file = path.size() != 4 || !path.get(1).equals("media") ? null
                : files.file(path.get(2), variant(path.get(3))).orElse(null);
        if (file == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String hash = path.get(2);
        String name = path.get(3);
        boolean document = isDocument(name);
        String variant = variant(name);
        String etag = "\"" + hash.substring(0, 16) + "-" + variant + "\"";
        resp.setHeader("Cache-Control", FOREVER);
        resp.setHeader("ETag", etag);
        if (matches(req.getHeader("If-None-Match"), etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setContentType(contentType(variant));
        if (document) {
            String saveAs = DownloadName.of(name);
            resp.setHeader("Content-Disposition", "attachment; filename=\"" + ascii(saveAs) + "\"; filename*=UTF-8''"
                    + URLEncoder.encode(saveAs, StandardCharsets.UTF_8).replace("+", "%20"));
            resp.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        }
        byte[] small = files.small(file).orElse(null);
        long length = small != null ? small.length : Files.size(file);
        resp.setContentLengthLong(length);
        if ("HEAD".equals(req.getMethod())) {
            return;
        }
        if (small != null) {
            resp.getOutputStream().write(small);
            return;
        }
        if (Boolean.TRUE.equals(req.getAttribute(SENDFILE)) && length > 48 * 1024) {
            // Tomcat hands the file to the kernel (sendfile): no copy through the JVM's heap.
            req.setAttribute("org.apache.tomcat.sendfile.filename", file.toString());
            req.setAttribute("org.apache.tomcat.sendfile.start", 0L);
            req.setAttribute("org.apache.tomcat.sendfile.end", length);
            return;
        }
        Files.copy(file, resp.getOutputStream());
    }

    private static boolean isDocument(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
    }

    /** A document's file whatever name its address gives it; a photo's size as named. */
    private static String variant(String name) {
        return isDocument(name) ? "document.pdf" : name;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) return true;
        }
        return false;
    }

    private static String contentType(String variant) {
        if (variant.endsWith(".pdf")) return "application/pdf";
        if (variant.endsWith(".png")) return "image/png";
        return "image/jpeg";
    }

    /** The name for browsers that read only {@code filename}: its ASCII letters, the rest as underscores. */
    private static String ascii(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        return b.toString();
    }
}
