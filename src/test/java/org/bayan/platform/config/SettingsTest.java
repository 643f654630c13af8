package org.bayan.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path folder;

    @Test
    void defaultsRunOutOfTheBoxOnAnH2FileInTheDataFolder() {
        Settings s = Settings.read(name -> null, folder.resolve("data")).ensureHome();

        assertTrue(Files.isDirectory(folder.resolve("data")), "the data folder is created");
        assertTrue(s.jdbcUrl().startsWith("jdbc:h2:file:" + folder.resolve("data").resolve("bayan")), s.jdbcUrl());
        assertEquals(ZoneId.of("UTC"), s.timezone());
        assertTrue(s.demo());
        assertEquals(Optional.empty(), s.baseUrl());
    }

    @Test
    void systemPropertyWinsOverEnvironmentVariable() {
        var source = Settings.environment(Map.of("bayan.timezone", "Asia/Damascus")::get,
                Map.of("BAYAN_TIMEZONE", "Europe/Istanbul", "BAYAN_DB_URL", "jdbc:postgresql://db/bayan"));
        Settings s = Settings.read(source, folder);

        assertEquals(ZoneId.of("Asia/Damascus"), s.timezone());
        assertEquals("jdbc:postgresql://db/bayan", s.jdbcUrl());
        assertFalse(s.isH2());
    }

    @Test
    void wrongValuesNameTheSettingAndWhy() {
        var zone = assertThrows(SettingsException.class,
                () -> Settings.read(Map.of("timezone", "Mars/Olympus")::get, folder));
        assertTrue(zone.getMessage().startsWith("Setting BAYAN_TIMEZONE (bayan.timezone): 'Mars/Olympus' is not valid"), zone.getMessage());

        var demo = assertThrows(SettingsException.class, () -> Settings.read(Map.of("demo", "maybe")::get, folder));
        assertTrue(demo.getMessage().contains("BAYAN_DEMO"), demo.getMessage());

        var db = assertThrows(SettingsException.class, () -> Settings.read(Map.of("db.url", "mysql://x")::get, folder));
        assertTrue(db.getMessage().contains("BAYAN_DB_URL") && db.getMessage().contains("jdbc:postgresql:"), db.getMessage());

        var base = assertThrows(SettingsException.class, () -> Settings.read(Map.of("base.url", "news.example.org")::get, folder));
        assertTrue(base.getMessage().contains("BAYAN_BASE_URL"), base.getMessage());
    }

    @Test
    void thePublicationIsNamedAfterItsOrganisationNotAfterTheProduct() {
        Settings defaults = Settings.read(name -> null, folder);
        assertEquals("Syrian Coalition", defaults.siteName());
        assertEquals(Optional.empty(), defaults.publisherUrl(), "the site's own home page stands in");

        Settings set = Settings.read(Map.of("site.name", " Coalition Media Office ", "publisher.url", "https://www.example.org/")::get, folder);
        assertEquals("Coalition Media Office", set.siteName());
        assertEquals(Optional.of("https://www.example.org/"), set.publisherUrl());

        var url = assertThrows(SettingsException.class, () -> Settings.read(Map.of("publisher.url", "www.example.org")::get, folder));
        assertTrue(url.getMessage().contains("BAYAN_PUBLISHER_URL"), url.getMessage());
        var name = assertThrows(SettingsException.class, () -> Settings.read(Map.of("site.name", "Two\nlines")::get, folder));
        assertTrue(name.getMessage().contains("BAYAN_SITE_NAME"), name.getMessage());
    }

    @Test
    void theCachesInFrontToPurgeAreAListOfAddressesAndAWrongOneStopsTheStartSayingWhich() {
        assertEquals(List.of(), Settings.read(name -> null, folder).purgeUrls(), "none: pages go out no-cache");
        Settings two = Settings.read(Map.of("purge.urls", " http://10.0.0.5:6081/ , http://10.0.0.6:6081/,")::get, folder);
        assertEquals(List.of(java.net.URI.create("http://10.0.0.5:6081/"), java.net.URI.create("http://10.0.0.6:6081/")), two.purgeUrls());
        assertTrue(two.describe().contains("purges sent to"), two.describe());
        var wrong = assertThrows(SettingsException.class, () -> Settings.read(Map.of("purge.urls", "varnish:6081")::get, folder));
        assertTrue(wrong.getMessage().contains("BAYAN_PURGE_URLS") && wrong.getMessage().contains("varnish:6081"), wrong.getMessage());
    }

    @Test
    void aRedisIsAnAddressWithItsPortAndAWrongOneStopsTheStartWithoutShowingItsPassword() {
        assertTrue(Settings.read(name -> null, folder).redisUrl().isEmpty(), "none: the database keeps sessions, counts and notices");
        Settings one = Settings.read(Map.of("redis.url", "redis://:s3cret@10.0.0.7:6379/2")::get, folder);
        assertEquals(java.net.URI.create("redis://:s3cret@10.0.0.7:6379/2"), one.redisUrl().orElseThrow());
        assertTrue(one.describe().contains("redis=redis://10.0.0.7:6379/2"), one.describe());
        assertFalse(one.describe().contains("s3cret"), "the start-up line shows no password: " + one.describe());
        for (String wrong : List.of("10.0.0.7:6379", "redis://10.0.0.7", "http://10.0.0.7:6379", "redis://:s3cret@10.0.0.7")) {
            var refused = assertThrows(SettingsException.class, () -> Settings.read(Map.of("redis.url", wrong)::get, folder), wrong);
            assertTrue(refused.getMessage().contains("BAYAN_REDIS_URL"), refused.getMessage());
            assertFalse(refused.getMessage().contains("s3cret"), "nor does the refusal: " + refused.getMessage());
        }
    }

    @Test
    void eachLanguageMayNameThePublicationInItselfTheOthersUseTheSiteName() {
        Settings named = Settings.read(Map.of("site.name", "Syrian National Coalition",
                "site.names", " ar = الائتلاف الوطني السوري , TR=Suriye Ulusal Koalisyonu,")::get, folder);
        assertEquals(Map.of("ar", "الائتلاف الوطني السوري", "tr", "Suriye Ulusal Koalisyonu"), named.siteNames());
        assertEquals("الائتلاف الوطني السوري", named.siteName("ar"));
        assertEquals("Syrian National Coalition", named.siteName("en"));

        Settings arabicOnly = Settings.read(Map.of("site.name", "Media Office", "site.names", "ar=المكتب الإعلامي")::get, folder);
        assertEquals("Media Office", arabicOnly.siteName("tr"), "a language without a name of its own takes BAYAN_SITE_NAME");

        Settings own = Settings.read(Map.of("site.name", "Media Office")::get, folder);
        assertEquals(Map.of(), own.siteNames(), "a site that names itself is not given the demo organisation's names");
        assertEquals("Media Office", own.siteName("ar"));

        Settings defaults = Settings.read(Map.of("languages", "en,ar")::get, folder);
        assertEquals(Map.of("ar", "الائتلاف الوطني السوري"), defaults.siteNames(),
                "the default name, Syrian Coalition, in the site's other languages as the interface texts name it");
    }

    @Test
    void aWrongSiteNameIsRefusedNamingTheSetting() {
        for (Map<String, String> wrong : java.util.List.of(Map.of("site.names", "fr=Coalition syrienne"),
                Map.of("languages", "en,ar", "site.names", "tr=Suriye Ulusal Koalisyonu"),
                Map.of("site.names", "ar="), Map.of("site.names", "ar"), Map.of("site.names", "=Koalisyon"),
                Map.of("site.names", "ar=الائتلاف,ar=الائتلاف الوطني"), Map.of("site.names", "tr=Suriye, Ulusal Koalisyonu"),
                Map.of("site.names", "tr=İki\nsatır"))) {
            var e = assertThrows(SettingsException.class, () -> Settings.read(wrong::get, folder), wrong.toString());
            assertTrue(e.getMessage().startsWith("Setting BAYAN_SITE_NAMES (bayan.site.names): "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
        assertTrue(assertThrows(SettingsException.class, () -> Settings.read(Map.of("languages", "en,ar",
                "site.names", "tr=Suriye Ulusal Koalisyonu")::get, folder)).getMessage().contains("not in BAYAN_LANGUAGES"));
    }

    @Test
    void unwritableHomeIsRefusedClearly() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        var e = assertThrows(SettingsException.class, () -> Settings.read(Map.of("home", file.toString())::get, folder).ensureHome());
        assertTrue(e.getMessage().startsWith("Setting BAYAN_HOME (bayan.home): cannot create folder"), e.getMessage());
    }

    @Test
    void passwordsNeverReachTheStartUpLine() {
        Settings s = Settings.read(Map.of("db.url", "jdbc:postgresql://db/bayan?password=secret", "db.password", "secret2")::get, folder);
        assertFalse(s.describe().contains("secret"), s.describe());
    }

    @Test
    void baseUrlLosesItsTrailingSlash() {
        assertEquals(Optional.of("https://news.example.org/bayan"),
                Settings.read(Map.of("base.url", "https://news.example.org/bayan/")::get, folder).baseUrl());
    }

    @Test
    void allowedHostsAreReadAsLowerCaseNamesWithOptionalPorts() {
        assertEquals(java.util.List.of(), Settings.read(name -> null, folder).allowedHosts());
        assertEquals(java.util.List.of("news.example.org", "www.example.org:8443", "10.0.0.5", "[::1]:8080"),
                Settings.read(Map.of("allowed.hosts", " News.Example.org, www.example.org:8443,,10.0.0.5 ,[::1]:8080")::get, folder)
                        .allowedHosts());
    }

    @Test
    void anAllowedHostThatIsNotAHostNameIsRefusedClearly() {
        for (String wrong : java.util.List.of("https://news.example.org", "news.example.org/bayan", "news example.org",
                "news.example.org:99999", "news.example.org:", "*.example.org", "a..b")) {
            var e = assertThrows(SettingsException.class, () -> Settings.read(Map.of("allowed.hosts", wrong)::get, folder), wrong);
            assertTrue(e.getMessage().startsWith("Setting BAYAN_ALLOWED_HOSTS (bayan.allowed.hosts): '" + wrong + "'"), e.getMessage());
        }
    }

    @Test
    void searchRunsOnLuceneUnlessAClusterIsNamed() {
        assertEquals(SearchBackend.Kind.LUCENE, Settings.read(name -> null, folder).search().kind());

        Settings s = Settings.read(Map.of("search.backend", "Elasticsearch",
                "search.uris", "https://es1.example.org:9200, http://10.0.0.2:9200",
                "search.username", "bayan", "search.password", "es-secret")::get, folder);

        assertEquals(SearchBackend.Kind.ELASTICSEARCH, s.search().kind());
        assertEquals(2, s.search().uris().size());
        assertEquals("bayan-", s.search().indexPrefix());
        assertEquals(Optional.of("bayan"), s.search().username());
        assertFalse(s.describe().contains("es-secret"), s.describe());
    }

    @Test
    void wrongSearchSettingsNameTheSetting() {
        var kind = assertThrows(SettingsException.class, () -> Settings.read(Map.of("search.backend", "solr")::get, folder));
        assertTrue(kind.getMessage().contains("BAYAN_SEARCH_BACKEND"), kind.getMessage());

        var noUris = assertThrows(SettingsException.class,
                () -> Settings.read(Map.of("search.backend", "opensearch")::get, folder));
        assertTrue(noUris.getMessage().contains("BAYAN_SEARCH_URIS"), noUris.getMessage());

        var badUri = assertThrows(SettingsException.class, () -> Settings.read(Map.of("search.backend", "opensearch",
                "search.uris", "es.example.org:9200")::get, folder));
        assertTrue(badUri.getMessage().contains("BAYAN_SEARCH_URIS"), badUri.getMessage());

        var prefix = assertThrows(SettingsException.class, () -> Settings.read(Map.of("search.backend", "opensearch",
                "search.uris", "http://127.0.0.1:9200", "search.index.prefix", "Bayan/")::get, folder));
        assertTrue(prefix.getMessage().contains("BAYAN_SEARCH_INDEX_PREFIX"), prefix.getMessage());
    }
}
