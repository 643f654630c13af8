package org.bayan.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A browser on another machine, as far as the server can tell: it connects from a loopback
 * address of its own choice (127.0.0.2, 127.0.0.3...; Tomcat listens on all of them), which
 * Java's HttpClient cannot do. Plain HTTP/1.1, one connection per request, its own session
 * cookie and the CSRF token of the last form it saw.
 */
final class FromAddress {

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
    }

    private final Site site;
    private final InetAddress source;
    /** The cookies it holds, the session's and any other (such as the device cookie of a login). */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    FromAddress(Site site, String sourceAddress) {
        this.site = site;
        try {
            this.source = InetAddress.getByName(sourceAddress);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets its session, as a browser does when it is closed, and keeps its lasting cookies. */
    void forgetSession() {
        cookies.remove("JSESSIONID");
        csrf = null;
    }

    /** Opens the login form, then submits it. */
    Answer login(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password, "next", "/admin"));
    }

    Answer get(String path) {
        Answer a = send("GET", path, null);
        if (a.status() == 200 && a.body().contains("_csrf")) {
            Element token = Jsoup.parse(a.body()).selectFirst("input[name=_csrf]");
            if (token != null) csrf = token.val();
        }
        return a;
    }

    Answer post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) all.putIfAbsent("_csrf", csrf);
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", path, body);
    }

    private Answer send(String method, String path, String body) {
        URI uri = URI.create(site.url(path));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\nHost: localhost:").append(uri.getPort()).append("\r\nConnection: close\r\n");
            if (!cookies.isEmpty()) {
                head.append("Cookie: ").append(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("request from " + source + " failed", e);
        }
    }

    private Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String raw = all.toString(StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
            if (name.equals("set-cookie") && value.indexOf('=') > 0) {
                String pair = value.indexOf(';') < 0 ? value : value.substring(0, value.indexOf(';'));
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        String body = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (i < bytes.length) {
            int lineEnd = indexOfCrlf(bytes, i);
            int size = Integer.parseInt(new String(bytes, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (size == 0) break;
            body.write(bytes, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        out.append(body.toString(StandardCharsets.UTF_8));
        return out.toString();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i < b.length - 1; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') return i;
        }
        return b.length;
    }
}
