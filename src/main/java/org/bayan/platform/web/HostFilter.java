package org.bayan.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first filter: a request for a host Bayan does not answer for (see {@link SiteAddress}) gets
 * a short plain 400, before the page cache, Shiro or a template (whose links would carry that
 * host) see it.
 */
public final class HostFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(HostFilter.class);
    private final SiteAddress address;

    public HostFilter(SiteAddress address) {
        this.address = address;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (address.answers(req.getServerName(), req.getServerPort())) {
            chain.doFilter(req, resp);
            return;
        }
        // Debug only: anyone can send these by the thousand, and each says nothing an admin can act on.
        log.debug("Refused {} {} for host {} from {}", req.getMethod(), req.getRequestURI(), req.getServerName(),
                req.getRemoteAddr());
        resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write("400 Bad Request: this site does not answer for that host name.\n");
    }
}
