package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bayan.testing.SampleFiles;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The media library over HTTP on the built WAR: uploads and their refusals, the files served
 * with their headers, a photo's metadata gone from every size, roles, CSRF, and a statement's
 * featured image and attachments on the pages readers and sharing sites see.
 */
class MediaIT {

    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static Session admin;
    static Session editor;
    static Session author;
    static Session otherAuthor;

    @BeforeAll
    static void accounts() {
        admin = Session.admin();
        editor = Accounts.createAndLogin(admin, "med-" + RUN, "EDITOR", "editor-password-" + RUN);
        author = Accounts.createAndLogin(admin, "mau-" + RUN, "AUTHOR", "author-password-" + RUN);
        otherAuthor = Accounts.createAndLogin(admin, "mot-" + RUN, "AUTHOR", "other-password-" + RUN);
    }

    /** Uploads one file as the page's script does; returns the server's answer for it. */
    static JsonObject upload(Session who, String name, byte[] bytes) {
        who.get("/admin/media");
        Site.Page answer = who.upload("/admin/media", Map.of(), List.of(Session.Upload.of(name, bytes)), "Accept", "application/json");
        JsonObject file = JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonArray("files").get(0).getAsJsonObject();
        assertEquals(file.get("ok").getAsBoolean() ? 200 : 400, answer.status(), answer.body());
        return file;
    }

    static long uploaded(Session who, String name, byte[] bytes) {
        JsonObject file = upload(who, name, bytes);
        assertTrue(file.get("ok").getAsBoolean(), name + ": " + file);
        return file.get("id").getAsLong();
    }

    static int libraryTotal() {
        String text = admin.get("/admin/media").html().select("main p").eachText().stream()
                .filter(t -> t.startsWith("Files: ")).findFirst().orElse("Files: 0");
        return Integer.parseInt(text.substring("Files: ".length()).replace(",", ""));
    }

