package org.bayan;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bayan.importer.ImportRefused;
import org.bayan.importer.K2Import;
import org.bayan.importer.K2Source;
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
 * The import from a Joomla K2 site, from the command line, on the database Bayan's settings name
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
        if (!options.containsKey("k2-url")) {
            usage("--k2-url is required");
        }
        Settings settings = Settings.fromEnvironment(Path.of(System.getProperty("user.home"), ".bayan", "ROOT")).ensureHome();
        try (Database database = Schema.open(settings);
             K2Source source = K2Source.open(new K2Source.Settings(options.get("k2-url"), options.get("k2-user"),
                     options.getOrDefault("k2-password", ""), options.getOrDefault("k2-prefix", "jos_")))) {
            // The command line's composition root, as Bootstrap is the web application's.
            Transactions tx = new Transactions(database.sessionFactory());
            Sections sections = new Sections(tx, settings.languages().codes());
            AuditLog audit = new AuditLog(tx, Clock.systemUTC());
            MediaService media = new MediaService(tx, new MediaFiles(settings.mediaDir()), settings.uploadMax(),
                    settings.imageMaxPixels(), audit, Clock.systemUTC(), settings.timezone(),
                    new StatementMediaUses()); // where a file is used: asked only when one is deleted, which an import never does
            K2Import importer = new K2Import(tx, settings.languages().codes(), settings.timezone(), Clock.systemUTC(),
                    sections::reload, media);
            Path files = options.containsKey("k2-files") ? Path.of(options.get("k2-files")) : null;
            long[] shown = {0};
            K2Import.Report report = dry ? importer.dryRun(source, files) : importer.run(source, files, p -> {
                if (p.done() - shown[0] >= 1000 || p.done() == p.total()) {
                    shown[0] = p.done();
                    System.out.printf("%d of %d items%s%n", p.done(), p.total(),
                            p.left().map(d -> ", about " + d.toSeconds() + " s left").orElse(""));
                }
            });
            System.out.println((dry ? "Dry run, nothing written. " : "Imported. ") + "Took " + report.took.toMillis() + " ms.");
            report.counts.forEach((what, n) -> System.out.println("  " + what + ": " + n));
            System.out.println("Problems: " + report.problems.size());
            report.problems.forEach(p -> System.out.println("  " + p.kind() + " (" + p.about() + ")"
                    + (p.detail() == null || p.detail().isEmpty() ? "" : ": " + p.detail())));
        } catch (ImportRefused e) {
            System.err.println("Import refused: " + e.describe());
            System.exit(2);
        }
    }

    private static void usage(String why) {
        System.err.println(why);
        System.err.println("usage: BAYAN_HOME=... java -cp 'WEB-INF/classes:WEB-INF/lib/*' org.bayan.ImportCommand"
                + " --k2-url jdbc:mariadb://host:3306/db --k2-user u --k2-password p [--k2-prefix jos_] [--k2-files /joomla/site]"
                + " [--dry-run]");
        System.exit(2);
    }
}
