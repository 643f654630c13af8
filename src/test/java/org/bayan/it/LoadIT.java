package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Readers hammer the public pages while editors write, publish and edit for a minute: no error
 * answers, and afterwards every acknowledged write is there with its own content (nothing lost,
 * nothing mixed up between statements).
 */
class LoadIT {

    static final Duration LENGTH = Duration.ofSeconds(Long.getLong("bayan.load.seconds", 60));
    static final List<String> PAGES = List.of("/", "/media-center", "/media-center/coalition-news",
            "/media-center/coalition-news?page=2", "/media-center/coalition-news/2018/05/02", "/media-center/coalition-news/2018",
            "/tag/russia", "/tag", "/search?q=coalition", "/feed.rss", "/media-center/coalition-news/item/1",
            "/sitemap.xml");

    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    final Map<Long, String> written = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Test
    void readersAndEditorsTogetherForAMinute() throws Exception {
        Instant end = Instant.now().plus(LENGTH);
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            Random random = new Random(r);
            threads.add(new Thread(() -> {
                while (Instant.now().isBefore(end)) {
                    String path = PAGES.get(random.nextInt(PAGES.size()));
                    try {
                        Site.Page page = Site.main().get(path);
                        reads.incrementAndGet();
                        if (page.status() >= 500 || (page.status() != 200 && page.status() != 301)) {
                            errors.add(path + " -> " + page.status());
                        }
                    } catch (RuntimeException e) {
                        errors.add(path + " -> " + e);
                    }
                }
            }, "reader-" + r));
        }
        for (int w = 0; w < 2; w++) {
            int writer = w;
            threads.add(new Thread(() -> write(writer, end), "editor-" + w));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join(LENGTH.toMillis() + 120_000);

        Session admin = Session.admin();
        int checked = 0;
        for (Map.Entry<Long, String> e : written.entrySet()) {
            String body = EditorialIT.editorForm(admin, e.getKey()).get("body");
            assertEquals(e.getValue(), body, "statement " + e.getKey());
            checked++;
        }
        System.out.println("[bayan] load: " + LENGTH.toSeconds() + " s, " + reads.get() + " reads by 6 readers, "
                + checked + " statements written and edited by 2 editors, " + errors.size() + " errors");
        assertEquals(List.of(), new ArrayList<>(errors).subList(0, Math.min(20, errors.size())));
        assertTrue(checked >= 2 && reads.get() > 100, "both sides did work");
        for (long id : written.keySet()) {
            Map<String, String> form = EditorialIT.editorForm(admin, id);
            form.put("action", "trash");
            admin.post("/admin/statements/" + id, form);
        }
    }

    void write(int writer, Instant end) {
        Session admin = Session.admin();
        String section = EditorialIT.sectionId(admin, "Statements");
        int n = 0;
        while (Instant.now().isBefore(end)) {
            n++;
            String marker = "load-" + writer + "-" + n + "-" + System.nanoTime();
            admin.get("/admin/statements/new");
            Site.Page created = admin.post("/admin/statements/new", Map.of("title", "Load " + marker,
                    "body", "<p>" + marker + "</p>", "sectionId", section, "tags", "load", "action", "publish"));
            if (created.status() != 302) {
                errors.add("create " + marker + " -> " + created.status());
                continue;
            }
            long id = Long.parseLong(created.header("Location").replaceAll(".*/(\\d+)$", "$1"));
            written.put(id, "<p>" + marker + "</p>");
            Map<String, String> form = EditorialIT.editorForm(admin, id);
            String edited = "<p>" + marker + " edited</p>";
            form.put("body", edited);
            form.put("action", "save");
            Site.Page saved = admin.post("/admin/statements/" + id, form);
            if (saved.status() == 302) {
                written.put(id, edited);
            } else {
                errors.add("edit " + marker + " -> " + saved.status());
            }
        }
    }
}
