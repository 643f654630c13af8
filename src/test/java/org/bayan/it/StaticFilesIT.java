package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The site's files as a browser fetches them: found, compressed when it may be, and kept for a while. */
class StaticFilesIT {

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    static HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Site.main().url(path))).GET();
        if (acceptEncoding != null) request.header("Accept-Encoding", acceptEncoding);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theFaviconAnswersAtTheSiteRootAndEveryLayoutNamesOneThatExists() throws Exception {
        HttpResponse<byte[]> ico = get("/favicon.ico", null);
        assertEquals(200, ico.statusCode());
        assertTrue(ico.headers().firstValue("Content-Type").orElse("").startsWith("image/"), ico.headers().toString());
        assertArrayEquals(Files.readAllBytes(Path.of("webapp/favicon.ico")), ico.body());

        for (String page : List.of("/", "/login")) {
            List<String> icons = Site.main().get(page).html().select("link[rel=icon]").eachAttr("href");
            assertEquals(2, icons.size(), page + " names its icons");
            for (String href : icons) {
                assertEquals(200, get(href.substring(Site.main().context().length()), null).statusCode(), href);
            }
        }
    }

    /** Every style sheet and script of the site, as they are in the sources. */
    static Stream<Path> textFiles() throws IOException {
        return Files.walk(Path.of("webapp/static")).filter(p -> p.toString().matches(".*\\.(css|js)$"));
    }

    @Test
    void everyStyleSheetAndScriptIsSentGzippedToABrowserThatAcceptsIt() throws Exception {
        List<Path> files = textFiles().toList();
        assertTrue(files.size() >= 4, files.toString());
        for (Path file : files) {
            String path = "/" + Path.of("webapp").relativize(file).toString().replace('\\', '/');
            HttpResponse<byte[]> zipped = get(path, "gzip, deflate, br");
            assertEquals(200, zipped.statusCode(), path);
            assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null),
                    path + " is sent compressed (is it named in pom.xml's precompress-static-files?)");
            assertTrue(zipped.headers().firstValue("Vary").orElse("").toLowerCase().contains("accept-encoding"), path);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                assertArrayEquals(Files.readAllBytes(file), in.readAllBytes(), path + " unzips to the file itself");
            }
        }
    }

    @ParameterizedTest(name = "Accept-Encoding: \"{0}\" gets the file as it is")
    @ValueSource(strings = {"", "identity", "gzip;q=0", "identity, gzip;q=0", "br"})
    void aBrowserThatRefusesGzipGetsTheFileAsItIs(String acceptEncoding) throws Exception {
        HttpResponse<byte[]> plain = get("/static/css/site.css", acceptEncoding.isEmpty() ? null : acceptEncoding);
        assertEquals(200, plain.statusCode());
        assertNull(plain.headers().firstValue("Content-Encoding").orElse(null));
        assertArrayEquals(Files.readAllBytes(Path.of("webapp/static/css/site.css")), plain.body());
    }

    @ParameterizedTest(name = "{0} may be kept at least a day")
    @ValueSource(strings = {"/static/css/site.css", "/static/js/admin.js", "/static/img/favicon.svg", "/favicon.ico",
            "/webjars/quill/1.3.7/dist/quill.min.js"})
    void filesCarryACacheLifetime(String path) throws Exception {
        HttpResponse<byte[]> file = get(path, "gzip");
        assertEquals(200, file.statusCode(), path);
        String cacheControl = file.headers().firstValue("Cache-Control").orElse("");
        Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(cacheControl);
        assertTrue(maxAge.find(), path + ": " + cacheControl);
        assertTrue(Long.parseLong(maxAge.group(1)) >= 86_400, path + ": " + cacheControl);
        assertTrue(cacheControl.contains("public"), path + ": " + cacheControl);
    }

    @Test
    void aMissingFileIsNotKept() throws Exception {
        HttpResponse<byte[]> missing = get("/static/css/missing.css", null);
        assertEquals(404, missing.statusCode());
        assertFalse(missing.headers().firstValue("Cache-Control").orElse("").contains("max-age"),
                missing.headers().firstValue("Cache-Control").toString());
    }
}
