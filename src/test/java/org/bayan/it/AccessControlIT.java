package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request paths that got around the access rules of Java web apps before (Shiro and Spring
 * CVEs among them) must never reach the admin area without a login, at both context paths and
 * with every method.
 */
class AccessControlIT {

    static final List<String> CORPUS = List.of("/admin", "/admin/", "/admin/.", "//admin", "/./admin", "/ADMIN/", "/Admin",
            "/admin;x", "/;/admin", "/;jsessionid=1/admin", "/x/..;/admin/", "/admin/%3bx", "/admin%3B", "/admin/%2e",
            "/%2e/admin", "/x/%2e%2e/admin", "/x/..%2fadmin", "/admin%2fx", "/admin/%252f", "/admin/%20", "/admin/x%0a",
            "/admin/x%0d", "/%5cadmin", "/admin%5cx", "/admin/%C0%AE%C0%AE/", "/admin/x%19",
            "/admin/statements", "/admin/statements/1", "/admin/users", "/admin/audit", "/admin/statements/1/preview",
            "/static/../admin", "/static/%2e%2e/admin", "/static/..;/admin", "/tag/..;/admin", "/admin/./statements",
            "/admin//statements", "/%61dmin", "/admin%00", "/admin/statements%00.css", "/WEB-INF/web.xml",
            "/h2-console", "/console", "/admin/ping");
    static final Set<Integer> REFUSALS = Set.of(302, 400, 403, 404, 405);
    static final List<String> ADMIN_MARKERS = List.of("admin-header", "Dashboard", "statement-form", "_csrf", "Awaiting review");

    @ParameterizedTest(name = "context ''{0}''")
    @ValueSource(strings = {"", "/bayan"})
    void noBypassReachesTheAdminArea(String context) {
        List<String> problems = new ArrayList<>();
        int cases = 0;
        for (String path : CORPUS) {
            for (String method : List.of("GET", "HEAD", "OPTIONS", "POST", "OVERRIDE")) {
                cases++;
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Site.ROOT + context + path));
                switch (method) {
                    case "OVERRIDE" -> b.header("X-HTTP-Method-Override", "GET").POST(HttpRequest.BodyPublishers.noBody());
                    case "POST" -> b.POST(HttpRequest.BodyPublishers.ofString("a=b"));
                    default -> b.method(method, HttpRequest.BodyPublishers.noBody());
                }
                Site.Page page;
                try {
                    page = new Site(context).send(b);
                } catch (IllegalStateException e) {
                    continue; // the connection was refused outright: nothing reached
                }
                int status = page.status();
                String location = page.header("Location");
                boolean refused = REFUSALS.contains(status)
                        && (status != 302 || (location != null && location.contains("/login")))
                        // e.g. /ADMIN/ -> /ADMIN: paths are case-sensitive, so that is no way in either
                        || (status == 301 && location != null && !location.startsWith(context + "/admin"))
                        // OPTIONS answers which methods exist, with no content
                        || (method.equals("OPTIONS") && status == 200 && page.body().isEmpty());
                boolean leaks = ADMIN_MARKERS.stream().anyMatch(m -> page.body().contains(m));
                if (!refused || leaks) {
                    problems.add(method + " " + context + path + " -> " + status + (location == null ? "" : " " + location)
                            + (leaks ? " WITH ADMIN CONTENT" : ""));
                }
            }
        }
        System.out.println("[bayan] access-control corpus: " + CORPUS.size() + " paths, " + cases + " requests at context '" + context + "'");
        assertEquals(List.of(), problems);
    }
}
