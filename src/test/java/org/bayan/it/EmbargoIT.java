package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A statement scheduled for later gives nothing away before its time: not its tag (page, feed,
 * cloud, sitemap), nor its day or month (archive pages, calendar, month counts). When its time
 * comes, all of them appear at once, with no job running. It works in a section of its own, so
 * nothing else published today can stand in the way of what it checks.
 */
class EmbargoIT {

    /** The test Tomcat's BAYAN_TIMEZONE (see pom.xml). */
    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    /**
     * How far ahead the statement is scheduled: the checks before its time must all run inside
     * this window, which a busy machine can stretch to many seconds. The test does not sleep it
     * out blindly: it polls, and stops as soon as the statement is live.
     */
    static final Duration AHEAD = Duration.ofSeconds(40);

    @Test
    void aScheduledStatementsTagDayAndMonthAre404UntilItsTimeThenAppear() throws InterruptedException {
        Site site = Site.main();
        Session admin = Session.admin();
        String run = Long.toString(System.nanoTime(), 36);
        String tag = "embargo-" + run;
        // A section of its own: its day, month and year have nothing public but what this test schedules.
        String section = "/media-center/embargo-section-" + run;
        admin.get("/admin/sections");
        assertEquals(302, admin.post("/admin/sections", Map.of("name", "Embargo section " + run, "slug", "embargo-section-" + run,
                "parentId", sectionIdByPath(admin, "/media-center"))).status(), "section of its own created");
        String sectionId = sectionIdByPath(admin, section);
        Long id = null;
        try {
            Instant at = Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.SECONDS);
            LocalDate day = LocalDate.ofInstant(at, ZONE);
            String dayPath = section + String.format("/%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
            String monthPath = section + String.format("/%04d/%02d", day.getYear(), day.getMonthValue());

            admin.get("/admin/statements/new");
            Site.Page saved = admin.post("/admin/statements/new", Map.of("title", "Embargoed " + run,
                    "body", "<p>Not before its time.</p>", "sectionId", sectionId,
                    "tags", tag, "publishAt", LocalDateTime.ofInstant(at, ZONE).toString(), "action", "schedule"));
            assertEquals(302, saved.status(), saved.body());
            id = Long.parseLong(saved.header("Location").replaceAll(".*/admin/statements/(\\d+)$", "$1"));

            Map<String, Integer> before = new LinkedHashMap<>();
            before.put("tag page", site.get("/tag/" + tag).status());
            before.put("tag RSS feed", site.get("/tag/" + tag + "/feed.rss").status());
            before.put("tag Atom feed", site.get("/tag/" + tag + "/feed.atom").status());
            before.put("day archive", site.get(dayPath).status());
            before.put("month archive", site.get(monthPath).status());
            before.put("year archive", site.get(section + String.format("/%04d", day.getYear())).status());
            boolean inCloud = site.get("/tag").body().contains("/tag/" + tag);
            boolean inSitemap = site.get("/sitemap-1.xml").body().contains("/tag/" + tag);
            boolean inNewsSitemap = site.get("/sitemap-news.xml").body().contains("Embargoed " + run);
            boolean inCalendar = site.get(section).html().select(".calendar a, .months a").stream()
                    .anyMatch(a -> a.attr("href").endsWith(dayPath) || a.attr("href").endsWith(monthPath));
            Instant checked = Instant.now();
            // Checks that ran past the statement's time would prove nothing: say so rather than pass or fail on them.
            assertTrue(checked.isBefore(at), "the checks before the statement's time took "
                    + Duration.between(at.minus(AHEAD), checked).toSeconds() + " s, longer than the " + AHEAD.toSeconds()
                    + " s it was scheduled ahead: too slow a machine to tell, not an embargo failure");
            assertEquals(Map.of("tag page", 404, "tag RSS feed", 404, "tag Atom feed", 404, "day archive", 404,
                    "month archive", 404, "year archive", 404), Map.copyOf(before), "before its time");
            assertFalse(inCloud, "tag cloud before its time");
            assertFalse(inSitemap, "sitemap before its time");
            assertFalse(inNewsSitemap, "news sitemap before its time");
            assertFalse(inCalendar, "calendar and month counts before its time");

            // Polls until the time has passed, then at most a few seconds more.
            Site.Page page = site.get("/tag/" + tag);
            while (page.status() == 404 && Instant.now().isBefore(at.plusSeconds(10))) {
                Thread.sleep(Instant.now().isBefore(at.minusSeconds(2)) ? 500 : 100);
                page = site.get("/tag/" + tag);
            }
            assertEquals(200, page.status(), "the tag page appears when its statement goes live");
            assertFalse(Instant.now().isBefore(at), "and not before");
            assertTrue(Duration.between(at, Instant.now()).toMillis() < 3_000, "at its time, not later");
            assertEquals(200, site.get("/tag/" + tag + "/feed.rss").status());
            assertTrue(site.get("/tag").body().contains("/tag/" + tag));
            assertTrue(site.get("/sitemap-1.xml").body().contains("/tag/" + tag));
            assertTrue(site.get("/sitemap-news.xml").body().contains("Embargoed " + run));
            assertEquals("Embargoed " + run, site.get(dayPath).html().selectFirst(".listing .entry-title").text());
            assertEquals(200, site.get(monthPath).status());
            assertTrue(site.get(section).html().select(".calendar a").stream().anyMatch(a -> a.attr("href").endsWith(dayPath)));
        } finally {
            if (id != null) {
                Map<String, String> form = EditorialIT.editorForm(admin, id);
                form.put("action", "trash");
                admin.post("/admin/statements/" + id, form);
                admin.get("/admin/statements/" + id);
                admin.post("/admin/statements/" + id + "/delete", Map.of());
            }
            admin.get("/admin/sections/" + sectionId);
            admin.post("/admin/sections/" + sectionId + "/delete", Map.of());
        }
    }

    /** The id of the section at this public path, from the section admin's list. */
    static String sectionIdByPath(Session admin, String path) {
        Element row = admin.get("/admin/sections").html().select("table.sections tbody tr").stream()
                .filter(r -> r.selectFirst("td a").text().equals(path)).findFirst().orElseThrow(() -> new AssertionError("no section " + path));
        return row.selectFirst("th a").attr("href").replaceAll(".*/", "");
    }
}
