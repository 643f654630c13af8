package org.bayan.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
        Buffered buffered = new Buffered(resp);
        chain.doFilter(req, buffered);
        buffered.flushWriter();
        if (!resp.isCommitted()) {
            resp.setHeader(HEADER, Integer.toString(SqlCounter.count()));
            resp.getOutputStream().write(buffered.bytes.toByteArray());
        }
    }

    private static final class Buffered extends HttpServletResponseWrapper {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override public void write(int b) { bytes.write(b); }
            @Override public void write(byte[] b, int off, int len) { bytes.write(b, off, len); }
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener l) { }
        };

        Buffered(HttpServletResponse resp) {
            super(resp);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override public void flushBuffer() { }
        @Override public void setContentLength(int len) { }
        @Override public void setContentLengthLong(long len) { }

        void flushWriter() {
            if (writer != null) writer.flush();
        }
    }
}
