package org.bayan.platform.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A response held back in memory, so a filter can look at the whole page (its status and
 * bytes) before anything reaches the client.
 */
class BufferedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private final Pieces chars = new Pieces();
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
            return chars.bytes();
        }
        return bytes.toByteArray();
    }

    /**
     * Text as it was written, encoded once at the end. A page comes as one string (see
     * Renderer), which is kept as it is: copying it into a builder would go character by
     * character once it holds a character beyond Latin-1.
     */
    private static final class Pieces extends Writer {
        private final List<String> pieces = new ArrayList<>();

        @Override public void write(String s, int off, int len) {
            pieces.add(off == 0 && len == s.length() ? s : s.substring(off, off + len));
        }
        @Override public void write(char[] c, int off, int len) { pieces.add(new String(c, off, len)); }
        @Override public void write(int c) { pieces.add(String.valueOf((char) c)); } // a surrogate pair is joined again below
        @Override public void flush() { }
        @Override public void close() { }

        byte[] bytes() {
            return utf8(pieces.size() == 1 ? pieces.get(0) : String.join("", pieces));
        }
    }

    /**
     * A page's text in UTF-8, through the encoder's loop over a char array: {@code getBytes} on a
     * string holding a character beyond Latin-1 (every page, since the language switcher names
     * العربية) went character by character and cost a fifth of a feed's CPU under load.
     */
    static byte[] utf8(String text) {
        char[] chars = text.toCharArray();
        java.nio.charset.CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(chars.length * 3);
        encoder.encode(java.nio.CharBuffer.wrap(chars), out, true);
        encoder.flush(out);
        return java.util.Arrays.copyOf(out.array(), out.position());
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