    static HttpResponse<byte[]> fetch(String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Site.main().url(path))).GET();
            for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The addresses of every size the file's page links, social card included. */
    static List<String> sizes(long id) {
        return admin.get("/admin/media/" + id).html().select("ul.sizes a").eachAttr("href").stream()
                .map(h -> h.substring(Site.main().context().length())).toList();
    }

    @Test
    void thePlainFormTakesSeveralFilesAtOnceAndSaysWhatBecameOfEach() {
        admin.get("/admin/media");
        Site.Page answer = admin.upload("/admin/media", Map.of(), List.of(
                Session.Upload.of("river-" + RUN + ".jpg", SampleFiles.jpeg(1200, 800)),
                Session.Upload.of("logo-" + RUN + ".png", SampleFiles.png(500, 500)),
                Session.Upload.of("notes-" + RUN + ".jpg", SampleFiles.HTML)));
        assertEquals(302, answer.status());
        Document library = admin.get("/admin/media").html();
        List<String> results = library.select(".upload-results li").eachText();
        assertTrue(results.contains("river-" + RUN + ".jpg: Uploaded."), results.toString());
        assertTrue(results.contains("logo-" + RUN + ".png: Uploaded."), results.toString());
        assertTrue(results.stream().anyMatch(r -> r.startsWith("notes-" + RUN + ".jpg: Not a JPEG, PNG, WebP, GIF or PDF file")),
                results.toString());
        assertTrue(library.select(".media-grid .name").eachText().containsAll(List.of("river-" + RUN + ".jpg", "logo-" + RUN + ".png")));
        assertFalse(library.select(".media-grid .name").eachText().contains("notes-" + RUN + ".jpg"), "the refused file is not in the library");
    }

    @Test
    void eachAcceptedTypeIsKeptAndServedWithItsTypeForAYear() {
        for (var sample : List.of(Map.entry("a.jpg", SampleFiles.jpeg(900, 600)), Map.entry("b.png", SampleFiles.png(300, 200)),
                Map.entry("c.gif", SampleFiles.gif(200, 100)), Map.entry("d.webp", SampleFiles.webp()))) {
            long id = uploaded(editor, RUN + sample.getKey(), sample.getValue());
            String first = sizes(id).get(0);
            HttpResponse<byte[]> file = fetch(first);
            assertEquals(200, file.statusCode(), first);
            assertEquals(sample.getKey().endsWith("png") ? "image/png" : "image/jpeg", file.headers().firstValue("Content-Type").orElse(null));
            assertEquals("public, max-age=31536000, immutable", file.headers().firstValue("Cache-Control").orElse(null));
            assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(null));
            String etag = file.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, fetch(first, "If-None-Match", etag).statusCode(), "a browser that has it is told so");
        }
    }

    @Test
    void aCameraPhotoServedInEverySizeHasNoGpsPositionSerialNumberOrPhotographer() throws Exception {
        long id = uploaded(author, "field-" + RUN + ".jpg", SampleFiles.cameraJpeg(1800, 1000));
        Document page = admin.get("/admin/media/" + id).html();
        assertEquals(List.of("Dimensions", "1000×1800"), List.of(page.select("dl.facts dt").get(2).text(), page.select("dl.facts dd").get(2).text()),
                "turned upright as the camera said");
        List<String> sizes = sizes(id);
        assertEquals(3, sizes.size(), "320 and 640 wide (the photo is 1000 wide) and the social card: " + sizes);
        for (String size : sizes) {
            byte[] bytes = fetch(size).body();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(SampleFiles.SERIAL), size);
            assertFalse(text.contains(SampleFiles.PHOTOGRAPHER), size);
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            assertTrue(metadata.getDirectoriesOfType(GpsDirectory.class).isEmpty(), size + " holds a GPS position");
        }
    }

    @Test
    void aPdfIsADownloadUnderItsArabicNameWithoutItsAuthor() {
        long id = uploaded(editor, "بيان-" + RUN + ".pdf", SampleFiles.pdfWithMetadata());
        String href = admin.get("/admin/media/" + id).html().selectFirst("main a[href*=/media/]").attr("href");
        HttpResponse<byte[]> pdf = fetch(href.substring(Site.main().context().length()));
        assertEquals(200, pdf.statusCode(), href);
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(null));
        String disposition = pdf.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment;"), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''" + java.net.URLEncoder.encode("بيان-" + RUN + ".pdf", StandardCharsets.UTF_8)),
                disposition);
        assertTrue(pdf.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"), "sandboxed");
        assertFalse(new String(pdf.body(), StandardCharsets.ISO_8859_1).contains(SampleFiles.PDF_AUTHOR), "the author's name is gone");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "svg, picture.svg, Not a JPEG, PNG, WebP, GIF or PDF file",
            "html, photo.jpg, Not a JPEG, PNG, WebP, GIF or PDF file",
            "zip, photos.zip, Not a JPEG, PNG, WebP, GIF or PDF file",
            "exe, setup.exe, Not a JPEG, PNG, WebP, GIF or PDF file",
            "empty, empty.jpg, The file is empty.",
            "polyglot, funny.gif, The file hides a web page or a script inside it",
            "truncated, cut.jpg, The file is damaged or cut short",
            "pixels, huge.png, The photo is 10000×8000 pixels, more than the 50 megapixels",
            "password, locked.pdf, The PDF is protected with a password"})
    void aRefusedFileIsNamedWithItsReasonAndNothingIsKept(String kind, String name, String message) {
        byte[] bytes = switch (kind) {
            case "svg" -> SampleFiles.SVG;
            case "html" -> SampleFiles.HTML;
            case "zip" -> SampleFiles.ZIP;
            case "exe" -> SampleFiles.EXE;
            case "empty" -> new byte[0];
            case "polyglot" -> SampleFiles.polyglot();
            case "truncated" -> SampleFiles.truncated(SampleFiles.jpeg(1600, 1200));
            case "pixels" -> SampleFiles.pngClaiming(10_000, 8_000);
            default -> SampleFiles.pdfWithPassword();
        };
        int before = libraryTotal();
        JsonObject answer = upload(author, RUN + name, bytes);
        assertFalse(answer.get("ok").getAsBoolean());
        assertTrue(answer.get("message").getAsString().startsWith(message.replace("10000", "10,000").replace("8000", "8,000"))
                || answer.get("message").getAsString().startsWith(message), answer.toString());
        assertEquals(before, libraryTotal(), "nothing added to the library");
    }

    @Test
    void aFileOverTheLimitIsRefusedByNameWhileTheOthersAreKept() {
        byte[] big = new byte[26 * 1024 * 1024];
        System.arraycopy(SampleFiles.jpeg(10, 10), 0, big, 0, 100);
        author.get("/admin/media");
        Site.Page answer = author.upload("/admin/media", Map.of(), List.of(Session.Upload.of("big-" + RUN + ".jpg", big),
                Session.Upload.of("small-" + RUN + ".jpg", SampleFiles.jpeg(400, 300))), "Accept", "application/json");
        assertEquals(400, answer.status());
        var files = JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonArray("files");
        assertEquals("Larger than 25 MB.", files.get(0).getAsJsonObject().get("message").getAsString());
        assertTrue(files.get(1).getAsJsonObject().get("ok").getAsBoolean(), "the small one is kept");
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefusedAndEveryUploadFormCarriesIt() {
        int before = libraryTotal();
        Session fresh = new Session(Site.main());
        Site.Page forged = fresh.upload("/admin/media", Map.of(), List.of(Session.Upload.of("forged.jpg", SampleFiles.jpeg(50, 50))));
        assertEquals(403, forged.status());
        assertEquals(before, libraryTotal());
        long id = uploaded(admin, "forms-" + RUN + ".jpg", SampleFiles.jpeg(400, 300));
        for (String page : List.of("/admin/media", "/admin/media/" + id)) {
            for (Element form : admin.get(page).html().select("form[method=post]")) {
                assertNotNull(form.selectFirst("input[name=_csrf]"), page + ": " + form.attr("action"));
            }
        }
    }

    @Test
    void authorsDescribeTheirOwnFilesEditorsEveryFileAndOnlyAdminsDelete() {
        long theirs = uploaded(otherAuthor, "theirs-" + RUN + ".jpg", SampleFiles.jpeg(400, 300));
        long own = uploaded(author, "own-" + RUN + ".jpg", SampleFiles.jpeg(410, 300)); // other bytes: a folder of its own
        Map<String, String> words = Map.of("fileName", "x.jpg", "altText", "A river at dawn", "caption", "Dawn", "credit", "Desk");
        author.get("/admin/media/" + theirs);
        assertEquals(403, author.post("/admin/media/" + theirs + "/describe", words).status());
        author.get("/admin/media/" + own);
        assertEquals(302, author.post("/admin/media/" + own + "/describe", words).status());
        editor.get("/admin/media/" + theirs);
        assertEquals(302, editor.post("/admin/media/" + theirs + "/describe", words).status());
        editor.get("/admin/media/" + own);
        assertEquals(403, editor.post("/admin/media/" + own + "/delete", Map.of()).status(), "editors do not delete for good");
        String size = sizes(own).get(0);
        assertEquals(200, fetch(size).statusCode(), "served (and kept in memory) before its deletion");
        admin.get("/admin/media/" + own);
        assertEquals(302, admin.post("/admin/media/" + own + "/delete", Map.of()).status());
        assertEquals(404, admin.get("/admin/media/" + own).status());
        assertEquals(404, fetch(size).statusCode(), "a deleted file is no longer served");
        assertTrue(admin.get("/admin/audit").html().text().contains("media.deleted"), "the audit log records it");
    }

    @Test
    void theLibraryIsSearchedByNameAltTextAndCaptionAndFilteredByType() {
        long photo = uploaded(editor, "harbour-" + RUN + ".jpg", SampleFiles.jpeg(400, 300));
        editor.get("/admin/media/" + photo);
        editor.post("/admin/media/" + photo + "/describe", Map.of("fileName", "harbour-" + RUN + ".jpg",
                "altText", "Fishing boats " + RUN, "caption", "Morning catch " + RUN, "credit", ""));
        uploaded(editor, "harbour-" + RUN + ".pdf", SampleFiles.pdfWithMetadata());
        for (String q : List.of("harbour-" + RUN, "fishing boats " + RUN, "morning catch " + RUN)) {
            assertTrue(editor.get("/admin/media?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).html()
                    .select(".media-grid .name").eachText().contains("harbour-" + RUN + ".jpg"), q);
        }
        assertEquals(List.of("harbour-" + RUN + ".pdf"),
                editor.get("/admin/media?kind=DOCUMENT&q=harbour-" + RUN).html().select(".media-grid .name").eachText());
        assertEquals(400, editor.get("/admin/media?kind=VIDEO").status());
        assertEquals(400, editor.get("/admin/media?month=2026-13").status());
        assertEquals(404, editor.get("/admin/media/999999999").status());
    }

    @Test
    void aPublishedStatementShowsItsImageEverywhereAndItsAttachmentAndTheFileCannotBeDeleted() {
        long photo = uploaded(editor, "square-" + RUN + ".jpg", SampleFiles.jpeg(1600, 900));
        long pdf = uploaded(editor, "signed-" + RUN + ".pdf", SampleFiles.pdfWithMetadata());
        long id = EditorialIT.draft(editor, "Pictured " + RUN, "<p>With a photo.</p>");
        Map<String, String> form = EditorialIT.editorForm(editor, id);
        form.putAll(Map.of("media", "1", "imageId", String.valueOf(photo), "imageAlt", "", "imageCaption", "The square at noon",
                "imageCredit", "Media Department", "attachmentAdd", String.valueOf(pdf), "action", "publish"));
        Site.Page refused = editor.post("/admin/statements/" + id, form);
        assertEquals(400, refused.status(), "no alt text, no publishing");
        assertEquals("A statement readers can see needs alt text for its image.", refused.html().selectFirst("#imageAlt-error").text());
        assertEquals(List.of(String.valueOf(pdf)), refused.html().select("fieldset.attachments input[name=attachmentId]").eachAttr("value"),
                "the document chosen is still attached on the page shown again");
        assertEquals("Title of signed-" + RUN + ".pdf", refused.html().selectFirst("fieldset.attachments li label").text());

        form.put("imageAlt", "Crowds in the square " + RUN);
        editor.get("/admin/statements/" + id);
        assertEquals(302, editor.post("/admin/statements/" + id, form).status());

        Site.Page page = Site.main().get(Site.main().get("/media-center/coalition-news/item/" + id).header("Location")
                .substring(Site.main().context().length()));
        Document html = page.html();
        Element img = html.selectFirst("article figure.featured img");
        assertNotNull(img, "the featured image atop the statement");
        assertEquals("Crowds in the square " + RUN, img.attr("alt"));
        assertTrue(img.attr("srcset").contains("320w") && img.attr("srcset").contains("1600w"), img.attr("srcset"));
        assertEquals("1024", img.attr("width"));
        assertEquals("576", img.attr("height"));
        assertEquals("The square at noon Photo: Media Department", html.selectFirst("article figure.featured figcaption").text());
        String ogImage = html.selectFirst("meta[property=og:image]").attr("content");
        assertTrue(ogImage.endsWith("/social.jpg"), ogImage);
        assertEquals("1200", html.selectFirst("meta[property=og:image:width]").attr("content"));
        assertEquals("summary_large_image", html.selectFirst("meta[name=twitter:card]").attr("content"));
        JsonObject article = JsonParser.parseString(html.selectFirst("script[type=application/ld+json]").data()).getAsJsonObject();
        assertEquals("ImageObject", article.getAsJsonObject("image").get("@type").getAsString());
        assertEquals(1200, article.getAsJsonObject("image").get("width").getAsInt());
        assertEquals(200, fetch(URI.create(ogImage).getPath().substring(Site.main().context().length())).statusCode());
        String hash = URI.create(ogImage).getPath().replaceAll(".*/media/([0-9a-f]{64})/social.jpg", "$1");
        String rss = Site.main().get("/media-center/coalition-news/feed.rss").body();
        assertTrue(rss.contains("<enclosure url=\"" + Site.ROOT + Site.main().context() + "/media/" + hash + "/full.jpg\""), "the RSS enclosure");
        boolean inSitemap = false;
        for (String file : org.jsoup.Jsoup.parse(Site.main().get("/sitemap.xml").body(), "", org.jsoup.parser.Parser.xmlParser())
                .select("sitemap > loc").eachText()) {
            Document sitemap = org.jsoup.Jsoup.parse(Site.main().get(URI.create(file).getPath().substring(Site.main().context().length())).body(),
                    "", org.jsoup.parser.Parser.xmlParser());
            for (Element url : sitemap.select("url")) {
                if (url.selectFirst("loc").text().contains("/item/" + id + "-")) {
                    assertEquals(Site.ROOT + Site.main().context() + "/media/" + hash + "/full.jpg", url.select("image|loc").text());
                    inSitemap = true;
                }
            }
        }
        assertTrue(inSitemap, "the statement and its image in a sitemap");
        Element attachment = html.selectFirst("article .attachments li");
        assertTrue(attachment.text().startsWith("signed-" + RUN + ".pdf (PDF,"), attachment.text());

        for (String listing : List.of("/media-center/coalition-news", "/tag/it-" + EditorialIT.RUN, "/")) {
            Site.Page counted = Site.main().getCountingSql(listing);
            assertTrue(Integer.parseInt(counted.header(Site.SQL_COUNT)) <= SqlCountIT.MAX,
                    listing + " with thumbnails took " + counted.header(Site.SQL_COUNT) + " SQL statements");
            Document list = counted.html();
            boolean pictured = list.select(".listing .entry").stream()
                    .anyMatch(e -> e.text().contains("Pictured " + RUN)
                            && e.selectFirst("img.thumb[width][height], figure.featured img[width][height][srcset]") != null);
            assertTrue(pictured, listing + " shows the thumbnail");
        }

        Document found = Site.main().get("/search?q=" + java.net.URLEncoder.encode("\"Pictured " + RUN + "\"", StandardCharsets.UTF_8)).html();
        Element hit = found.select(".results .entry, ol .entry").stream().filter(e -> e.text().contains("Pictured " + RUN))
                .findFirst().orElseThrow(() -> new AssertionError("found by search: " + found.select("main").text()));
        assertNotNull(hit.selectFirst("img.thumb[width][height][alt]"), "a search hit shows its thumbnail");

        admin.get("/admin/media/" + photo);
        Site.Page inUse = admin.post("/admin/media/" + photo + "/delete", Map.of());
        assertEquals(409, inUse.status());
        assertTrue(inUse.html().select(".uses a").eachText().contains("Pictured " + RUN), "where it is used");
        Map<String, String> trash = EditorialIT.editorForm(admin, id);
        trash.put("action", "trash");
        admin.post("/admin/statements/" + id, trash);
    }

    @Test
    void aLibraryPhotoInTheTextBecomesAFigureWithItsSizesAndCaptionAndAnOutsidePictureIsDropped() {
        long photo = uploaded(editor, "text-" + RUN + ".jpg", SampleFiles.jpeg(1400, 700));
        editor.get("/admin/media/" + photo);
        editor.post("/admin/media/" + photo + "/describe", Map.of("fileName", "text-" + RUN + ".jpg",
                "altText", "Volunteers unloading aid " + RUN, "caption", "Aid arrives", "credit", "Relief desk"));
        String inline = sizes(photo).stream().filter(p -> p.endsWith("/w1024.jpg")).findFirst().orElseThrow();
        long id = EditorialIT.draft(editor, "Illustrated text " + RUN, "<p>Before the photo.</p><p><img src=\""
                + Site.main().context() + inline + "\"></p><p><img src=\"https://tracker.example/pixel.gif\" alt=\"\">After.</p>"
                + "<p><img src=\"" + Site.main().context() + "/media/" + "0".repeat(64) + "/w320.jpg\"></p>");

        Document preview = editor.get("/admin/statements/" + id + "/preview").html();
        List<Element> images = preview.select("article .body img");
        assertEquals(1, images.size(), "only the library's photo is left: " + preview.select("article .body").html());
        Element img = images.get(0);
        assertEquals("Volunteers unloading aid " + RUN, img.attr("alt"), "the library's alt text");
        assertTrue(img.attr("srcset").contains("320w") && img.attr("srcset").contains("1024w"), img.attr("srcset"));
        assertEquals("lazy", img.attr("loading"));
        assertEquals("1024", img.attr("width"));
        assertEquals("512", img.attr("height"));
        assertEquals("Aid arrives Relief desk", preview.selectFirst("article .body figure.body-image figcaption").text());
        assertEquals(200, fetch(img.attr("src").substring(Site.main().context().length())).statusCode());

        String stored = EditorialIT.editorForm(editor, id).get("body");
        Map<String, String> again = EditorialIT.editorForm(editor, id);
        again.put("action", "save");
        assertEquals(302, editor.post("/admin/statements/" + id, again).status());
        assertEquals(stored, EditorialIT.editorForm(editor, id).get("body"), "a body saved twice is the same");
        assertTrue(admin.get("/admin/media/" + photo).html().select(".uses li").eachText().stream()
                .anyMatch(u -> u.contains("Illustrated text " + RUN) && u.contains("in the text")), "where it is used");
    }

    @Test
    void aVideoLinkInTheTextIsAPosterThatLoadsNothingFromTheVideoSiteUntilClicked() {
        long id = EditorialIT.draft(editor, "With video " + RUN, "<p>Watch:</p><p>https://www.youtube.com/watch?v=dQw4w9WgXcQ</p>"
                + "<p><a href=\"https://vimeo.com/123456789\">Press conference " + RUN + "</a></p>"
                + "<p><iframe src=\"https://evil.example/\"></iframe>https://youtu.be/notavideo</p>");
        Site.Page preview = editor.get("/admin/statements/" + id + "/preview");
        Document html = preview.html();
        List<Element> videos = html.select("article .body figure.video");
        assertEquals(2, videos.size(), html.select("article .body").html());
        assertEquals("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", videos.get(0).attr("data-player"));
        assertEquals("https://www.youtube.com/watch?v=dQw4w9WgXcQ", videos.get(0).selectFirst("a.video-poster").attr("href"),
                "without a script, the poster is a link to the video");
        assertEquals("https://player.vimeo.com/video/123456789?autoplay=1&dnt=1", videos.get(1).attr("data-player"));
        assertEquals("Press conference " + RUN, videos.get(1).selectFirst(".video-title").text());
        assertTrue(html.select("article .body iframe").isEmpty(), "no frame in the page as sent");
        assertTrue(html.select("article .body img").isEmpty(), "and no picture from the video site");
        String csp = preview.header("Content-Security-Policy");
        assertTrue(csp.contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com"), csp);

        String stored = EditorialIT.editorForm(editor, id).get("body");
        Map<String, String> again = EditorialIT.editorForm(editor, id);
        again.put("action", "save");
        assertEquals(302, editor.post("/admin/statements/" + id, again).status());
        assertEquals(stored, EditorialIT.editorForm(editor, id).get("body"), "a body saved twice is the same");
        // As the rich-text editor sends a poster back: a paragraph holding its link, play sign and words.
        again = EditorialIT.editorForm(editor, id);
        again.put("body", "<p><a href=\"https://vimeo.com/123456789\">▶Press conference " + RUN + "</a></p>");
        again.put("action", "save");
        assertEquals(302, editor.post("/admin/statements/" + id, again).status());
        Element poster = editor.get("/admin/statements/" + id + "/preview").html().selectFirst("article .body figure.video .video-title");
        assertEquals("Press conference " + RUN, poster.text());
    }

    @Test
    void anAddressThatNamesNoFileIs404() {
        assertEquals(404, fetch("/media/" + "0".repeat(64) + "/w320.jpg").statusCode());
        assertEquals(404, fetch("/media/../WEB-INF/web.xml").statusCode());
        assertEquals(404, fetch("/media/abc/w320.jpg").statusCode());
        assertEquals(405, Site.main().send(HttpRequest.newBuilder(URI.create(Site.main().url("/media/" + "0".repeat(64) + "/w320.jpg")))
                .DELETE()).status());
    }
}
