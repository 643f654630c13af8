package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tag and section admin over HTTP against the built WAR, as an admin uses it without
 * JavaScript. The Tomcat is shared with the other integration tests, which count the demo
 * content: so every test works on tags, sections and statements of its own (named with this
 * run's suffix), keeps statements unpublished unless a reader must see one, and removes all it
 * made when it ends.
 */
class TaxonomyAdminIT {

    /** Unique per run, so leftovers of an interrupted run never collide with this one. */
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    static Session admin;
    static long mediaCenter;

    private final List<Runnable> cleanup = new ArrayList<>();

    @BeforeAll
    static void logIn() {
        admin = Session.admin();
        mediaCenter = sectionId("/media-center");
    }

    /** Newest first, each step tried even if one before it failed, so one failure leaves no more behind. */
    @AfterEach
    void removeWhatTheTestMade() {
        AssertionError failed = null;
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            try {
                cleanup.get(i).run();
            } catch (RuntimeException | AssertionError e) {
                failed = failed == null ? new AssertionError("cleanup failed", e) : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Test
    void sectionAdminChoosesWhetherArchivesShowTeasersOrFullText() {
        long news = sectionId("/media-center/coalition-news");
        String day = "/media-center/coalition-news/2018/05/02";
        Document form = admin.get("/admin/sections/" + news).html();
        assertEquals("FULL_TEXT", form.selectFirst("input[name=archiveStyle][checked]").val(), "Coalition News starts in full text");
        assertTrue(Site.main().get(day).html().select(".listing a.read-more").isEmpty());

        cleanup.add(() -> assertEquals(302, admin.post("/admin/sections/" + news + "/archive",
                Map.of("archiveStyle", "FULL_TEXT")).status()));
        Site.Page saved = admin.post("/admin/sections/" + news + "/archive", Map.of("archiveStyle", "TEASER"));
        assertEquals(302, saved.status());
        assertEquals("TEASER", admin.get("/admin/sections/" + news).html().selectFirst("input[name=archiveStyle][checked]").val());
        Document teasers = Site.main().get(day).html();
        assertEquals(2, teasers.select(".listing a.read-more").size(), "each statement's teaser and Read more");
        assertTrue(teasers.select(".listing .teaser").get(0).text().startsWith("President of the Syrian Coalition Abdurrahman Mustafa"));
        assertTrue(teasers.select(".listing .source").isEmpty(), "no full text");

        assertEquals(400, admin.post("/admin/sections/" + news + "/archive", Map.of("archiveStyle", "EVERYTHING")).status());
        assertEquals("TEASER", admin.get("/admin/sections/" + news).html().selectFirst("input[name=archiveStyle][checked]").val());
    }

    @Test
    void newSectionsShowTeasers() {
        admin.get("/admin/sections");
        Site.Page created = admin.post("/admin/sections", Map.of("name", "Teasers " + RUN, "slug", "teasers-" + RUN,
                "parentId", Long.toString(mediaCenter)));
        assertEquals(302, created.status());
        long id = sectionId("/media-center/teasers-" + RUN);
        cleanup.add(() -> {
            admin.get("/admin/sections/" + id);
            assertEquals(302, admin.post("/admin/sections/" + id + "/delete", Map.of()).status());
        });
        assertEquals("TEASER", admin.get("/admin/sections/" + id).html().selectFirst("input[name=archiveStyle][checked]").val());
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        for (String path : List.of("/admin/tags", "/admin/sections", "/admin/tags/1", "/admin/sections/1")) {
            Site.Page page = Site.main().get(path);
            assertEquals(302, page.status(), path);
            assertTrue(page.header("Location").startsWith(Site.CONTEXT + "/login?next="), page.header("Location"));
        }
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
        long section = createSection("Unforged " + RUN, mediaCenter);
        admin.get("/admin/sections");

        Site.Page page = admin.postRaw("/admin/sections/" + section + "/delete", Map.of());
        Site.Page create = admin.postRaw("/admin/sections", Map.of("name", "Forged " + RUN));

        assertEquals(403, page.status());
        assertEquals(403, create.status());
        assertEquals(200, Site.main().get("/media-center/unforged-" + RUN).status(), "still there");
        assertEquals(404, Site.main().get("/media-center/forged-" + RUN).status(), "never created");
    }

    @Test
    void tagListShowsEveryTagWithTheNumberOfStatementsOfAnyStatus() {
        long section = createSection("Counting " + RUN, mediaCenter);
        createStatement("Counted draft one " + RUN, section, "Counted " + RUN, "save");
        createStatement("Counted draft two " + RUN, section, "Counted " + RUN + ", Russia", "save");

        Document list = admin.get("/admin/tags").html();

        assertEquals("2 statements", tagRow(list, "counted-" + RUN).selectFirst("td.count").text());
        assertTrue(tagRow(list, "russia").selectFirst("td.count").text().matches("\\d+ statements"));
        assertEquals("Tag", list.selectFirst("table.tags th[scope=col]").text());
    }

    @Test
    void renamedTagsOldAddressRedirectsToItsNewPageListingItsStatements() {
        long section = createSection("Renaming " + RUN, mediaCenter);
        String title = "Shelling near Rastan " + RUN;
        createStatement(title, section, "Rastan " + RUN, "publish");
        long tag = tagId("rastan-" + RUN);

        admin.get("/admin/tags/" + tag);
        Site.Page renamed = admin.post("/admin/tags/" + tag + "/rename", Map.of("name", "Rastan District " + RUN));

        assertEquals(302, renamed.status());
        assertTrue(admin.follow("/admin/tags").html().selectFirst(".flash").text().contains("Rastan District " + RUN));
        Site.Page old = Site.main().get("/tag/rastan-" + RUN);
        assertEquals(301, old.status());
        assertEquals(Site.CONTEXT + "/tag/rastan-district-" + RUN, old.header("Location"));
        Site.Page oldFeed = Site.main().get("/tag/rastan-" + RUN + "/feed.atom");
        assertEquals(301, oldFeed.status(), "a feed reader subscribed to the old tag follows it");
        assertEquals(Site.CONTEXT + "/tag/rastan-district-" + RUN + "/feed.atom", oldFeed.header("Location"));
        assertTrue(Site.main().get("/tag/rastan-district-" + RUN + "/feed.atom").body().contains(title));
        assertEquals(404, Site.main().get("/tag/never-a-tag-" + RUN + "/feed.rss").status());
        Site.Page page = Site.main().get("/tag/rastan-district-" + RUN);
        assertEquals(200, page.status());
        assertEquals("Items tagged with: Rastan District " + RUN, page.h1());
        assertEquals(List.of(title), page.html().select(".listing .entry-title").eachText());
        assertEquals(List.of("rastan-" + RUN), tagRow(admin.get("/admin/tags").html(), "rastan-district-" + RUN)
                .select(".old-slugs").eachText().stream().map(t -> t.replaceAll(".*: ", "")).toList());
    }

    @Test
    void renamingToAnotherTagsNameIsRefusedAndOffersTheMergeInstead() {
        long section = createSection("Clashing " + RUN, mediaCenter);
        long statement = createStatement("Clash " + RUN, section, "Talbiseh " + RUN + ", Talbisa " + RUN, "publish");
        long talbisa = tagId("talbisa-" + RUN);

        admin.get("/admin/tags/" + talbisa);
        Site.Page refused = admin.post("/admin/tags/" + talbisa + "/rename", Map.of("name", "TALBISEH " + RUN));

        assertEquals(400, refused.status());
        Document html = refused.html();
        assertEquals("Another tag already has the address this name would take.", html.selectFirst("p.error").text());
        assertEquals("TALBISEH " + RUN, html.selectFirst("input#name").val(), "what was typed is kept");
        Element offer = html.selectFirst("form.offer");
        assertNotNull(offer, "the merge is offered");
        assertEquals(String.valueOf(tagId("talbiseh-" + RUN)), offer.selectFirst("input[name=into]").val());

        Site.Page merged = admin.post("/admin/tags/" + talbisa + "/merge", Map.of("into", offer.selectFirst("input[name=into]").val()));

        assertEquals(302, merged.status());
        assertEquals("Talbiseh " + RUN, tagsOf(statement), "one copy of the tag that stays");
        assertEquals("/tag/talbiseh-" + RUN, Site.main().get("/tag/talbisa-" + RUN).header("Location").substring(Site.CONTEXT.length()));
    }

    @Test
    void mergedTagsStatementsCarryTheTagThatStaysOnceAndItsPageRedirects() {
        long section = createSection("Merging " + RUN, mediaCenter);
        long both = createStatement("Both " + RUN, section, "Idlib " + RUN + ", Idleb " + RUN, "publish");
        long merging = createStatement("Idleb only " + RUN, section, "Idleb " + RUN, "save");
        long idleb = tagId("idleb-" + RUN);
        long idlib = tagId("idlib-" + RUN);

        admin.get("/admin/tags/" + idleb);
        Site.Page merged = admin.post("/admin/tags/" + idleb + "/merge", Map.of("into", String.valueOf(idlib)));

        assertEquals(302, merged.status());
        assertEquals("Tags merged into Idlib " + RUN + ".", admin.follow("/admin/tags").html().selectFirst(".flash").text());
        assertEquals("Idlib " + RUN, tagsOf(both));
        assertEquals("Idlib " + RUN, tagsOf(merging));
        Document list = admin.get("/admin/tags").html();
        assertEquals("2 statements", tagRow(list, "idlib-" + RUN).selectFirst("td.count").text());
        assertTrue(list.select("table.tags td a").eachText().stream().noneMatch(t -> t.equals("/tag/idleb-" + RUN)));
        assertEquals(404, admin.get("/admin/tags/" + idleb).status());
        Site.Page old = Site.main().get("/tag/idleb-" + RUN);
        assertEquals(301, old.status());
        assertEquals(Site.CONTEXT + "/tag/idlib-" + RUN, old.header("Location"));
        assertEquals(Site.CONTEXT + "/tag/idlib-" + RUN + "/feed.rss", Site.main().get("/tag/idleb-" + RUN + "/feed.rss")
                .header("Location"));
    }

    @Test
    void aTagThatOnlyUnpublishedStatementsCarryHasNoPublicPageFeedOrRedirect() {
        long section = createSection("Unreleased " + RUN, mediaCenter);
        createStatement("Draft only " + RUN, section, "Unreleased " + RUN, "save");
        long tag = tagId("unreleased-" + RUN);
        assertEquals(404, Site.main().get("/tag/unreleased-" + RUN).status(), "its page would name a coming topic");
        assertEquals(404, Site.main().get("/tag/unreleased-" + RUN + "/feed.atom").status());

        admin.get("/admin/tags/" + tag);
        assertEquals(302, admin.post("/admin/tags/" + tag + "/rename", Map.of("name", "Unreleased Offensive " + RUN)).status());
        assertEquals(404, Site.main().get("/tag/unreleased-" + RUN).status(), "nor does its old address lead to its new name");
        assertEquals(404, Site.main().get("/tag/unreleased-offensive-" + RUN).status());
    }

    @Test
    void deletedTagLeavesItsStatementsAndItsPageIsGone() {
        long section = createSection("Deleting " + RUN, mediaCenter);
        long statement = createStatement("Untagged " + RUN, section, "Obsolete " + RUN + ", Kept " + RUN, "publish");
        long obsolete = tagId("obsolete-" + RUN);
        assertEquals(200, Site.main().get("/tag/obsolete-" + RUN).status());

        admin.get("/admin/tags/" + obsolete);
        Site.Page deleted = admin.post("/admin/tags/" + obsolete + "/delete", Map.of());

        assertEquals(302, deleted.status());
        assertEquals("Kept " + RUN, tagsOf(statement));
        assertEquals(404, Site.main().get("/tag/obsolete-" + RUN).status());
        assertEquals(200, admin.get("/admin/statements/" + statement).status(), "the statement stays");
    }

    @Test
    void newSectionAnswersOnThePublicSiteAndMovesWhenRenamed() {
        long section = createSection("Field Reports " + RUN, mediaCenter);
        Site.Page created = Site.main().get("/media-center/field-reports-" + RUN);
        assertEquals(200, created.status());
        assertEquals("Field Reports " + RUN, created.h1());
        assertEquals("Home > Media Center > Field Reports " + RUN, created.breadcrumb());

        admin.get("/admin/sections/" + section);
        Site.Page renamed = admin.post("/admin/sections/" + section + "/rename",
                Map.of("name", "Field Notes " + RUN, "slug", ""));

        assertEquals(302, renamed.status());
        assertEquals("Section saved. Its address is now /media-center/field-notes-" + RUN + ".",
                admin.follow("/admin/sections").html().selectFirst(".flash").text());
        assertEquals(404, Site.main().get("/media-center/field-reports-" + RUN).status());
        Site.Page moved = Site.main().get("/media-center/field-notes-" + RUN);
        assertEquals(200, moved.status());
        assertEquals("Field Notes " + RUN, moved.h1());
    }

    @Test
    void aSectionNamedInArabicInTheAdminAnswersAtItsArabicAddressUnderThatName() {
        long section = createSection("Field Reports " + RUN, mediaCenter);
        String unnamed = "/ar/المركز-الإعلامي/field-reports-" + RUN;
        assertEquals("Field Reports " + RUN, LanguagesIT.get(unnamed).h1(), "unnamed in Arabic, it shows its English name");
        assertEquals("AR missing TR missing", sectionRow(section).selectFirst("td.languages").text());
        Document page = admin.get("/admin/sections/" + section).html();
        assertEquals("rtl", page.selectFirst("input#name-ar").attr("dir"), "Arabic is typed right to left");
        String opened = page.selectFirst("input[name=version]").val();

        Site.Page saved = admin.post("/admin/sections/" + section + "/label", Map.of("language", "ar",
                "name", "تقارير ميدانية " + RUN, "slug", "", "description", "تقارير مراسلينا من الميدان."));

        assertEquals(302, saved.status());
        String named = "/ar/المركز-الإعلامي/تقارير-ميدانية-" + RUN;
        assertEquals("Name in Arabic saved. The section’s address in Arabic is now " + named + ".",
                admin.follow("/admin/sections").html().selectFirst(".flash").text());
        Site.Page arabic = LanguagesIT.get(named);
        assertEquals(200, arabic.status());
        assertEquals("تقارير ميدانية " + RUN, arabic.h1());
        assertEquals("الرئيسية > المركز الإعلامي > تقارير ميدانية " + RUN, arabic.breadcrumb());
        assertEquals(404, LanguagesIT.get(unnamed).status(),
                "a renamed section's old address stops answering, in Arabic as in English (no redirect is kept for sections)");
        assertEquals("Field Reports " + RUN, Site.main().get("/media-center/field-reports-" + RUN).h1(), "English is untouched");
        assertEquals("AR ✓ TR missing", sectionRow(section).selectFirst("td.languages").text());

        Site.Page stale = admin.post("/admin/sections/" + section + "/label", Map.of("language", "ar", "name", "أخبار " + RUN,
                "slug", "", "description", "", "version", opened));
        assertEquals(409, stale.status(), "sent from the page as it was before the save");
        assertEquals("Someone else changed this section meanwhile", stale.html().selectFirst("h1").text());

        admin.get("/admin/sections/" + section);
        Site.Page clash = admin.post("/admin/sections/" + section + "/label", Map.of("language", "ar", "name", "المقابلات",
                "slug", "", "description", ""));
        assertEquals(400, clash.status(), "the Arabic address of Interviews, its sibling");
        Document refused = clash.html();
        assertEquals("Another section in the same place already has this address.",
                refused.selectFirst("fieldset[data-language=ar] p.error").text());
        assertEquals("المقابلات", refused.selectFirst("input#name-ar").val(), "what was typed is kept");
        assertEquals("Field Reports " + RUN, refused.selectFirst("input#name").val(), "the English form as saved");
        assertEquals(200, LanguagesIT.get(named).status(), "nothing saved");

        for (String language : List.of("xx", "fr", "en", "")) {
            assertEquals(400, admin.post("/admin/sections/" + section + "/label", Map.of("language", language,
                    "name", "Name " + RUN, "slug", "", "description", "")).status(), "language '" + language + "'");
        }

        admin.get("/admin/sections/" + section);
        assertEquals(302, admin.post("/admin/sections/" + section + "/label", Map.of("language", "ar", "name", "",
                "slug", "", "description", "")).status());
        assertEquals("Field Reports " + RUN, LanguagesIT.get(unnamed).h1(), "with its Arabic name removed, it falls back");
        assertEquals(404, LanguagesIT.get(named).status());
    }

    @Test
    void sectionWithStatementsCannotBeDeletedAndSaysWhy() {
        long section = createSection("Busy " + RUN, mediaCenter);
        createStatement("Busy draft " + RUN, section, "", "save");

        admin.get("/admin/sections/" + section);
        Site.Page refused = admin.post("/admin/sections/" + section + "/delete", Map.of());

        assertEquals(400, refused.status());
        assertTrue(refused.html().selectFirst("p.error").text().startsWith("This section holds statements"),
                refused.html().selectFirst("p.error").text());
        assertEquals(200, Site.main().get("/media-center/busy-" + RUN).status(), "still there");
    }

    @Test
    void downSwapsASectionWithItsNextSiblingOnThePublicSite() {
        long parent = createSection("Regions " + RUN, mediaCenter);
        long north = createSection("North", parent);
        createSection("South", parent);
        assertEquals(List.of("North", "South"), subsections("/media-center/regions-" + RUN));

        admin.get("/admin/sections");
        assertEquals(302, admin.post("/admin/sections/" + north + "/down", Map.of()).status());

        assertEquals(List.of("South", "North"), subsections("/media-center/regions-" + RUN));
        Document tree = admin.get("/admin/sections").html();
        assertNotNull(tree.selectFirst("form[action$=\"/admin/sections/" + north + "/up\"] button[aria-label=\"Move North up\"]"),
                "North can now move up");
    }

    @Test
    void movingASectionUnderItsOwnSubsectionIsRefused() {
        long parent = createSection("Parent " + RUN, mediaCenter);
        long child = createSection("Child", parent);

        admin.get("/admin/sections/" + parent);
        Site.Page refused = admin.post("/admin/sections/" + parent + "/move", Map.of("parentId", String.valueOf(child)));

        assertEquals(400, refused.status());
        assertEquals("A section cannot move under itself or under one of its own subsections.",
                refused.html().selectFirst("p.error").text());
        assertEquals(200, Site.main().get("/media-center/parent-" + RUN + "/child").status());
    }

    @Test
    void badInputGetsAClearRefusalNeverAServerError() {
        long section = createSection("Inputs " + RUN, mediaCenter);
        createStatement("Inputs draft " + RUN, section, "Inputs " + RUN, "save");
        long tag = tagId("inputs-" + RUN);
        admin.get("/admin/tags");

        Map<String, Integer> expected = new HashMap<>();
        expected.put(post("/admin/tags/abc/rename", "name", "x"), 404);
        expected.put(post("/admin/tags/999999999/rename", "name", "Ghost"), 400);
        expected.put(post("/admin/tags/" + tag + "/rename", "name", " "), 400);
        expected.put(post("/admin/tags/" + tag + "/rename", "name", "x".repeat(101)), 400);
        expected.put(post("/admin/tags/" + tag + "/merge", "into", "abc"), 400);
        expected.put(post("/admin/tags/" + tag + "/merge", "into", String.valueOf(tag)), 400);
        expected.put(post("/admin/tags/" + tag + "/explode", "x", "y"), 404);
        expected.put(post("/admin/sections", "name", ""), 400);
        expected.put(post("/admin/sections", "name", "x".repeat(201)), 400);
        expected.put(post("/admin/sections", "name", "Admin"), 400);
        expected.put(post("/admin/sections", "parentId", "abc"), 400);
        expected.put(post("/admin/sections/" + section + "/move", "parentId", "99999999999999999999"), 400);
        expected.put(post("/admin/sections/999999999/up", "x", "y"), 400);
        expected.put(get("/admin/tags/999999999"), 404);
        expected.put(get("/admin/sections/abc"), 404);
        expected.put(get("/admin/tags/1/rename"), 404);
        expected.put(get("/admin/tags?language=xx"), 400);
        expected.put(post("/admin/tags/" + tag + "/link", "language", "xx"), 400);
        expected.put(post("/admin/tags/" + tag + "/link", "counterpart", "Anything"), 400);
        expected.put(post("/admin/tags/" + tag + "/unlink", "counterpart", "abc"), 400);
        expected.put(post("/admin/tags/" + tag + "/unlink", "counterpart", "999999999"), 400);
        expected.put(post("/admin/tags/999999999/link", "counterpart", "x"), 400);

        Map<String, Integer> actual = new HashMap<>();
        expected.keySet().forEach(k -> actual.put(k, answers.get(k)));
        assertEquals(expected, actual);
        assertEquals(200, Site.main().get("/media-center/inputs-" + RUN).status(), "the section survived it all");
    }

    // ---- tags of several languages ----

    @Test
    void anEnglishTagLinkedWithAnArabicOneInTheAdminIsWhereTheArabicTagPagesLanguageSwitcherLeads() {
        long section = createSection("Barrels " + RUN, mediaCenter);
        createStatement("Barrel bombs on Daraya " + RUN, section, "Barrel bombs " + RUN, "publish");
        createStatement("ar", "براميل متفجرة على داريا " + RUN, section, "براميل متفجرة " + RUN, "publish");
        String arabicSlug = "براميل-متفجرة-" + RUN;
        long english = tagId("en", "barrel-bombs-" + RUN);
        long arabic = tagId("ar", arabicSlug);
        Element arabicRow = tagRowAt(admin.get("/admin/tags?language=ar").html(), "/ar/tag/" + arabicSlug);
        assertEquals("AR", arabicRow.selectFirst("td.language").text());
        assertEquals("", arabicRow.selectFirst("td.counterparts").text(), "not linked yet");

        admin.get("/admin/tags/" + english);
        Site.Page linked = admin.post("/admin/tags/" + english + "/link", Map.of("language", "ar", "counterpart", "براميل متفجرة " + RUN));

        assertEquals(302, linked.status());
        assertEquals(Site.CONTEXT + "/admin/tags/" + english, linked.header("Location"), "back to the tag's page");
        Document page = admin.follow("/admin/tags/" + english).html();
        assertEquals("Linked: Barrel bombs " + RUN + " and براميل متفجرة " + RUN + " now lead to each other.", page.selectFirst(".flash").text());
        assertEquals("AR: براميل متفجرة " + RUN, page.selectFirst("ul.counterparts a").text());
        Element row = tagRowAt(admin.get("/admin/tags?language=ar").html(), "/ar/tag/" + arabicSlug);
        assertEquals("EN: Barrel bombs " + RUN, row.selectFirst("td.counterparts").text());
        assertEquals(Site.CONTEXT + "/admin/tags/" + english, row.selectFirst("td.counterparts a").attr("href"));
        Document englishList = admin.get("/admin/tags?language=en").html();
        assertEquals(List.of("EN"), englishList.select("table.tags td.language").eachText().stream().distinct().toList(),
                "the English list holds English tags only");
        assertEquals("AR: براميل متفجرة " + RUN, tagRow(englishList, "barrel-bombs-" + RUN).selectFirst("td.counterparts").text());

        Site.Page arabicPage = Site.main().get(encoded("/ar/tag/" + arabicSlug));
        assertEquals(200, arabicPage.status());
        Element toEnglish = arabicPage.html().selectFirst("nav.languages a[hreflang=en]");
        assertEquals(Site.ROOT + Site.CONTEXT + "/tag/barrel-bombs-" + RUN, toEnglish.attr("href"), "the switcher leads to the English tag");
        assertEquals("alternate", toEnglish.attr("rel"));
        Site.Page englishPage = Site.main().get(toEnglish.attr("href").substring(Site.ROOT.length() + Site.CONTEXT.length()));
        assertEquals("Items tagged with: Barrel bombs " + RUN, englishPage.h1());
        assertEquals(Site.ROOT + Site.CONTEXT + encoded("/ar/tag/" + arabicSlug),
                englishPage.html().selectFirst("nav.languages a[hreflang=ar]").attr("href"), "and back");
        assertTrue(auditActions(arabic).contains("tag.linked"), "the link is in the audit log");
    }

    @Test
    void aRefusedLinkAnswersWithTheReasonAndAStaleOneWithBothVersions() {
        long section = createSection("Airstrikes " + RUN, mediaCenter);
        createStatement("Airstrikes draft " + RUN, section, "Airstrikes " + RUN + ", Raids " + RUN, "save");
        createStatement("ar", "مسودة الغارات " + RUN, section, "غارات " + RUN + ", قصف جوي " + RUN, "save");
        long airstrikes = tagId("en", "airstrikes-" + RUN);
        long raids = tagId("ar", "غارات-" + RUN);
        admin.get("/admin/tags/" + airstrikes);
        String opened = admin.get("/admin/tags/" + airstrikes).html().selectFirst("form[action$=/link] input[name=version]").val();
        assertEquals(302, admin.post("/admin/tags/" + airstrikes + "/link", Map.of("language", "ar", "counterpart", "غارات-" + RUN)).status(),
                "named by its slug");

        admin.get("/admin/tags/" + airstrikes);
        Site.Page taken = admin.post("/admin/tags/" + airstrikes + "/link", Map.of("language", "ar", "counterpart", "قصف جوي " + RUN));
        assertEquals(400, taken.status());
        assertTrue(taken.html().selectFirst("p.error").text().startsWith("Not linked: this tag and its counterparts, and the other tag"),
                taken.html().selectFirst("p.error").text());
        assertEquals("قصف جوي " + RUN, taken.html().selectFirst("input#counterpart").val(), "what was typed is kept");
        Site.Page same = admin.post("/admin/tags/" + airstrikes + "/link", Map.of("language", "en", "counterpart", "Raids " + RUN));
        assertEquals(400, same.status());
        assertTrue(same.html().selectFirst("p.error").text().startsWith("A counterpart is a tag of another language"));
        Site.Page unknown = admin.post("/admin/tags/" + airstrikes + "/link", Map.of("language", "tr", "counterpart", "Hava saldırısı " + RUN));
        assertEquals(400, unknown.status());
        assertEquals("There is no tag of that name or address in that language.", unknown.html().selectFirst("p.error").text());
        Site.Page self = admin.post("/admin/tags/" + airstrikes + "/link", Map.of("language", "en", "counterpart", "AIRSTRIKES " + RUN));
        assertEquals("A tag cannot be its own counterpart.", self.html().selectFirst("p.error").text());
        assertEquals(List.of("AR: غارات " + RUN), admin.get("/admin/tags/" + airstrikes).html().select("ul.counterparts a").eachText(),
                "nothing changed");

        Site.Page stale = admin.postRaw("/admin/tags/" + airstrikes + "/unlink",
                Map.of("_csrf", admin.csrf(), "version", opened, "counterpart", String.valueOf(raids)));
        assertEquals(409, stale.status(), "sent from the page as it was before the link");
        assertEquals("Someone else changed this tag meanwhile", stale.h1());
        assertEquals("AR: غارات " + RUN, stale.html().select(".sides [data-field=counterparts]").first().selectFirst("dd").text());

        admin.get("/admin/tags/" + raids);
        Site.Page unlinked = admin.post("/admin/tags/" + raids + "/unlink", Map.of("counterpart", String.valueOf(airstrikes)));
        assertEquals(302, unlinked.status());
        assertEquals("Airstrikes " + RUN + " is no longer a counterpart of غارات " + RUN + ".",
                admin.follow("/admin/tags/" + raids).html().selectFirst(".flash").text());
        assertTrue(admin.get("/admin/tags/" + airstrikes).html().select("ul.counterparts").isEmpty());
        assertEquals(List.of("tag.unlinked", "tag.linked"), auditActions(airstrikes));
    }

    @Test
    void anArabicTagsOldAddressLeadsToItsNewArabicAddressWhileTheEnglishTagOfTheSameSlugKeepsItsPage() {
        long section = createSection("Daesh " + RUN, mediaCenter);
        createStatement("Daesh retreats " + RUN, section, "Daesh " + RUN, "publish");
        createStatement("ar", "انسحاب التنظيم " + RUN, section, "Daesh " + RUN, "publish");
        long arabic = tagId("ar", "daesh-" + RUN);
        long english = tagId("en", "daesh-" + RUN);

        admin.get("/admin/tags/" + arabic);
        assertEquals(302, admin.post("/admin/tags/" + arabic + "/rename", Map.of("name", "داعش " + RUN)).status());

        Site.Page old = Site.main().get("/ar/tag/daesh-" + RUN);
        assertEquals(301, old.status());
        assertEquals(Site.CONTEXT + encoded("/ar/tag/داعش-" + RUN), old.header("Location"));
        Site.Page englishPage = Site.main().get("/tag/daesh-" + RUN);
        assertEquals(200, englishPage.status(), "the English tag of that slug is untouched");
        assertEquals("Items tagged with: Daesh " + RUN, englishPage.h1());
        assertEquals(List.of("daesh-" + RUN), tagRowAt(admin.get("/admin/tags?language=ar").html(), "/ar/tag/داعش-" + RUN)
                .select(".old-slugs").eachText().stream().map(t -> t.replaceAll(".*: ", "")).toList());

        admin.get("/admin/tags/" + english);
        assertEquals(302, admin.post("/admin/tags/" + english + "/rename", Map.of("name", "ISIS " + RUN)).status());
        assertEquals(Site.CONTEXT + "/tag/isis-" + RUN, Site.main().get("/tag/daesh-" + RUN).header("Location"));
        assertEquals(Site.CONTEXT + encoded("/ar/tag/داعش-" + RUN), Site.main().get("/ar/tag/daesh-" + RUN).header("Location"),
                "the same old slug in each language leads to that language's tag");
    }

    @Test
    void aSecondEditorSavingASectionPageOpenedBeforeTheFirstSaveGetsBothVersionsAndTheFirstSaveStays() {
        long section = createSection("Front Line " + RUN, mediaCenter);
        Session second = Accounts.createAndLogin(admin, Accounts.unique("second-editor"), "EDITOR", "the second editor's passphrase");
        admin.get("/admin/sections/" + section);
        second.get("/admin/sections/" + section);

        assertEquals(302, admin.post("/admin/sections/" + section + "/rename", Map.of("name", "Front Line Reports " + RUN, "slug", "")).status());
        Site.Page conflict = second.post("/admin/sections/" + section + "/rename", Map.of("name", "Frontline " + RUN, "slug", ""));

        assertEquals(409, conflict.status());
        Document page = conflict.html();
        assertEquals("Someone else changed this section meanwhile", page.selectFirst("h1").text());
        assertTrue(page.selectFirst("main").text().contains("admin changed it"), "says who saved it");
        Element name = page.select(".sides [data-field=name]").first();
        assertEquals("Front Line Reports " + RUN, name.selectFirst("dd").text(), "what the other person saved");
        assertEquals("Frontline " + RUN, page.select(".sides [data-field=name]").last().selectFirst("input").val(), "what this person sent, to copy");
        assertNotNull(name.selectFirst(".differs"));
        assertEquals(200, Site.main().get("/media-center/front-line-reports-" + RUN).status(), "the first save is kept");
        assertEquals(404, Site.main().get("/media-center/frontline-" + RUN).status(), "nothing overwritten");
        assertEquals("Front Line Reports " + RUN, admin.get("/admin/sections/" + section).html().selectFirst("input#name").val());

        Element resend = page.selectFirst("form.resend");
        Map<String, String> again = new HashMap<>();
        resend.select("input[type=hidden]").forEach(i -> again.put(i.attr("name"), i.val()));
        assertEquals(302, second.postRaw(resend.attr("action").substring(Site.CONTEXT.length()), again).status(),
                "sent again over the saved version, the change is made");
        assertEquals(200, Site.main().get("/media-center/frontline-" + RUN).status());
    }

    @Test
    void aSecondEditorChangingATagPageOpenedBeforeTheFirstSaveGetsBothVersionsAndTheFirstSaveStays() {
        long section = createSection("Tag race " + RUN, mediaCenter);
        createStatement("Tag race draft " + RUN, section, "Daraa " + RUN, "save");
        long tag = tagId("daraa-" + RUN);
        Session second = Accounts.createAndLogin(admin, Accounts.unique("second-editor"), "EDITOR", "the second editor's passphrase");
        admin.get("/admin/tags/" + tag);
        second.get("/admin/tags/" + tag);

        assertEquals(302, admin.post("/admin/tags/" + tag + "/rename", Map.of("name", "Daraa Governorate " + RUN)).status());
        Site.Page conflict = second.post("/admin/tags/" + tag + "/rename", Map.of("name", "Deraa " + RUN));
        Site.Page staleDelete = second.post("/admin/tags/" + tag + "/delete", Map.of());

        assertEquals(409, conflict.status());
        assertEquals(409, staleDelete.status(), "a delete from the stale page is refused too");
        Document page = conflict.html();
        assertEquals("Someone else changed this tag meanwhile", page.selectFirst("h1").text());
        assertEquals("Daraa Governorate " + RUN, page.select(".sides [data-field=name]").first().selectFirst("dd").text());
        assertEquals("Deraa " + RUN, page.select(".sides [data-field=name]").last().selectFirst("input").val());
        assertEquals("/tag/daraa-governorate-" + RUN, page.select(".sides [data-field=address]").first().selectFirst("dd").text());
        Document list = admin.get("/admin/tags").html();
        assertEquals("Daraa Governorate " + RUN, tagRow(list, "daraa-governorate-" + RUN).selectFirst("th a").text(), "the first save is kept");
        assertTrue(list.select("table.tags td a").eachText().stream().noneMatch(t -> t.equals("/tag/deraa-" + RUN)));
    }

    @Test
    void aChangeWithoutAVersionOrWithAGarbledOneIsABadRequestAndChangesNothing() {
        long section = createSection("Versionless " + RUN, mediaCenter);
        createStatement("Versionless draft " + RUN, section, "Versionless " + RUN, "save");
        long tag = tagId("versionless-" + RUN);
        admin.get("/admin/sections/" + section);

        for (String version : List.of("", "abc", "-1", "99999999999999999999", "1.5")) {
            Site.Page rename = admin.post("/admin/sections/" + section + "/rename", Map.of("name", "Renamed " + RUN, "slug", "", "version", version));
            Site.Page delete = admin.post("/admin/tags/" + tag + "/delete", Map.of("version", version));
            assertEquals(400, rename.status(), "section version '" + version + "'");
            assertEquals(400, delete.status(), "tag version '" + version + "'");
            assertFalse(rename.body().contains("Exception") || delete.body().contains("Exception"));
        }
        Site.Page none = admin.postRaw("/admin/sections/" + section + "/archive", Map.of("_csrf", admin.csrf(), "archiveStyle", "FULL_TEXT"));
        assertEquals(400, none.status(), "no version at all");
        assertTrue(none.html().selectFirst("main").text().contains("does not say which version"), none.html().selectFirst("main").text());
        assertEquals(200, Site.main().get("/media-center/versionless-" + RUN).status(), "not renamed");
        assertEquals("TEASER", admin.get("/admin/sections/" + section).html().selectFirst("input[name=archiveStyle][checked]").val());
        assertEquals("Versionless " + RUN, tagRow(admin.get("/admin/tags").html(), "versionless-" + RUN).selectFirst("th a").text(), "not deleted");
    }

    // ---- what a test makes, and how it is removed again ----

    private final Map<String, Integer> answers = new HashMap<>();

    private String post(String path, String field, String value) {
        String key = "POST " + path + " " + field + "=" + (value.length() > 20 ? value.substring(0, 20) + "…" : value);
        Site.Page page = admin.post(path, Map.of(field, value));
        assertFalse(page.body().contains("Exception"), key);
        answers.put(key, page.status());
        return key;
    }

    private String get(String path) {
        answers.put("GET " + path, admin.get(path).status());
        return "GET " + path;
    }

    /** Creates a section (slug from the name) and removes it when the test ends. */
    private long createSection(String name, long parentId) {
        admin.get("/admin/sections");
        Site.Page answer = admin.post("/admin/sections", Map.of("name", name, "slug", "", "parentId", String.valueOf(parentId)));
        assertEquals(302, answer.status(), "section " + name + " created");
        Element link = admin.get("/admin/sections").html().select("table.sections th[scope=row] a").stream()
                .filter(a -> a.text().equals(name)).reduce((first, second) -> second).orElseThrow();
        long id = Long.parseLong(link.attr("href").replaceAll(".*/", ""));
        cleanup.add(() -> {
            admin.get("/admin/sections/" + id);
            assertEquals(302, admin.post("/admin/sections/" + id + "/delete", Map.of()).status(), "section " + name + " deleted");
        });
        return id;
    }

    /** Writes a statement through the editor; it is trashed and deleted for good, and its tags deleted, when the test ends. */
    private long createStatement(String title, long sectionId, String tags, String action) {
        return createStatement("en", title, sectionId, tags, action);
    }

    /** {@link #createStatement(String, long, String, String)} in a language, its tags words of that language. */
    private long createStatement(String language, String title, long sectionId, String tags, String action) {
        admin.get("/admin/statements/new");
        Site.Page answer = admin.post("/admin/statements/new", Map.of("title", title, "body", "<p>About " + title + ".</p>",
                "sectionId", String.valueOf(sectionId), "tags", tags, "source", "Integration test", "action", action,
                "language", language));
        assertEquals(302, answer.status(), "statement " + title + " saved");
        long id = Long.parseLong(answer.header("Location").replaceAll(".*/", ""));
        cleanup.add(this::deleteThisRunsTags);
        cleanup.add(() -> deleteStatement(id));
        return id;
    }

    private void deleteStatement(long id) {
        String version = admin.get("/admin/statements/" + id).html().selectFirst("input[name=version]").val();
        assertEquals(302, admin.post("/admin/statements/" + id, Map.of("version", version, "action", "trash")).status());
        admin.get("/admin/statements/" + id);
        assertEquals(302, admin.post("/admin/statements/" + id + "/delete", Map.of()).status());
    }

    /** Deletes the tags this run made that are still there (a test may have merged or deleted some already). */
    private void deleteThisRunsTags() {
        for (Element row : admin.get("/admin/tags").html().select("table.tags tbody tr")) {
            if (row.selectFirst("td a").text().endsWith("-" + RUN)) {
                String page = row.selectFirst("th a").attr("href").substring(Site.CONTEXT.length());
                admin.get(page);
                assertEquals(302, admin.post(page + "/delete", Map.of()).status());
            }
        }
    }

    static long sectionId(String path) {
        Element row = admin.get("/admin/sections").html().select("table.sections tbody tr").stream()
                .filter(r -> r.selectFirst("td a").text().equals(path)).findFirst().orElseThrow();
        return Long.parseLong(row.selectFirst("th a").attr("href").replaceAll(".*/", ""));
    }

    /** A section's row in the section tree, as the admin reads it now. */
    private static Element sectionRow(long id) {
        return admin.get("/admin/sections").html().select("table.sections tbody tr").stream()
                .filter(r -> r.selectFirst("th a").attr("href").endsWith("/admin/sections/" + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + id + " in the tree"));
    }

    private static long tagId(String slug) {
        return Long.parseLong(tagRow(admin.get("/admin/tags").html(), slug).selectFirst("th a").attr("href").replaceAll(".*/", ""));
    }

    private static Element tagRow(Document list, String slug) {
        return tagRowAt(list, "/tag/" + slug);
    }

    /** The row of the tag at a public address as the list shows it, e.g. /ar/tag/قصف. */
    private static Element tagRowAt(Document list, String address) {
        return list.select("table.tags tbody tr").stream()
                .filter(r -> r.selectFirst("td a").text().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no tag " + address + " in the list"));
    }

    /** A language's tag, from that language's list. */
    private static long tagId(String language, String slug) {
        String address = (language.equals("en") ? "" : "/" + language) + "/tag/" + slug;
        return Long.parseLong(tagRowAt(admin.get("/admin/tags?language=" + language).html(), address)
                .selectFirst("th a").attr("href").replaceAll(".*/", ""));
    }

    /** What the audit log holds about a tag, newest first. */
    private static List<String> auditActions(long tag) {
        return admin.get("/admin/audit?target=" + tag + "&action=tag.").html().select("table td.action").eachText();
    }

    /** A path as a Location header or a link carries it, percent-encoded. */
    private static String encoded(String path) {
        try {
            return new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    /** The tags field of the statement's editor, as an editor would read it. */
    private static String tagsOf(long statement) {
        return admin.get("/admin/statements/" + statement).html().selectFirst("input#tags").val();
    }

    private static List<String> subsections(String path) {
        return Site.main().get(path).html().select(".subsections li > a").eachText();
    }
}
