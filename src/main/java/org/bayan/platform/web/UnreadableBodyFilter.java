package org.bayan.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the parameters of every request that may carry a form body before any other filter or
 * servlet asks for one, so a body that cannot be read (malformed chunked encoding, a client that
 * went away, invalid percent-encoding, too large) is answered 400 here, once, before anything has
 * been written: never later, half-way through a filter that has begun its answer, as a 500.
 */
public final class UnreadableBodyFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(UnreadableBodyFilter.class);
    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!WITHOUT_BODY.contains(req.getMethod())) {
            try {
                req.getParameterMap(); // the container parses query and body once, and keeps them
            } catch (IllegalStateException e) { // Tomcat's InvalidParameterException
                log.warn("Refused {} {} from {}: unreadable request body ({})", req.getMethod(), req.getRequestURI(),
                        req.getRemoteAddr(), e.getMessage());
                // When reading the body itself failed, Tomcat has already set 400 and marked the
                // answer as begun (isCommitted); its error page, the site's, follows once we return.
                if (!resp.isCommitted()) {
                    resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
                }
                return;
            }
        }
        chain.doFilter(req, resp);
    }
}
