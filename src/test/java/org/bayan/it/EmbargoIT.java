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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A statement scheduled for later gives nothing away before its time: not its tag (page, feed,
 * cloud, sitemap), nor its day or month (archive pages, calendar, month counts). When its time
 * comes, all of them appear at once, with no job running.
 */
class EmbargoIT {

    /** The test Tomcat's BAYAN_TIMEZONE (see pom.xml). */
    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final String SECTION = "/media-center/interviews";

    @Test
    void aScheduledStatementsTagDayAndMonthAre404UntilItsTimeThenAppear() throws InterruptedException {
        Site site = Site.main();
        Session admin = Session.admin();
        String run = Long.toString(System.nanoTime(), 36);
        String tag = "embargo-" + run;
        Instant at = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = LocalDate.ofInstant(at, ZONE);
        String dayPath = SECTION + String.format("/%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        String monthPath = SECTION + String.format("/%04d/%02d", day.getYear(), day.getMonthValue());
        assertEquals(404, site.get(dayPath).status(), "nothing else is public in Interviews today");

        admin.get("/admin/statements/new");
        Site.Page saved = admin.post("/admin/statements/new", Map.of("title", "Embargoed " + run,
                "body", "<p>Not before its time.</p>", "sectionId", EditorialIT.sectionId(admin, "Interviews"),
                "tags", tag, "publishAt", LocalDateTime.ofInstant(at, ZONE).toString(), "action", "schedule"));
        assertEquals(302, saved.status(), saved.body());
        long id = Long.parseLong(saved.header("Location").replaceAll(".*/admin/statements/(\\d+)$", "$1"));
        try {
            assertTrue(Instant.now().isBefore(at), "the checks below ran before the statement's time");
            assertEquals(404, site.get("/tag/" + tag).status(), "tag page");
            assertEquals(404, site.get("/tag/" + tag + "/feed.rss").status(), "tag feed");
            assertEquals(404, site.get("/tag/" + tag + "/feed.atom").status(), "tag feed");
            assertFalse(site.get("/tag").body().contains(tag), "tag cloud");
            assertFalse(site.get("/sitemap-1.xml").body().contains(tag), "sitemap");
            assertFalse(site.get("/sitemap-news.xml").body().contains(run), "news sitemap");
            assertEquals(404, site.get(dayPath).status(), "day archive");
            assertEquals(404, site.get(monthPath).status(), "month archive");
            assertEquals(404, site.get(SECTION + String.format("/%04d", day.getYear())).status(), "year archive");
            Site.Page section = site.get(SECTION);
            assertTrue(section.html().select(".calendar a, .months a").stream()
                    .noneMatch(a -> a.attr("href").endsWith(dayPath) || a.attr("href").endsWith(monthPath)),
                    "calendar and month counts");
            assertTrue(Instant.now().isBefore(at), "the checks above ran before the statement's time");

            Site.Page page = site.get("/tag/" + tag);
            while (page.status() == 404 && Instant.now().isBefore(at.plusSeconds(10))) {
                Thread.sleep(100);
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
            assertTrue(site.get(SECTION).html().select(".calendar a").stream().anyMatch(a -> a.attr("href").endsWith(dayPath)));
        } finally {
            Map<String, String> form = EditorialIT.editorForm(admin, id);
            form.put("action", "trash");
            admin.post("/admin/statements/" + id, form);
        }
    }
}
