package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost when the server dies: a Tomcat of its own runs the WAR while a
 * writer keeps creating and editing statements over HTTP, and is killed with SIGKILL at random
 * moments, again and again. After each restart the database must open and every write that was
 * answered with a redirect (acknowledged) before the kill must be there, intact; at the end, all
 * of them. Runs on H2 (the default database) always, and on PostgreSQL too when
 * BAYAN_TEST_PG_URL names a server.
 */
class CrashSafetyIT {

    static final int CRASHES = Integer.getInteger("bayan.crash.cycles", 8);
    static final String PASSWORD = "crash-test-admin-password";

    /** What the writer sent for one statement, in order; {@code acknowledged} = index of the last answered one. */
    static final class Attempts {
        final List<String> bodies = new ArrayList<>();
        volatile int acknowledged = -1;
        String title;
    }

    final Map<Long, Attempts> statements = new ConcurrentHashMap<>();
    /** Statements with a write acknowledged in the current cycle: checked after the next restart. */
    final Set<Long> touched = ConcurrentHashMap.newKeySet();
    final AtomicInteger acknowledgedInCycle = new AtomicInteger();
    final AtomicInteger acknowledgedWrites = new AtomicInteger();
    final AtomicLong edits = new AtomicLong();
    final Random random = new Random(42);
    String dbOptions = "";

    @Test
    void acknowledgedWritesSurviveKillMinusNineOnH2() throws Exception {
        crashAgainAndAgain("H2");
    }

    /**
     * The search index writes a change to disk up to a second after the save is acknowledged (a
     * search sees it at once): a kill in that second must not leave a published statement out of
     * search for good. Killed right after each publish, three times over.
     */
    @Test
    void aStatementPublishedJustBeforeAKillIsFoundBySearchAfterTheRestart() throws Exception {
        Path home = Path.of("target", "crash-home-search").toAbsolutePath();
        OwnTomcat.deleteTree(home);
        OwnTomcat server = new OwnTomcat("crash-search", List.of("-Dbayan.home=" + home, "-Dbayan.admin.password=" + PASSWORD,
                "-Dbayan.demo=false", "-Dbayan.backup.interval=0"));
        List<String> published = new ArrayList<>();
        for (int run = 1; run <= 4; run++) {
            Process tomcat = server.start(run);
            try {
                server.awaitReady(tomcat, run);
                for (String word : published) {
                    Site.Page found = server.site().get("/search?q=" + word);
                    assertTrue(found.html().select("main article a").eachText().stream().anyMatch(t -> t.contains(word)),
                            "published before kill " + (run - 1) + ", " + word + " is not found by search after the restart");
                }
                if (run == 4) {
                    break;
                }
                Session admin = Session.login(server.site(), "admin", PASSWORD);
                String word = "Killword" + run + "x" + random.nextInt(1_000_000);
                admin.get("/admin/statements/new");
                Site.Page answer = admin.post("/admin/statements/new", Map.of("title", "Statement " + word, "body", "<p>" + word + ".</p>",
                        "sectionId", "2", "tags", "crash", "source", "Test desk", "action", "publish"));
                assertEquals(302, answer.status(), answer.body());
                published.add(word);
            } finally {
                tomcat.destroyForcibly(); // SIGKILL at once after the acknowledgement
                tomcat.waitFor();
            }
        }
        assertEquals(3, published.size());
    }

    @Test
    void acknowledgedWritesSurviveKillMinusNineOnPostgreSQL() throws Exception {
        String pgUrl = org.bayan.testing.TestDatabase.postgresUrl();
        org.junit.jupiter.api.Assumptions.assumeTrue(pgUrl != null, "no PostgreSQL: set BAYAN_TEST_PG_URL=jdbc:postgresql://host:5432/db?user=... to run it");
        dbOptions = "-Dbayan.db.url=" + pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + freshSchema(pgUrl);
        crashAgainAndAgain("PostgreSQL");
    }

