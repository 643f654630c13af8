package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.testing.SampleFiles;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The site's identity set by an admin at {@code /admin/site}, over HTTP on a Tomcat of its own
 * (the shared one's pages must keep the settings' name): the organisation's name in titles, the
 * header, og:site_name, feeds, the news sitemap and JSON-LD; its logo in the header and as the
 * publisher's logo; its favicon; the picture shared for a statement without one; each refusal
 * with its reason and nothing saved; and the files it uses kept from deletion.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteIdentityIT {

    static final String PASSWORD = "site-identity-password-2026";
    static final String NAME = "Coalition Media Office";
    static final String ARABIC_NAME = "مكتب إعلام الائتلاف";

    static OwnTomcat server;
    static Process tomcat;
    static Site site;
    static Session admin;
    static long logo;
    static long favicon;
    static long share;
    static long wide;
    static long document;
    static long plain; // a published statement without a photo

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of("target", "site-identity-home").toAbsolutePath();
        OwnTomcat.deleteTree(home);
        server = new OwnTomcat("site-identity", List.of("-Dbayan.home=" + home, "-Dbayan.admin.password=" + PASSWORD,
                "-Dbayan.backup.interval=0"));
        tomcat = server.start(1);
        server.awaitReady(tomcat, 1);
        site = server.site();
        admin = Session.login(site, "admin", PASSWORD);
        logo = uploaded("logo.png", SampleFiles.png(600, 200));
        favicon = uploaded("icon.png", SampleFiles.png(256, 256));
        share = uploaded("share.jpg", SampleFiles.jpeg(1600, 900));
        wide = uploaded("banner.jpg", SampleFiles.jpeg(900, 300));
        document = uploaded("report.pdf", SampleFiles.pdfWithMetadata());
        admin.get("/admin/statements/new");
        String section = admin.get("/admin/statements/new").html().select("select[name=sectionId] option[value]").stream()
                .map(o -> o.attr("value")).filter(v -> !v.isEmpty()).findFirst().orElseThrow();
        Site.Page saved = admin.post("/admin/statements/new", Map.of("title", "A statement without a photo", "body",
                "<p>Words alone.</p>", "sectionId", section, "tags", "", "source", "Media Department", "action", "publish",
                "language", "en"));
        assertEquals(302, saved.status(), saved.body());
        plain = Long.parseLong(saved.header("Location").replaceAll(".*/", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.destroy();
            tomcat.waitFor();
        }
    }

    static long uploaded(String name, byte[] bytes) {
        admin.get("/admin/media");
        Site.Page answer = admin.upload("/admin/media", Map.of(), List.of(Session.Upload.of(name, bytes)), "Accept", "application/json");
        JsonObject file = JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonArray("files").get(0).getAsJsonObject();
        assertTrue(file.get("ok").getAsBoolean(), name + ": " + file);
        return file.get("id").getAsLong();
    }

    /** Sends the identity page's form with these fields changed, as the page was just shown. */
    static Site.Page save(Map<String, String> changes) {
        Document page = admin.get("/admin/site").html();
        Map<String, String> fields = new HashMap<>();
        for (Element input : page.select("form[action$=/admin/site] input")) {
            String name = input.attr("name");
            if (name.equals("_csrf") || name.equals("version")) continue;
            if (input.attr("type").equals("radio")) {
                if (input.hasAttr("checked")) fields.put(name, input.val());
            } else {
                fields.put(name, input.val());
            }
        }
        fields.putAll(changes);
        return admin.post("/admin/site", fields);
    }

    /** The public address of the statement without a photo, as the site's feed links it. */
    static String plainStatement() {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<link>https?://[^/<]+(/[^<]*/item/" + plain + "-[^<]*)</link>")
                .matcher(site.get("/feed.rss").body());
        assertTrue(link.find(), "the statement is in the feed");
        return link.group(1);
    }

    static JsonObject jsonLd(Document page) {
        return JsonParser.parseString(page.selectFirst("script[type=application/ld+json]").data()).getAsJsonObject();
    }

    @Test
    @Order(1)
    void untilAnAdminSaysOtherwiseTheSettingsNameTheSiteWithBayansIcon() {
        Document home = site.get("/").html();
        assertTrue(home.title().endsWith(" | " + DiscoveryIT.SITE_NAME), home.title());
        assertNull(home.selectFirst(".site-logo"), "no logo until one is chosen");
        assertEquals("/favicon.ico", home.selectFirst("link[rel=icon]").attr("href"));
        Document statement = site.get(plainStatement()).html();
        assertNull(statement.selectFirst("meta[property=og:image]"), "no picture to share yet");
        assertEquals("summary", statement.selectFirst("meta[name=twitter:card]").attr("content"));
    }

    @Test
    @Order(2)
    void refusalsSayWhyAndSaveNothing() {
        Map<String, String> sentences = Map.of(
                "logoId", "This file is a document, not a photo.",
                "faviconId", "A favicon must be square and at least 48 pixels wide: choose a square photo.",
                "shareImageId", "This photo is narrower than 1200 pixels, which search engines and social networks ask for.");
        Map<String, Long> files = Map.of("logoId", document, "faviconId", wide, "shareImageId", wide);
        for (var field : files.entrySet()) {
            Site.Page refused = save(Map.of("name-en", NAME, field.getKey(), String.valueOf(field.getValue())));
            assertEquals(400, refused.status(), field.getKey());
            Document page = refused.html();
            assertEquals(sentences.get(field.getKey()), page.selectFirst("#" + field.getKey() + "-error").text());
            assertEquals(NAME, page.selectFirst("input[name=name-en]").val(), "the form keeps what was typed");
        }
        Site.Page unknown = save(Map.of("logoId", "987654"));
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("This file is not in the media library (any more)."));
        Site.Page control = save(Map.of("name-en", "Coalition\u0007Office"));
        assertEquals(400, control.status());
        assertEquals(400, save(Map.of("name-en", "x".repeat(201))).status());
        assertTrue(site.get("/").html().title().endsWith(" | " + DiscoveryIT.SITE_NAME), "nothing was saved");
        assertFalse(admin.get("/admin/audit").body().contains("site.changed"), "nothing was recorded");
    }

    @Test
    @Order(3)
    void onlyAnAdminWithTheFormsTokenChangesIt() {
        Session editor = Accounts.createAndLogin(admin, "site-editor", "EDITOR", "site-editor-password-2026");
        assertEquals(403, editor.get("/admin/site").status());
        assertEquals(403, editor.post("/admin/site", Map.of("name-en", "Taken over", "version", "0")).status());
        assertEquals(403, admin.postRaw("/admin/site", Map.of("name-en", "Taken over", "version", "0")).status(),
                "no CSRF token: refused");
        assertFalse(site.get("/").html().title().contains("Taken over"));
        assertTrue(editor.get("/admin").html().select("nav a[href$=/admin/site]").isEmpty(), "an editor is not offered the page");
        assertFalse(admin.get("/admin").html().select("nav a[href$=/admin/site]").isEmpty(), "an admin is");
    }

    @Test
    @Order(4)
    void everySurfaceNamesTheOrganisationAndShowsItsPictures() throws Exception {
        Site.Page saved = save(Map.of("name-en", "  " + NAME + " ", "name-ar", ARABIC_NAME, "logoId", String.valueOf(logo),
                "faviconId", String.valueOf(favicon), "shareImageId", String.valueOf(share)));
        assertEquals(302, saved.status(), saved.body());
        Document form = admin.get("/admin/site").html();
        assertEquals(NAME, form.selectFirst("input[name=name-en]").val(), "kept trimmed");
        assertEquals(String.valueOf(logo), form.selectFirst("input[name=logoId][checked]").val());

        Document home = site.get("/").html();
        assertTrue(home.title().endsWith(" | " + NAME), home.title());
        assertEquals(NAME, home.selectFirst(".site-name span").text());
        assertTrue(home.selectFirst(".site-footer").text().contains(NAME));
        Element logoImg = home.selectFirst("img.site-logo");
        assertNotNull(logoImg, "the header shows the logo");
        assertEquals("", logoImg.attr("alt"), "the name beside it is the text");
        assertEquals("320", logoImg.attr("width"), "the smallest size at least 112 pixels high");
        assertEquals("107", logoImg.attr("height"), "its proportions kept (600×200 at 320 wide)");
        assertEquals(200, site.get(logoImg.attr("src")).status(), "the logo is served");
        Element icon = home.selectFirst("link[rel=icon]");
        assertTrue(icon.attr("href").matches("/media/[0-9a-f]{64}/w256\\.png"), icon.attr("href"));
        assertEquals("256x256", icon.attr("sizes"));
        assertEquals(icon.attr("href"), home.selectFirst("link[rel=apple-touch-icon]").attr("href"));
        assertTrue(home.select("link[href=/static/img/favicon.svg]").isEmpty(), "Bayan's icon gives way");

        assertTrue(site.get("/ar/").html().title().endsWith(" | " + ARABIC_NAME), "Arabic pages take the Arabic name");
        String turkish = form.selectFirst("input[name=name-tr]").attr("placeholder");
        assertEquals("Suriye Ulusal Koalisyonu", turkish, "the field left empty shows the settings' name");
        assertTrue(site.get("/tr/").html().title().endsWith(" | " + turkish), "which Turkish pages keep");

        String rss = site.get("/feed.rss").body();
        assertTrue(rss.contains("<title>Latest statements | " + NAME + "</title>"), rss.substring(0, Math.min(600, rss.length())));
        String atom = site.get("/feed.atom").body();
        assertTrue(atom.contains("<name>" + NAME + "</name>"), "the feed's author");
        org.w3c.dom.Document news = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(site.get("/sitemap-news.xml").body())));
        List<String> names = DiscoveryIT.texts(news, DiscoveryIT.NEWS_NS, "name");
        assertFalse(names.isEmpty(), "the statement of today is in the news sitemap");
        assertTrue(names.stream().allMatch(NAME::equals), names.toString());

        Document statement = site.get(plainStatement()).html();
        assertEquals(NAME, statement.selectFirst("meta[property=og:site_name]").attr("content"));
        String shared = statement.selectFirst("meta[property=og:image]").attr("content");
        assertTrue(shared.matches("http://localhost:[0-9]+/media/[0-9a-f]{64}/social\\.jpg"), shared);
        assertEquals("1200", statement.selectFirst("meta[property=og:image:width]").attr("content"));
        assertEquals("630", statement.selectFirst("meta[property=og:image:height]").attr("content"));
        assertEquals("summary_large_image", statement.selectFirst("meta[name=twitter:card]").attr("content"));
        assertEquals(200, site.get(java.net.URI.create(shared).getPath()).status());
        JsonObject article = jsonLd(statement);
        assertEquals(shared, article.getAsJsonObject("image").get("url").getAsString(), "search engines get the site's picture too");
        JsonObject publisher = article.getAsJsonObject("publisher");
        assertEquals(NAME, publisher.get("name").getAsString());
        JsonObject publisherLogo = publisher.getAsJsonObject("logo");
        assertEquals("ImageObject", publisherLogo.get("@type").getAsString());
        assertTrue(publisherLogo.get("url").getAsString().endsWith(logoImg.attr("src")), publisherLogo.toString());

        // A statement with a photo of its own keeps sharing it.
        String demo = site.get("/").html().select(".listing .entry a[href*=/item/]").eachAttr("href").stream()
                .filter(h -> !h.contains("/item/" + plain + "-")).findFirst().orElseThrow();
        Document withPhoto = site.get(demo.replaceFirst("^https?://[^/]+", "")).html();
        assertFalse(withPhoto.selectFirst("meta[property=og:image]").attr("content").equals(shared), "its own photo");
        assertTrue(admin.get("/admin/audit").body().contains("site.changed"), "the change is in the audit log");
    }

    @Test
    @Order(5)
    void aFileReplacedOrDescribedInTheLibraryShowsAtOnce() {
        String before = site.get("/").html().selectFirst("img.site-logo").attr("src");
        admin.get("/admin/media/" + logo);
        Site.Page replaced = admin.upload("/admin/media/" + logo + "/replace", Map.of(),
                List.of(new Session.Upload("file", "logo-2.png", "image/png", SampleFiles.png(660, 220))));
        assertEquals(302, replaced.status(), replaced.body());
        Element now = site.get("/").html().selectFirst("img.site-logo");
        assertFalse(now.attr("src").equals(before), "the header shows the new file");
        assertEquals("640", now.attr("width"), "its own sizes: 640 wide is the first at least 112 high");
        assertEquals(200, site.get(now.attr("src")).status());

        Document file = admin.get("/admin/media/" + share).html();
        Map<String, String> words = new HashMap<>(Map.of("fileName", "share.jpg", "altText", "The coalition's emblem on a blue field",
                "caption", "", "credit", ""));
        words.put("version", file.selectFirst("form.describe input[name=version]").val());
        assertEquals(302, admin.post("/admin/media/" + share + "/describe", words).status());
        assertEquals("The coalition's emblem on a blue field",
                site.get(plainStatement()).html().selectFirst("meta[property=og:image:alt]").attr("content"));
    }

    @Test
    @Order(6)
    void aFileTheSiteUsesCannotBeDeletedAndSaysWhere() {
        Document file = admin.get("/admin/media/" + logo).html();
        assertTrue(file.select("ul.uses li").eachText().contains("The site's identity (logo)"), file.select("ul.uses").text());
        Site.Page refused = admin.post("/admin/media/" + logo + "/delete", Map.of());
        assertEquals(409, refused.status());
        assertEquals(200, admin.get("/admin/media/" + logo).status(), "still there");
    }

    @Test
    @Order(7)
    void aStaleFormIsRefusedWithBothSides() {
        Document first = admin.get("/admin/site").html();
        String old = first.selectFirst("form[action$=/admin/site] input[name=version]").val();
        assertEquals(302, save(Map.of("name-tr", "Koalisyon Medya Ofisi")).status());
        Site.Page stale = admin.postRaw("/admin/site", Map.of("_csrf", first.selectFirst("input[name=_csrf]").val(),
                "version", old, "name-en", "Overwritten"));
        assertEquals(409, stale.status());
        assertTrue(stale.body().contains("Koalisyon Medya Ofisi"), "the saved side is shown");
        assertTrue(site.get("/").html().title().endsWith(" | " + NAME), "nothing overwritten");
        assertTrue(site.get("/tr/").html().title().endsWith(" | Koalisyon Medya Ofisi"));
    }

    @Test
    @Order(8)
    void clearedTheSettingsNameTheSiteAgain() {
        assertEquals(302, save(Map.of("name-en", "", "name-ar", "", "name-tr", "", "logoId", "", "faviconId", "",
                "shareImageId", "")).status());
        Document home = site.get("/").html();
        assertTrue(home.title().endsWith(" | " + DiscoveryIT.SITE_NAME), home.title());
        assertNull(home.selectFirst(".site-logo"));
        assertEquals("/favicon.ico", home.selectFirst("link[rel=icon]").attr("href"));
        assertNull(site.get(plainStatement()).html().selectFirst("meta[property=og:image]"));
        Site.Page deleted = admin.get("/admin/media/" + logo).status() == 200
                ? admin.post("/admin/media/" + logo + "/delete", Map.of()) : null;
        assertNotNull(deleted);
        assertEquals(302, deleted.status(), "no longer used, the logo can go");
    }
}
