package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An author's hostile markup in every field of a statement (title, slug, lead, body, tags,
 * source) and in a search query must stay text wherever it is shown: public pages, feeds,
 * sitemaps, JSON-LD, search results, admin lists, revisions and the audit log. Checked in the
 * markup, and for the worst places in Chromium (no dialog opens, no script runs).
 */
class StoredXssIT {

    /** Payloads that escaped naive escaping or sanitising somewhere before. */
    static final List<String> PAYLOADS = List.of(
            "<script>alert('x1')</script>",
            "<img src=x onerror=alert('x2')>",
            "<svg><script>alert('x3')</script></svg>",
            "<a href=\"jav&#x09;ascript:alert('x4')\">j</a>",
            "<iframe srcdoc=\"<script>alert('x5')</script>\"></iframe>",
            "<noscript><style></noscript><img src=x onerror=alert('x6')>",
            "<select><style></select><img src=x onerror=alert('x7')>",
            "<div data-x=\"1\" onmouseover=\"alert('x8')\">m</div>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert('x9')>",
            "]]><script>alert('x10')</script>",
            "</script><script>alert('x11')</script>",
            "\" onfocus=\"alert('x12')\" autofocus=\"");
    static final String ALL = String.join(" ", PAYLOADS);

    static Session admin;
    static long id;
    static String url;

    @BeforeAll
    static void hostileStatement() {
        admin = Session.admin();
        String run = Long.toString(System.nanoTime(), 36);
        admin.get("/admin/statements/new");
        Site.Page saved = admin.post("/admin/statements/new", Map.of(
                "title", "Hostile " + run + " " + PAYLOADS.get(0) + PAYLOADS.get(10),
                "slug", "<script>alert('slug')</script>",
                "lead", "Lead " + ALL,
                "body", "<p>Body " + run + "</p>" + ALL,
                "tags", "xss-" + run + ", " + PAYLOADS.get(1).replace(",", " ") + ", " + PAYLOADS.get(0),
                "source", "Source " + PAYLOADS.get(11) + PAYLOADS.get(2),
                "sectionId", EditorialIT.sectionId(admin, "Coalition News"),
                "action", "publish"));
        assertEquals(302, saved.status(), saved.body());
        id = Long.parseLong(saved.header("Location").replaceAll(".*/(\\d+)$", "$1"));
        Map<String, String> form = EditorialIT.editorForm(admin, id);
        form.put("lead", "Edited " + ALL);
        form.put("action", "save");
        assertEquals(302, admin.post("/admin/statements/" + id, form).status());
        url = Site.main().get("/media-center/coalition-news/item/" + id).header("Location").substring(Site.main().context().length());
    }

    @AfterAll
    static void trash() {
        Map<String, String> form = EditorialIT.editorForm(admin, id);
        form.put("action", "trash");
        admin.post("/admin/statements/" + id, form);
    }

    @Test
    void nothingExecutableAppearsAnywhereTheStatementIsShown() {
        String tagPath = Site.main().get(url).html().select("article .tags a").stream()
                .map(a -> a.attr("href").substring(Site.main().context().length())).findFirst().orElseThrow();
        List<String> publicPaths = List.of(url, "/media-center/coalition-news", "/", tagPath, "/tag",
                "/feed.rss", "/feed.atom", "/media-center/coalition-news/feed.rss", tagPath + "/feed.atom",
                "/sitemap.xml", "/sitemap-1.xml", "/sitemap-news.xml",
                "/search?q=hostile", "/search?q=" + java.net.URLEncoder.encode(PAYLOADS.get(1), java.nio.charset.StandardCharsets.UTF_8));
        List<String> adminPaths = List.of("/admin/statements", "/admin/statements/" + id, "/admin/statements/" + id + "/revisions?a=1&b=2",
                "/admin/statements/" + id + "/preview", "/admin", "/admin/audit", "/admin/tags");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String path : publicPaths) {
            checked += check(Site.main().get(path), path, problems);
        }
        for (String path : adminPaths) {
            checked += check(admin.get(path), path, problems);
        }
        System.out.println("[bayan] stored XSS: " + PAYLOADS.size() + " payloads in 6 fields and a query, "
                + checked + " places checked");
        assertEquals(List.of(), problems);
    }

    @Test
    void jsonLdCannotBeBrokenOutOf() {
        String html = Site.main().get(url).body();
        int start = html.indexOf("application/ld+json");
        assertTrue(start > 0);
        String block = html.substring(start, html.indexOf("</script>", start));
        assertTrue(!block.contains("<script") && !block.contains("</"), block);
    }

    @Test
    void inChromiumNoDialogOpensAndNoScriptRuns() throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            for (String path : List.of(url, "/search?q=hostile", "/media-center/coalition-news", "/tag")) {
                browser.get(Site.main().url(path));
                Thread.sleep(300);
                boolean dialog;
                try {
                    browser.switchTo().alert();
                    dialog = true;
                } catch (org.openqa.selenium.NoAlertPresentException expected) {
                    dialog = false;
                }
                assertTrue(!dialog, "a dialog opened on " + path);
                assertTrue(browser.findElement(org.openqa.selenium.By.tagName("h1")).getText().length() > 0, path);
            }
        } finally {
            browser.quit();
        }
    }

    static int check(Site.Page page, String path, List<String> problems) {
        if (page.status() != 200) {
            problems.add(path + " answered " + page.status());
            return 0;
        }
        String type = page.header("Content-Type");
        if (type != null && type.contains("xml")) {
            // Feeds carry HTML as escaped text: what it decodes to must be as harmless as a page.
            // (Titles are plain text in RSS and Atom, shown as text by feed readers.)
            org.jsoup.nodes.Document xml = org.jsoup.Jsoup.parse(page.body(), "", org.jsoup.parser.Parser.xmlParser());
            if (!xml.select("script, iframe, img[onerror]").isEmpty()) problems.add(path + " has live elements in its XML");
            for (org.jsoup.nodes.Element e : xml.select("description, content, summary")) {
                inspect(org.jsoup.Jsoup.parseBodyFragment(e.text()), path + " <" + e.tagName() + ">", problems);
            }
        } else {
            inspect(page.html(), path, problems);
        }
        return 1;
    }

    /** Live markup an attacker could have planted: scripts, handlers, frames, javascript: links. */
    static void inspect(org.jsoup.nodes.Document d, String where, List<String> problems) {
        for (org.jsoup.nodes.Element script : d.select("script")) {
            boolean ours = script.attr("type").equals("application/ld+json")
                    || script.attr("src").contains("/static/") || script.attr("src").contains("/webjars/");
            if (!ours) problems.add(where + ": a script element");
        }
        for (org.jsoup.nodes.Element e : d.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                if (a.getKey().toLowerCase().startsWith("on")) problems.add(where + ": handler " + a.getKey() + " on <" + e.tagName() + ">");
                if ((a.getKey().equals("href") || a.getKey().equals("src"))
                        && a.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase().startsWith("javascript:")) {
                    problems.add(where + ": javascript: link");
                }
            }
        }
        if (!d.select("iframe, object, embed, svg, math").isEmpty()) problems.add(where + ": an embedded frame or svg");
    }
}