    void crashAgainAndAgain(String database) throws Exception {
        Path home = Path.of("target", "crash-home-" + database).toAbsolutePath();
        OwnTomcat.deleteTree(home);
        mediaHome = home.resolve("media");
        List<String> settings = new ArrayList<>(List.of("-Dbayan.home=" + home, "-Dbayan.admin.password=" + PASSWORD,
                "-Dbayan.demo=false", "-Dbayan.backup.interval=0"));
        if (!dbOptions.isBlank()) {
            settings.add(dbOptions);
        }
        OwnTomcat server = new OwnTomcat("crash-" + database, settings);
        Site site = server.site();
        int checkedAfterRestarts = 0;

        for (int cycle = 1; cycle <= CRASHES; cycle++) {
            Process tomcat = server.start(cycle);
            try {
                checkedAfterRestarts += writeUntilKilled(server, tomcat, cycle);
            } finally {
                tomcat.destroyForcibly();
                tomcat.waitFor();
            }
        }

        Process tomcat = server.start(CRASHES + 1);
        try {
            server.awaitReady(tomcat, CRASHES + 1);
            Session admin = Session.login(site, "admin", PASSWORD);
            int checked = check(admin, List.copyOf(statements.keySet()), CRASHES);
            int photosChecked = checkPhotos(admin, CRASHES);
            System.out.println("[bayan] crash safety on " + database + ": " + CRASHES + " kill -9 crashes, "
                    + acknowledgedWrites.get() + " acknowledged writes on " + checked + " statements and " + photosChecked + " photos ("
                    + checkedAfterRestarts + " checked right after a crash), all present after restart");
        } finally {
            tomcat.destroyForcibly();
            tomcat.waitFor();
        }
    }

