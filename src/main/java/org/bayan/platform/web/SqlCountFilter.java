package org.bayan.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bayan.platform.persistence.SqlCounter;

/**
 * Diagnostics, off unless {@code BAYAN_DEBUG_SQL_COUNT=true}: a request that carries an
 * {@code X-Bayan-Sql-Count} header gets the number of SQL statements its answer took in a
 * header of the same name (the page is held back until it is known). Requests without it pass
 * untouched, so the benchmark measures throughput without the counter's buffering. The tests
 * and the benchmark ask for it; production does not need it.
 */
public final class SqlCountFilter extends HttpFilter {

    public static final String HEADER = "X-Bayan-Sql-Count";

    private final java.util.function.Predicate<HttpServletRequest> forwardedLater;

    public SqlCountFilter() {
        this(req -> false);
    }

    /** @param forwardedLater whether a request will be forwarded further on: then it is counted inside the forward */
    public SqlCountFilter(java.util.function.Predicate<HttpServletRequest> forwardedLater) {
        this.forwardedLater = forwardedLater;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (req.getHeader(HEADER) == null || forwardedLater.test(req)) {
            chain.doFilter(req, resp);
            return;
        }
        SqlCounter.reset();
        BufferedResponse buffered = new BufferedResponse(resp);
        chain.doFilter(req, buffered);
        if (!resp.isCommitted()) {
            resp.setHeader(HEADER, Integer.toString(SqlCounter.count()));
            resp.getOutputStream().write(buffered.body());
        }
    }
}
