package org.bayan.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bayan.platform.persistence.SqlCounter;

/**
 * Diagnostics, off unless {@code BAYAN_DEBUG_SQL_COUNT=true}: answers carry the number of SQL
 * statements they took in an {@code X-Bayan-Sql-Count} header (the page is held back until it
 * is known). The tests and the benchmark read it; production does not need it.
 */
public final class SqlCountFilter extends HttpFilter {

    public static final String HEADER = "X-Bayan-Sql-Count";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        SqlCounter.reset();
        BufferedResponse buffered = new BufferedResponse(resp);
        chain.doFilter(req, buffered);
        if (!resp.isCommitted()) {
            resp.setHeader(HEADER, Integer.toString(SqlCounter.count()));
            resp.getOutputStream().write(buffered.body());
        }
    }
}