    /**
     * One cycle: checks what the last cycle acknowledged, then writes until the server is killed
     * at a random moment; answers how many statements it checked.
     */
    int writeUntilKilled(OwnTomcat server, Process tomcat, int cycle) throws InterruptedException {
        server.awaitReady(tomcat, cycle);
        Session admin = Session.login(server.site(), "admin", PASSWORD);
        // What was acknowledged just before the last kill is what a crash would lose.
        int checked = check(admin, List.copyOf(touched), cycle - 1);
        try {
            checkPhotos(admin, cycle - 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        touched.clear();
        acknowledgedInCycle.set(0);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> write(admin, stop, failure), "writer");
        writer.start();
        // Kill at a random moment once writes are going through, not while the server warms up.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (acknowledgedInCycle.get() == 0 && writer.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        Thread.sleep(200 + random.nextInt(2300));
        boolean writing = writer.isAlive();
        tomcat.destroyForcibly(); // SIGKILL, mid-write
        tomcat.waitFor();
        stop.set(true);
        writer.join(30_000);
        assertTrue(writing, "the writer stopped before the kill, cycle " + cycle + ": " + failure.get());
        assertTrue(acknowledgedInCycle.get() > 0, "no write was acknowledged in cycle " + cycle);
        return checked;
    }

    /** Checks that each statement holds its last acknowledged write (or a later one sent after it). */
    int check(Session admin, List<Long> ids, int crash) {
        int checked = 0;
        for (long id : ids) {
            Attempts a = statements.get(id);
            if (a == null || a.acknowledged < 0) continue;
            Site.Page page = admin.get("/admin/statements/" + id);
            assertEquals(200, page.status(), "after crash " + crash + ", acknowledged statement " + id + " (" + a.title + ") is missing");
            Document editor = page.html();
            String stored = editor.selectFirst("textarea[name=body]").wholeText();
            int index = a.bodies.indexOf(stored);
            assertTrue(index >= a.acknowledged, "after crash " + crash + ", statement " + id + " lost an acknowledged write: stored "
                    + (index < 0 ? stored : "write " + index) + ", acknowledged write " + a.acknowledged + " of " + a.bodies.size());
            assertEquals(a.title, editor.selectFirst("input[name=title]").val());
            checked++;
        }
        return checked;
    }

    /** Creates statements and edits earlier ones until told to stop or the server dies. */
    void write(Session admin, AtomicBoolean stop, AtomicReference<Throwable> failure) {
        int n = 0;
        while (!stop.get()) {
            try {
                n++;
                if (random.nextInt(5) == 0) {
                    upload(admin);
                } else if (statements.isEmpty() || random.nextInt(3) == 0) {
                    create(admin, "Crash statement " + System.nanoTime());
                } else {
                    List<Long> ids = new ArrayList<>(statements.keySet());
                    edit(admin, ids.get(random.nextInt(ids.size())));
                }
            } catch (RuntimeException | AssertionError e) {
                failure.set(e);
                return; // the server is gone: what was not acknowledged may be lost
            }
        }
    }

    /** Photos whose upload was answered (acknowledged), by id: their width as uploaded. */
    final Map<Long, Integer> photos = new ConcurrentHashMap<>();
    Path mediaHome;

    /** Uploads a photo as the library's script does; an answer with its id acknowledges it. */
    void upload(Session admin) {
        int width = 1200 + random.nextInt(1200);
        admin.get("/admin/media");
        Site.Page answer = admin.upload("/admin/media", Map.of(), List.of(Session.Upload.of("crash-" + System.nanoTime() + ".jpg",
                org.bayan.testing.SampleFiles.jpeg(width, 900))), "Accept", "application/json");
        if (answer.status() == 200 && answer.body().contains("\"ok\":true")) {
            long id = Long.parseLong(answer.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
            photos.put(id, width);
            acknowledgedInCycle.incrementAndGet();
            acknowledgedWrites.incrementAndGet();
        }
    }

    /**
     * Every acknowledged photo is there with each of its sizes whole, and no file on disk outside
     * the staging folder is a partial one: each decodes in full. Answers how many photos it checked.
     */
    int checkPhotos(Session admin, int crash) throws IOException {
        for (var photo : photos.entrySet()) {
            Site.Page page = admin.get("/admin/media/" + photo.getKey());
            assertEquals(200, page.status(), "after crash " + crash + ", acknowledged photo " + photo.getKey() + " is missing");
            for (String size : page.html().select("ul.sizes a").eachAttr("href")) {
                byte[] bytes = admin.download(size.substring(admin.site.context().length())).body();
                assertTrue(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes)) != null,
                        "after crash " + crash + ", " + size + " of photo " + photo.getKey() + " is not a whole image");
            }
        }
        if (mediaHome != null && Files.isDirectory(mediaHome)) {
            try (var files = Files.walk(mediaHome)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertTrue(mediaHome.relativize(f).startsWith(".incoming") || javax.imageio.ImageIO.read(f.toFile()) != null,
                            "after crash " + crash + ", a partial file is in place: " + f);
                }
            }
            try (var left = Files.list(mediaHome.resolve(".incoming"))) {
                assertEquals(0, left.count(), "after crash " + crash + ", uploads cut short are cleared at start");
            }
        }
        return photos.size();
    }

    void create(Session admin, String title) {
        admin.get("/admin/statements/new");
        String body = "<p>" + title + " body " + "x".repeat(random.nextInt(2000)) + "</p>";
        Site.Page answer = admin.post("/admin/statements/new", Map.of("title", title, "body", body,
                "sectionId", "2", "tags", "crash", "action", "save"));
        String location = answer.status() == 302 ? answer.header("Location") : "";
        // Only a redirect to the new statement's editor acknowledges the write.
        if (location.matches(".*/admin/statements/\\d+")) {
            long id = Long.parseLong(location.replaceAll(".*/(\\d+)$", "$1"));
            Attempts a = new Attempts();
            a.title = title;
            a.bodies.add(body);
            a.acknowledged = 0;
            statements.put(id, a);
            acknowledged(id);
        }
    }

    void edit(Session admin, long id) {
        Attempts a = statements.get(id);
        Document editor = admin.get("/admin/statements/" + id).html();
        String version = editor.selectFirst("input[name=version]").val();
        // Numbered across all cycles, so every body the writer ever sent is distinct.
        String body = "<p>Edit " + edits.incrementAndGet() + " of " + a.title + "</p>";
        a.bodies.add(body);
        Site.Page answer = admin.post("/admin/statements/" + id, Map.of("title", a.title, "body", body,
                "sectionId", "2", "tags", "crash", "version", version, "action", "save"));
        if (answer.status() == 302 && String.valueOf(answer.header("Location")).endsWith("/admin/statements/" + id)) {
            a.acknowledged = a.bodies.size() - 1;
            acknowledged(id);
        }
    }

    void acknowledged(long id) {
        touched.add(id);
        acknowledgedInCycle.incrementAndGet();
        acknowledgedWrites.incrementAndGet();
    }

    static String freshSchema(String url) throws java.sql.SQLException {
        String schema = "bayan_crash_" + Long.toString(System.nanoTime(), 36);
        try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute("create schema " + schema);
        }
        return schema;
    }
}
