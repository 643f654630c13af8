package org.bayan;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.bayan.importer.ImportJobs;
import org.bayan.importer.ImportRefused;
import org.bayan.importer.ImportReport;
import org.bayan.importer.K2Addresses;
import org.bayan.importer.K2Import;
import org.bayan.importer.K2Source;
import org.bayan.importer.OldAddresses;
import org.bayan.importer.WordPressAddresses;
import org.bayan.importer.WxrImport;
import org.bayan.platform.config.Settings;
import org.bayan.platform.persistence.Database;
import org.bayan.platform.persistence.Transactions;
import org.bayan.section.Sections;
import org.bayan.audit.AuditLog;
import org.bayan.media.MediaFiles;
import org.bayan.media.MediaService;
import org.bayan.statement.StatementMediaUses;
import java.time.Clock;

/**
 * The import from a Joomla K2 site or a WordPress export, from the command line, on the database Bayan's settings name
 * (BAYAN_HOME, or BAYAN_DB_URL for PostgreSQL): see README, "Moving in from Joomla K2".
 * {@code --dry-run} reports what would come and every problem, writing nothing. Exit status 0
 * when done, 2 when refused (the reason on one line).
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        boolean dry = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dry-run")) {
                dry = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                usage("unknown argument " + args[i]);
            }
        }
        if (System.getProperty("bayan.home") == null && System.getenv("BAYAN_HOME") == null) {
            usage("set BAYAN_HOME (or -Dbayan.home) to the data folder of the Bayan to import into");
        }
        boolean wordpress = options.containsKey("wxr");
        if (!wordpress && !options.containsKey("k2-url")) {
            usage("--k2-url (a K2 site) or --wxr (a WordPress export) is required");
        }
        Settings settings = Settings.fromEnvironment(Path.of(System.getProperty("user.home"), ".bayan", "ROOT")).ensureHome();
        try (Database database = Schema.open(settings)) {
            // The command line's composition root, as Bootstrap is the web application's.
            Transactions tx = new Transactions(database.sessionFactory());
            Sections sections = new Sections(tx, settings.languages().codes());
            AuditLog audit = new AuditLog(tx, Clock.systemUTC());
            MediaService media = new MediaService(tx, new MediaFiles(settings.mediaDir()), settings.uploadMax(),
                    settings.imageMaxPixels(), audit, Clock.systemUTC(), settings.timezone(),
                    new StatementMediaUses()); // where a file is used: asked only when one is deleted, which an import never does
            List<String> languages = settings.languages().codes();
            K2Addresses k2 = new K2Addresses(tx, sections, languages, Clock.systemUTC());
            WordPressAddresses wp = new WordPressAddresses(tx, sections, languages, Clock.systemUTC());
            ImportJobs jobs = new ImportJobs(
                    new K2Import(tx, languages, settings.timezone(), Clock.systemUTC(), sections::reload, media),
                    new WxrImport(tx, languages, settings.timezone(), Clock.systemUTC(), sections::reload, media),
                    a -> OldAddresses.follow(k2, languages, a), a -> OldAddresses.follow(wp, languages, a),
                    settings.home().resolve("imports"), Clock.systemUTC(), () -> { });
            Path files = path(options.get(wordpress ? "uploads" : "k2-files"));
            ImportJobs.Request request = wordpress
                    ? new ImportJobs.Request(ImportJobs.Source.WORDPRESS, dry, null, path(options.get("wxr")), files, null)
                    : new ImportJobs.Request(ImportJobs.Source.K2, dry, new K2Source.Settings(options.get("k2-url"),
                            options.get("k2-user"), options.getOrDefault("k2-password", ""), options.getOrDefault("k2-prefix", "jos_")),
                            null, files, path(options.get("translations")));
            long[] shown = {0};
            ImportJobs.Job job = jobs.runHere(System.getProperty("user.name", "command line"), request, p -> {
                if (p.done() - shown[0] >= 1000 || p.done() == p.total()) {
                    shown[0] = p.done();
                    System.out.printf("%d of %d items%s%n", p.done(), p.total(),
                            p.left().map(d -> ", about " + d.toSeconds() + " s left").orElse(""));
                }
            });
            if (job.state() != ImportJobs.State.DONE) {
                System.err.println("Import " + (job.state() == ImportJobs.State.REFUSED ? "refused: " : "stopped: ")
                        + new ImportRefused(job.refusalKey(), job.refusalArgs().toArray()).describe());
                System.exit(2);
            }
            ImportReport report = job.report();
            System.out.println((dry ? "Dry run, nothing written. " : "Imported. ") + "Took " + report.tookMillis + " ms.");
            report.counts.forEach((what, n) -> System.out.println("  " + what + ": " + n));
            System.out.println("Problems: " + report.problems.size());
            report.problems.forEach(p -> System.out.println("  " + p.kind() + " (" + p.about() + ")"
                    + (p.detail() == null || p.detail().isEmpty() ? "" : ": " + p.detail())));
            System.out.println("Report: " + settings.home().resolve("imports").resolve(job.id)
                    + (report.commentsFile == null ? "" : " (with the readers' comments, " + report.commentsFile + ")"));
        } catch (ImportRefused e) {
            System.err.println("Import refused: " + e.describe());
            System.exit(2);
        }
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath();
    }

    private static void usage(String why) {
        System.err.println(why);
        System.err.println("usage: BAYAN_HOME=... java -cp 'WEB-INF/classes:WEB-INF/lib/*' org.bayan.ImportCommand"
                + " --k2-url jdbc:mariadb://host:3306/db --k2-user u --k2-password p [--k2-prefix jos_] [--k2-files /joomla/site]"
                + " [--translations pairs.csv] [--dry-run]");
        System.err.println("   or: BAYAN_HOME=... java -cp 'WEB-INF/classes:WEB-INF/lib/*' org.bayan.ImportCommand"
                + " --wxr export.xml [--uploads /wordpress/wp-content/uploads] [--dry-run]");
        System.exit(2);
    }
}
