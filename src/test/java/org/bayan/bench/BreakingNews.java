package org.bayan.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The editor of the benchmark's breaking-news scenario (bench/run.sh): while readers load the
 * site, it publishes a statement, corrects it and withdraws it, one change every
 * {@code interval} seconds, as a desk does on a bad day. For each change it measures how long
 * the change took to be acknowledged (the POST answered with its redirect) and how long after
 * that it showed on the pages readers reach it from (the home page and the section page, polled
 * every 10 ms as readers see them, through the page cache: the publish and the correction must
 * appear there, the withdrawal must take the title off), and prints the figures as one line of
 * Markdown.
 *
 * <pre>java -cp ... org.bayan.bench.BreakingNews http://localhost:18081 bench-admin-password 120 10</pre>
 */
public final class BreakingNews {

    private static final String SECTION = "/media-center/coalition-news";
    private static final Duration VISIBLE_LIMIT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient reader = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Long> acks = new ArrayList<>();
    private final List<Long> visible = new ArrayList<>();
    private int late;

    private BreakingNews(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        long seconds = Long.parseLong(args[2]);
        long interval = Long.parseLong(args[3]);
        BreakingNews desk = new BreakingNews(base);
        desk.login(password);
        String run = Long.toString(System.currentTimeMillis(), 36);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int n = 0;
        long id = -1;
        String title = null;
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            switch (n % 3) {
                case 0 -> {
                    title = "Breaking " + run + " " + n;
                    id = desk.publish(title, "breaking-" + run);
                    desk.awaitShown(title, true);
                }
                case 1 -> {
                    title = title + " (corrected)";
                    desk.change(id, Map.of("title", title), "save");
                    desk.awaitShown(title, true);
                }
                default -> {
                    desk.change(id, Map.of(), "unpublish");
                    desk.awaitShown(title, false);
                }
            }
            n++;
            long rest = interval * 1_000_000_000L - (System.nanoTime() - started);
            if (rest > 0 && System.nanoTime() + rest < end) {
                Thread.sleep(rest / 1_000_000);
            } else if (rest > 0) {
                break;
            }
        }
        System.out.println(desk.summary(n, interval));
    }

    private String summary(int changes, long interval) {
        return "| " + changes + " (one every " + interval + " s) | " + ms(percentile(acks, 50)) + " | " + ms(percentile(acks, 99))
                + " | " + ms(percentile(visible, 50)) + " | " + ms(percentile(visible, 99)) + " | " + late + " |";
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format("%.0f ms", nanos / 1e6);
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private void login(String password) throws Exception {
        Document page = html(get("/login"));
        HttpResponse<String> answer = post("/login", Map.of("username", "admin", "password", password, "next", "/admin",
                "_csrf", page.selectFirst("input[name=_csrf]").val()));
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("login as admin answered " + answer.statusCode());
        }
    }

    /** Writes a draft, then publishes it; the publish is what is timed. */
    private long publish(String title, String tag) throws Exception {
        Document blank = html(get("/admin/statements/new"));
        String section = blank.select("select[name=sectionId] option").stream()
                .filter(o -> o.text().endsWith("Coalition News")).findFirst().orElseThrow().val();
        HttpResponse<String> saved = post("/admin/statements/new", Map.of("title", title,
                "body", "<p>" + title + ": what happened, as the desk knows it now.</p>", "sectionId", section,
                "tags", tag, "source", "Media Department", "action", "save", "_csrf", blank.selectFirst("input[name=_csrf]").val()));
        String location = saved.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("the draft was not saved: " + saved.statusCode()));
        long id = Long.parseLong(location.replaceAll(".*/admin/statements/(\\d+)$", "$1"));
        change(id, Map.of(), "publish");
        return id;
    }

    /** Sends the editor's form as it stands, with these fields changed and this button pressed; timed. */
    private void change(long id, Map<String, String> fields, String action) throws Exception {
        Document editor = html(get("/admin/statements/" + id));
        Element form = editor.selectFirst("form:has(textarea[name=body])");
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) continue;
            if (type.equals("submit") || type.equals("file")) continue;
            values.put(input.attr("name"), input.val());
        }
        for (Element area : form.select("textarea[name]")) {
            values.put(area.attr("name"), area.wholeText());
        }
        for (Element select : form.select("select[name]")) {
            Element chosen = select.selectFirst("option[selected]");
            if (chosen != null) values.put(select.attr("name"), chosen.val());
        }
        values.putAll(fields);
        values.put("action", action);
        long started = System.nanoTime();
        HttpResponse<String> answer = post("/admin/statements/" + id, values);
        long took = System.nanoTime() - started;
        if (answer.statusCode() != 302) {
            throw new IllegalStateException(action + " of statement " + id + " answered " + answer.statusCode());
        }
        acks.add(took);
        System.err.printf("%s of statement %d acknowledged in %.0f ms%n", action, id, took / 1e6);
    }

    /** Polls the pages the change shows on until each shows it (or no longer shows the title); how long that took. */
    private void awaitShown(String title, boolean shown) throws Exception {
        long started = System.nanoTime();
        for (String path : List.of("/", SECTION)) {
            while (html(read(path)).select(".listing .entry-title, .entry-title").eachText().contains(title) != shown) {
                if (System.nanoTime() - started > VISIBLE_LIMIT.toNanos()) {
                    late++;
                    return;
                }
                Thread.sleep(10);
            }
        }
        visible.add(System.nanoTime() - started);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> read(String path) throws Exception {
        return reader.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Document html(HttpResponse<String> page) {
        return Jsoup.parse(page.body());
    }
}
