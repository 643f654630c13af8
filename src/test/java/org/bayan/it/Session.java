package org.bayan.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/**
 * A browser-like HTTP session against the test Tomcat: keeps its cookies, does not follow
 * redirects by itself, and sends forms with the CSRF token the page it came from carried, and
 * with the version of what a form changes as the last page showing that form carried it (as a
 * browser sends a form's hidden fields), unless the test gives a version itself.
 */
final class Session {

    static final String ADMIN_PASSWORD = System.getProperty("bayan.it.adminPassword", "it-admin-password-2026");

    final Site site;
    private final HttpClient client;
    private String csrf;
    private final Map<String, String> versions = new java.util.HashMap<>();

    Session(Site site) {
        this(site, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build());
    }

    private Session(Site site, HttpClient client) {
        this.site = site;
        this.client = client;
    }

    /** The same browser, with its cookies, at another address of the same host: another node of the site. */
    Session at(Site other) {
        Session s = new Session(other, client);
        s.csrf = csrf;
        return s;
    }

    /** A new session logged in as the given account; fails the test if the login is refused. */
    static Session login(String username, String password) {
        return login(Site.main(), username, password);
    }

    static Session login(Site site, String username, String password) {
        Session s = new Session(site);
        Site.Page answer = s.submitLogin(username, password, "/admin");
        if (answer.status() != 302) {
            throw new AssertionError("login as " + username + " answered " + answer.status());
        }
        return s;
    }

    static Session admin() {
        return login("admin", ADMIN_PASSWORD);
    }

    Site.Page submitLogin(String username, String password, String next) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password, "next", next));
    }

    Site.Page get(String path) {
        Site.Page page = send(HttpRequest.newBuilder(URI.create(site.url(path))).GET());
        if (page.status() == 200 && page.header("Content-Type") != null && page.header("Content-Type").startsWith("text/html")) {
            Element token = page.html().selectFirst("input[name=_csrf]");
            if (token != null) {
                csrf = token.val();
            }
            for (Element form : page.html().select("form[method=post]")) {
                Element version = form.selectFirst("input[name=version]");
                String action = form.attr("action");
                if (version != null && action.startsWith(site.context() + "/")) {
                    versions.put(action.substring(site.context().length()), version.val());
                }
            }
        }
        return page;
    }

    /** GET, following redirects within the site as a browser would. */
    Site.Page follow(String path) {
        Site.Page page = get(path);
        for (int i = 0; i < 5 && (page.status() == 301 || page.status() == 302 || page.status() == 303); i++) {
            page = get(page.header("Location").substring(site.context().length()));
        }
        return page;
    }

    /** POSTs a form with the last CSRF token seen. */
    Site.Page post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        if (versions.containsKey(path)) {
            all.putIfAbsent("version", versions.get(path));
        }
        return postRaw(path, all);
    }

    /** POSTs exactly these fields: no token is added. */
    Site.Page postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(site.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A file of a multipart form: its field, the name it is sent under, its bytes. */
    record Upload(String field, String fileName, String contentType, byte[] bytes) {
        static Upload of(String fileName, byte[] bytes) {
            return new Upload("files", fileName, "application/octet-stream", bytes);
        }
    }

    /** POSTs a multipart form, as a browser sends a form with files, with the last CSRF token seen. */
    Site.Page upload(String path, Map<String, String> fields, java.util.List<Upload> files, String... headers) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        if (versions.containsKey(path)) {
            all.putIfAbsent("version", versions.get(path));
        }
        String boundary = "----bayan" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        all.forEach((name, value) -> {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        });
        for (Upload f : files) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field() + "\"; filename=\""
                    + f.fileName() + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n");
            body.writeBytes(f.bytes());
            text.accept("\r\n");
        }
        text.accept("--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    Site.Page send(HttpRequest.Builder request) {
        try {
            return new Site.Page(client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET of a file, its body kept as bytes (a download). */
    HttpResponse<byte[]> download(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(site.url(path))).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String csrf() {
        return csrf;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
