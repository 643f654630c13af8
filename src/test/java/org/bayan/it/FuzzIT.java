package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and malformed requests to every route, anonymous and logged in: no
 * answer may be a server error or show a stack trace, and the site must still serve normally
 * afterwards. Seeded, so a failure can be replayed ({@code -Dbayan.fuzz.seed=...}).
 */
class FuzzIT {

    static final long SEED = Long.getLong("bayan.fuzz.seed", 20181102L);
    static final int REQUESTS = Integer.getInteger("bayan.fuzz.requests", 3000);

    static final List<String> ROUTES = List.of("/", "/media-center", "/media-center/coalition-news",
            "/media-center/coalition-news/2018/05/02", "/media-center/coalition-news/2018", "/media-center/coalition-news/item/1",
            "/tag/russia", "/tag", "/search", "/login", "/logout", "/static/css/site.css", "/error",
            "/admin", "/admin/statements", "/admin/statements/new", "/admin/statements/1", "/admin/statements/1/revisions",
            "/admin/statements/1/preview", "/admin/tags", "/admin/sections", "/admin/users", "/admin/audit", "/admin/account",
            "/feed.rss", "/sitemap.xml", "/robots.txt");
    static final List<String> JUNK = List.of("", "0", "-1", "99999999999999999999", "abc", "%00", "%C3%28", "%FF%FE", "%E2%82",
            "..", "%2e%2e", ";", "%3b", "'", "%22", "<script>", "%3Cscript%3E", "%0d%0a", "%20", "ا", "%D8%A7", "\u00e7",
            "x".repeat(3000), "1e9", "NaN", "null", "{}", "[]", "%25", "%", "+", "&", "=");
    static final List<String> PARAMS = List.of("page", "q", "from", "to", "section", "tag", "status", "sort", "next", "a", "b",
            "title", "body", "sectionId", "tags", "version", "action", "publishAt", "username", "password", "role", "id");

    final Random random = new Random(SEED);

    @Test
    void randomAndMalformedRequestsNeverFailTheServer() {
        Site site = Site.main();
        Session admin = Session.admin();
        admin.get("/admin/statements/new");
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            boolean loggedIn = random.nextInt(3) == 0;
            String path = path();
            String method = pick(List.of("GET", "GET", "GET", "POST", "POST", "HEAD", "PUT", "DELETE", "OPTIONS"));
            HttpRequest.Builder b;
            try {
                b = HttpRequest.newBuilder(URI.create(Site.ROOT + site.context() + path));
            } catch (IllegalArgumentException e) {
                continue; // not even a URI the client can send
            }
            if (random.nextInt(4) == 0) b.header("Accept-Language", ascii(pick(JUNK)));
            if (random.nextInt(5) == 0) b.header("If-None-Match", "\"" + ascii(pick(JUNK)).replace("\"", "") + "\"");
            if (random.nextInt(5) == 0) b.header("If-Modified-Since", pick(List.of("yesterday", "Mon, 32 Foo 2018 99:00:00 GMT", "0")));
            if (random.nextInt(6) == 0) b.header("Cookie", "BAYAN_SESSION=" + pick(List.of("x", "%%%", "A".repeat(500))));
            String body = form(loggedIn ? admin.csrf() : null);
            if (random.nextInt(40) == 0) body = "title=" + "x".repeat(2_000_000);
            b.header("Content-Type", pick(List.of("application/x-www-form-urlencoded", "application/x-www-form-urlencoded",
                    "text/plain", "multipart/form-data; boundary=zz", "application/x-www-form-urlencoded; charset=bogus")));
            b.method(method, method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            Site.Page page;
            try {
                page = loggedIn ? admin.send(b) : site.send(b);
            } catch (IllegalStateException e) {
                problems.add(method + " " + path + " -> connection failed: " + e.getMessage());
                continue;
            }
            statuses.merge(page.status(), 1, Integer::sum);
            if (page.status() >= 500 || page.body().contains("Exception") || page.body().contains("\tat org.")) {
                problems.add(method + " " + path + (loggedIn ? " (admin)" : "") + " -> " + page.status());
            }
        }
        System.out.println("[bayan] fuzz: " + REQUESTS + " requests, seed " + SEED + ", statuses " + statuses);
        assertEquals(List.of(), problems.stream().limit(30).toList());
        assertEquals(200, site.get("/media-center/coalition-news/2018/05/02").status(), "still serving");
        assertEquals(200, Session.admin().get("/admin").status(), "still letting staff in");
    }

    @Test
    void aBodyThatCannotBeReadIsA400OnEveryRouteNeverAServerError() {
        String chunkedHead = "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n";
        List<String> bodies = List.of("zz\r\nabc\r\n0\r\n\r\n", "5\r\n_csrf=x&a=1\r\n0\r\n\r\n",
                "3;" + "x".repeat(9000) + "\r\nabc\r\n0\r\n\r\n", "-1\r\n\r\n");
        List<String> problems = new ArrayList<>();
        for (String route : List.of("/", "/login", "/logout", "/media-center/coalition-news", "/tag/russia", "/search",
                "/feed.rss", "/sitemap.xml", "/admin", "/admin/statements/new", "/admin/users", "/admin/backup", "/error")) {
            for (String body : bodies) {
                String url = Site.main().url(route);
                RawHttp.Answer answer = RawHttp.send(url, "POST " + RawHttp.target(url) + " HTTP/1.1\r\nHost: "
                        + URI.create(url).getAuthority() + "\r\n" + chunkedHead + body);
                if (answer.status() != 400 || answer.body().contains("Exception") || answer.body().contains("\tat ")) {
                    problems.add("POST " + route + " with " + body.substring(0, Math.min(12, body.length())).replace("\r\n", "|")
                            + " -> " + answer.status());
                }
            }
        }
        String url = Site.main().url("/login");
        RawHttp.Answer badEncoding = RawHttp.send(url, "POST " + RawHttp.target(url) + " HTTP/1.1\r\nHost: "
                + URI.create(url).getAuthority() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 15\r\nConnection: close\r\n\r\nusername=%ZZ&x=");
        if (badEncoding.status() != 400) {
            problems.add("POST /login with an invalid percent-encoding -> " + badEncoding.status());
        }
        assertEquals(List.of(), problems);
        assertEquals(200, Site.main().get("/login").status(), "still serving");
    }

    private String path() {
        String base = pick(ROUTES);
        StringBuilder p = new StringBuilder(base);
        int extra = random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            p.append(random.nextBoolean() ? "/" : "").append(pick(JUNK));
        }
        if (random.nextBoolean()) {
            p.append('?');
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                p.append(i > 0 ? "&" : "").append(pick(PARAMS)).append('=').append(pick(JUNK));
            }
        }
        return p.toString().replace(" ", "%20").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E")
                .replace("{", "%7B").replace("}", "%7D").replace("[", "%5B").replace("]", "%5D").replace("|", "%7C")
                .replace("\\", "%5C").replace("^", "%5E").replace("`", "%60");
    }

    private String form(String csrf) {
        StringBuilder f = new StringBuilder(csrf != null ? "_csrf=" + csrf : "");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            f.append('&').append(pick(PARAMS)).append('=').append(pick(JUNK));
        }
        return f.toString();
    }

    /** What an HTTP client can put in a header: printable ASCII only. */
    private static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "").strip();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
