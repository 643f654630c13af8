package org.bayan.importer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.bayan.audit.AuditLog;
import org.bayan.media.MediaFiles;
import org.bayan.media.MediaService;
import org.bayan.section.Sections;
import org.bayan.statement.StatementMediaUses;
import org.bayan.testing.K2Fixture;
import org.bayan.testing.TestDatabase;

/**
 * What an import costs: a K2 site of N items (default 20,000) with 5,000 tags, three tags an
 * item, on the MariaDB {@code BAYAN_TEST_MARIADB_URL} names, imported into a fresh H2 without
 * images; items a second and the heap's peak. With {@code images} after the number, every item
 * has an image file (a 1600-pixel-wide JPEG, each a different picture) brought through the media
 * pipeline. A benchmark, not a test: it prints figures.
 *   mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   BAYAN_TEST_MARIADB_URL=jdbc:mariadb://127.0.0.1:3306/test?user=root \
 *     java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.bayan.importer.K2ImportBench 20000
 *   (the same with "500 images" for the rate with images)
 */
public final class K2ImportBench {

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        boolean images = args.length > 1 && args[1].equals("images");
        int tags = 5_000;
        try (K2Fixture k2 = K2Fixture.site(); Connection c = DriverManager.getConnection(k2.url())) {
            long fill = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement t = c.prepareStatement("insert into jos_k2_tags (id, name, published) values (?, ?, 1)")) {
                for (int i = 1; i <= tags; i++) {
                    t.setInt(1, 1000 + i);
                    t.setString(2, "Topic " + i);
                    t.addBatch();
                }
                t.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("insert into jos_k2_items (id, title, alias, catid, published, trash, introtext,"
                    + " `fulltext`, created, created_by, created_by_alias, modified, publish_up, publish_down, featured, hits, image_caption,"
                    + " image_credits, metadesc, language, extra_fields, extra_fields_search, checked_out, access, ordering,"
                    + " featured_ordering, video_caption, video_credits, params, metadata, metakey, plugins) values (?, ?, ?, 2, 1, 0, ?, ?,"
                    + " ?, 42, '', ?, ?, '0000-00-00 00:00:00', 0, 0, '', '', '', ?, '', '', 0, 1, 0, 0, '', '', '', '', '', '')");
                 PreparedStatement x = c.prepareStatement("insert into jos_k2_tags_xref (tagID, itemID) values (?, ?)")) {
                for (int i = 1; i <= items; i++) {
                    int id = 1000 + i;
                    String day = String.format("2016-%02d-%02d %02d:00:00", 1 + i % 12, 1 + i % 28, i % 24);
                    p.setInt(1, id);
                    p.setString(2, "Statement number " + i + " on the situation");
                    p.setString(3, "statement-number-" + i);
                    p.setString(4, "<p>The coalition said today, in statement " + i + ", that the situation calls for action.</p>");
                    p.setString(5, ("<p>" + "Words of the statement, one paragraph of many. ".repeat(12) + "</p>").repeat(4)
                            + "<p>(Source: Media Department)</p>");
                    p.setString(6, day);
                    p.setString(7, day);
                    p.setString(8, day);
                    p.setString(9, i % 3 == 0 ? "ar-AA" : i % 3 == 1 ? "en-GB" : "tr-TR");
                    p.addBatch();
                    for (int k = 0; k < 3; k++) {
                        x.setInt(1, 1001 + (i * 7 + k * 1_663) % tags);
                        x.setInt(2, id);
                        x.addBatch();
                    }
                    if (i % 1_000 == 0) {
                        p.executeBatch();
                        x.executeBatch();
                    }
                }
                p.executeBatch();
                x.executeBatch();
            }
            c.commit();
            System.out.printf("K2 site of %,d items and %,d tags made in %d s%n", items + 13, tags + 3,
                    Duration.ofNanos(System.nanoTime() - fill).toSeconds());

            Path folder = Files.createTempDirectory("bayan-k2-bench");
            Path files = null;
            if (images) {
                files = folder.resolve("joomla");
                Path src = Files.createDirectories(files.resolve("media/k2/items/src"));
                for (int i = 1; i <= items; i++) {
                    Files.write(src.resolve(K2Fixture.imageName(1000 + i) + ".jpg"),
                            org.bayan.testing.SampleFiles.jpeg(1600, 900 + i % 300)); // each a picture of its own
                }
            }
            try (TestDatabase db = TestDatabase.h2(folder)) {
                var tx = db.tx();
                Clock clock = Clock.systemUTC();
                ZoneId zone = ZoneId.of("Asia/Damascus");
                Sections sections = new Sections(tx, List.of("en", "ar", "tr"));
                MediaService media = new MediaService(tx, new MediaFiles(folder.resolve("media")), 25L << 20, 50_000_000L,
                        new AuditLog(tx, clock), clock, zone, new StatementMediaUses());
                K2Import importer = new K2Import(tx, List.of("en", "ar", "tr"), zone, clock, sections::reload, media);
                resetPeaks();
                long start = System.nanoTime();
                ImportReport report;
                try (K2Source source = K2Source.open(new K2Source.Settings(k2.url(), null, null, K2Fixture.PREFIX))) {
                    report = importer.run(source, files, p -> { });
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long created = report.count("statements.created", 0);
                System.out.printf("imported %,d statements (%,d tags, %,d images) in %.1f s: %.0f items a second; heap peak %d MB of %d MB%n",
                        created, report.count("tags", 0), report.count("images", 0), seconds, created / seconds, peakHeap() >> 20,
                        Runtime.getRuntime().maxMemory() >> 20);
                start = System.nanoTime();
                try (K2Source source = K2Source.open(new K2Source.Settings(k2.url(), null, null, K2Fixture.PREFIX))) {
                    report = importer.run(source, files, p -> { });
                }
                seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("run again: %,d updated in %.1f s: %.0f items a second%n", report.count("statements.updated", 0),
                        seconds, report.count("statements.updated", 0) / seconds);
            }
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
