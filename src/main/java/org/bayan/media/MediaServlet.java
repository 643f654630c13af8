package org.bayan.media;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;

/**
 * {@code /media/{hash}/{size}}: the files of the library, straight from disk. An address names
 * the content's hash, so what it serves never changes: browsers and proxies keep it for a year
 * without asking again ({@code immutable}), and an ETag answers those that do ask with 304.
 * A PDF ({@code /media/{hash}/{name}.pdf}) is always a download, under its own name, and
 * sandboxed should a browser open it anyway.
 */
public final class MediaServlet extends PageServlet {

    static final String FOREVER = "public, max-age=31536000, immutable";
    private static final String SENDFILE = "org.apache.tomcat.sendfile.support";

    private final MediaFiles files;

    public MediaServlet(Renderer renderer, MediaFiles files) {
        super(renderer);
        this.files = files;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String info = req.getPathInfo();
        List<String> path = info == null ? List.of() : List.of(info.substring(1).split("/", -1));
        if (path.size() != 2) {
            throw HttpError.notFound("no such file");
        }
        String hash = path.get(0);
        String name = path.get(1);
        boolean document = name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
        String variant = document ? "document.pdf" : name;
        Path file = files.file(hash, variant).orElseThrow(() -> HttpError.notFound("no such file"));
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
        long length = Files.size(file);
        resp.setContentLengthLong(length);
        if ("HEAD".equals(req.getMethod())) {
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
