package org.bayan.media;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bayan.platform.web.Renderer;

/**
 * Refuses an upload larger than a whole form of them may be ({@value #FILES_PER_FORM} files at the
 * size limit) with 413, before anything reads it: the CSRF check would otherwise read the body
 * to find its token and fail on the size, and answer with a misleading 403. A file over the limit
 * within a form that fits is refused on its own, by name, with the others kept.
 */
public final class UploadSizeFilter extends HttpFilter {

    static final int FILES_PER_FORM = 20;

    private final Renderer renderer;
    private final long maxRequest;

    public UploadSizeFilter(Renderer renderer, long maxFile) {
        this.renderer = renderer;
        this.maxRequest = maxRequest(maxFile);
    }

    /** The largest upload form accepted: every file at the limit, and room for the form's fields. */
    public static long maxRequest(long maxFile) {
        return maxFile * FILES_PER_FORM + 1024 * 1024;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(req.getMethod()) && req.getContentLengthLong() > maxRequest) {
            renderer.renderError(req, resp, 413);
            return;
        }
        chain.doFilter(req, resp);
    }
}
