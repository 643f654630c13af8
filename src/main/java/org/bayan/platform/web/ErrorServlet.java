package org.bayan.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container's error page (web.xml sends every error here): the site's layout with the
 * status, never an exception's text. A 5xx is logged in one line with its cause.
 */
public final class ErrorServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(ErrorServlet.class);
    private final Renderer renderer;

    public ErrorServlet(Renderer renderer) {
        this.renderer = renderer;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404; // asked for /error directly
        if (status >= 500) {
            Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            Throwable t = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("{} answering {} {}", status, req.getMethod(), uri, t);
        }
        renderer.renderError(req, resp, status);
    }
}
