package org.bayan.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte by byte on a socket, for what an HTTP client refuses to send: broken
 * request lines, forged Host headers, oversized or malformed headers, broken chunked bodies.
 */
final class RawHttp {

    /** What came back: the whole answer as text (ISO-8859-1, byte for byte), possibly empty. */
    record Answer(String text) {
        /** The status code, or -1 when the server closed the connection without one. */
        int status() {
            if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) return -1;
            return Integer.parseInt(text.substring(9, 12));
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} as it is to the test Tomcat and reads until it closes (or 10 s pass). */
    static Answer send(byte[] request) throws IOException {
        URI root = URI.create(Site.ROOT);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(root.getHost(), root.getPort()), 5000);
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything: read what it said.
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                InputStream in = socket.getInputStream();
                in.transferTo(answer);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what arrived so far is the answer
            }
            return new Answer(answer.toString(StandardCharsets.ISO_8859_1));
        }
    }

    static Answer send(String request) throws IOException {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The test Tomcat's host and port, as a Host header names them. */
    static String host() {
        URI root = URI.create(Site.ROOT);
        return root.getHost() + ":" + root.getPort();
    }
}
