package org.bayan.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The built WAR as Tomcat serves it in {@code mvn verify}: plain HTTP, redirects not followed,
 * so tests see exactly what a browser would be told.
 */
final class Site {

    /** Scheme, host and port of the test Tomcat, e.g. http://localhost:38123. */
    static final String ROOT = System.getProperty("bayan.it.root", "http://localhost:8080");
    /** The context path most tests use; a second copy of the WAR runs as ROOT. */
    static final String CONTEXT = System.getProperty("bayan.it.contextPath", "/bayan");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String root;
    private final String context;

    Site(String context) {
        this(ROOT, context);
    }

    /** Another Tomcat than the one of the test run, e.g. one a test starts and kills itself. */
    Site(String root, String context) {
        this.root = root;
        this.context = context;
    }

    static Site main() {
        return new Site(CONTEXT);
    }

    String url(String path) {
        return root + context + path;
    }

    String context() {
        return context;
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    /** The page, asking the server (BAYAN_DEBUG_SQL_COUNT) to say how many SQL statements it took. */
    Page getCountingSql(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header(SQL_COUNT, "1").GET());
    }

    /** The header that asks for, and carries, the number of SQL statements of an answer. */
    static final String SQL_COUNT = "X-Bayan-Sql-Count";

    Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Page(HttpResponse<String> response) {
        int status() { return response.statusCode(); }
        String body() { return response.body(); }
        String header(String name) { return response.headers().firstValue(name).orElse(null); }
        Document html() { return Jsoup.parse(body(), response.uri().toString()); }
        /** The breadcrumb as a reader reads it: "Home > Media Center > ...". */
        String breadcrumb() {
            return String.join(" > ", html().select("nav.breadcrumb li").eachText());
        }
        String h1() { return html().selectFirst("h1").text(); }
    }
}
