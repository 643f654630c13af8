package org.bayan.platform.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * A response held back in memory, so a filter can look at the whole page (its status and
 * bytes) before anything reaches the client.
 */
class BufferedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private final StringWriter chars = new StringWriter(16 * 1024);
    private int status = 200;
    private PrintWriter writer;
    private final ServletOutputStream stream = new ServletOutputStream() {
        @Override public void write(int b) { bytes.write(b); }
        @Override public void write(byte[] b, int off, int len) { bytes.write(b, off, len); }
        @Override public boolean isReady() { return true; }
        @Override public void setWriteListener(WriteListener l) { }
    };

    BufferedResponse(HttpServletResponse resp) {
        super(resp);
    }

    /** The page as written so far. */
    byte[] body() {
        if (writer != null) {
            writer.flush();
            return chars.toString().getBytes(StandardCharsets.UTF_8);
        }
        return bytes.toByteArray();
    }

    @Override public int getStatus() { return status; }
    @Override public void setStatus(int sc) { status = sc; super.setStatus(sc); }
    @Override public void sendError(int sc) throws IOException { status = sc; super.sendError(sc); }
    @Override public void sendError(int sc, String msg) throws IOException { status = sc; super.sendError(sc, msg); }
    @Override public void sendRedirect(String location) throws IOException { status = 302; super.sendRedirect(location); }
    @Override public ServletOutputStream getOutputStream() { return stream; }
    @Override public PrintWriter getWriter() {
        // Text is kept as text and encoded once at the end, not piece by piece as it is written.
        if (writer == null) writer = new PrintWriter(chars);
        return writer;
    }
    @Override public void flushBuffer() { }
    @Override public void setContentLength(int len) { }
    @Override public void setContentLengthLong(long len) { }
}
