package org.bayan.it;

import java.io.IOException;
import java.net.InetAddress;
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
 * Java's HttpClient cannot do. Plain HTTP/1.1 through {@link RawHttp}, one connection per
 * request, the cookies it was given and the CSRF token of the last form it saw.
 */
final class FromAddress {

    record Answer(int status, Map<String, String> headers, String body, java.util.List<String> setCookies) {
        String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

        /** The whole Set-Cookie line (attributes included) that sets this cookie, or null. */
        String setCookie(String name) {
            return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }
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
        cookies.remove("BAYAN_SESSION");
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
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(RawHttp.target(uri.toString()))
                .append(" HTTP/1.1\r\nHost: localhost:").append(uri.getPort()).append("\r\nConnection: close\r\n");
        if (!cookies.isEmpty()) {
            request.append("Cookie: ").append(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "))).append("\r\n");
        }
        if (body != null) {
            // URL-encoded, so ASCII: one byte per character, as RawHttp sends it
            request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length()).append("\r\n");
        }
        request.append("\r\n").append(body == null ? "" : body);
        RawHttp.Answer a;
        try {
            a = RawHttp.send("http://127.0.0.1:" + uri.getPort() + RawHttp.target(uri.toString()), request.toString(), source);
        } catch (RuntimeException e) {
            throw new IllegalStateException("request from " + source + " failed", e);
        }
        for (String c : a.cookies()) {
            String pair = c.contains(";") ? c.substring(0, c.indexOf(';')) : c;
            if (pair.indexOf('=') > 0) cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return new Answer(a.status(), a.headers(), a.body(), a.cookies());
    }
}
