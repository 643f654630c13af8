package org.bayan.importer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bayan.user.Policy;
import org.bayan.user.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs imports away from the request that started them, one at a time ({@link ImportLock}, which
 * the command line takes too): the admin's page may be closed and opened again, it finds the job
 * running with its progress, then its report. Each job has a folder of its own under
 * {@code imports/} in the data folder, holding its report ({@code report.json}, so the report
 * page outlives a restart) and the readers' comments ({@code comments.csv}).
 *
 * <p>Whatever can be checked before starting is checked in the request, so that a wrong address,
 * password or file is told on the form: the source is opened (K2's database reached and its tables
 * found, a WordPress export read to its end) before the job is accepted.
 */
public final class ImportJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public enum Source { K2, WORDPRESS }

    public enum State { RUNNING, DONE, REFUSED, FAILED }

    /**
     * What an admin asked for: from K2 ({@code k2} set; {@code files} the Joomla site's folder, or
     * null for no images; {@code translations} a CSV of id pairs, or null), or from a WordPress
     * export ({@code wxr}; {@code files} its uploads folder, or null).
     */
    public record Request(Source source, boolean dryRun, K2Source.Settings k2, Path wxr, Path files, Path translations) {
    }

    /** A job as the pages show it; what it holds changes while it runs. */
    public static final class Job {
        public final String id;
        public final Source source;
        public final boolean dryRun;
        public final String startedBy;
        public final Instant startedAt;
        volatile State state = State.RUNNING;
        volatile ImportReport.Progress progress = new ImportReport.Progress(0, 0, java.time.Duration.ZERO);
        volatile ImportReport report;
        volatile String refusalKey;
        volatile List<String> refusalArgs = List.of();

        Job(String id, Source source, boolean dryRun, String startedBy, Instant startedAt) {
            this.id = id;
            this.source = source;
            this.dryRun = dryRun;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }

        public State state() { return state; }
        public boolean running() { return state == State.RUNNING; }
        public ImportReport.Progress progress() { return progress; }
        public ImportReport report() { return report; }
        public String refusalKey() { return refusalKey; }
        public List<String> refusalArgs() { return refusalArgs; }
    }

    private final K2Import k2;
    private final WxrImport wordpress;
    private final Function<String, Optional<String>> k2Addresses;
    private final Function<String, Optional<String>> wordpressAddresses;
    private final Path folder;
    private final Clock clock;
    private final Runnable contentChanged;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bayan-import");
        t.setDaemon(true);
        return t;
    });
    private volatile Job current;

    /**
     * @param k2Addresses where an old K2 address (path and query) leads now, to check the report's examples
     * @param wordpressAddresses the same for an old WordPress address
     * @param folder where the jobs' folders go ({@code imports/} in the data folder)
     * @param contentChanged told that readers should see what came: every ten seconds while an import writes, and at its end
     */
    public ImportJobs(K2Import k2, WxrImport wordpress, Function<String, Optional<String>> k2Addresses,
                      Function<String, Optional<String>> wordpressAddresses, Path folder, Clock clock, Runnable contentChanged) {
        this.contentChanged = contentChanged;
        this.k2 = k2;
        this.wordpress = wordpress;
        this.k2Addresses = k2Addresses;
        this.wordpressAddresses = wordpressAddresses;
        this.folder = folder;
        this.clock = clock;
    }

    /** Starts an import or a dry run (admins only), or refuses it with why: another running, a source that cannot be read. */
    public Job start(Staff who, Request request) {
        Policy.require(Policy.canManageUsers(who), "import a site");
        Opened opened = open(who.username(), request);
        runner.submit(() -> work(opened, request, p -> { }));
        return opened.job();
    }

    /** The command line's import: run in this thread, under the same lock, its report kept as the web's are. */
    public Job runHere(String who, Request request, java.util.function.Consumer<ImportReport.Progress> progress) {
        Opened opened = open(who, request);
        work(opened, request, progress);
        return opened.job();
    }

    /** A job accepted: its source open, the lock held until both are closed. */
    private record Opened(Job job, AutoCloseable source, ImportLock lock) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try (lock) {
                source.close();
            }
        }
    }

    private synchronized Opened open(String who, Request request) {
        ImportLock lock = ImportLock.take(folder);
        AutoCloseable source;
        try {
            if (request.files() != null && !Files.isDirectory(request.files())) {
                throw new ImportRefused("import.files.notFolder", request.files());
            }
            if (request.source() == Source.K2 && request.files() != null && !Files.isDirectory(request.files().resolve("media/k2/items"))) {
                throw new ImportRefused("import.files.missing", request.files().resolve("media/k2/items"));
            }
            source = request.source() == Source.K2 ? K2Source.open(request.k2()) : WxrSource.open(request.wxr());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        Instant now = clock.instant();
        Job job = new Job(Long.toString(now.toEpochMilli()), request.source(), request.dryRun(), who, now);
        current = job;
        save(job, folder.resolve(job.id));
        return new Opened(job, source, lock);
    }

    private void work(Opened opened, Request request, java.util.function.Consumer<ImportReport.Progress> heard) {
        Job job = opened.job();
        Path own = folder.resolve(job.id);
        try (opened) {
            Files.createDirectories(own);
            Object source = opened.source();
            Instant[] told = {clock.instant()};
            java.util.function.Consumer<ImportReport.Progress> progress = p -> {
                job.progress = p;
                heard.accept(p);
                if (!request.dryRun() && Duration.between(told[0], clock.instant()).toSeconds() >= 10) {
                    told[0] = clock.instant();
                    contentChanged.run();
                }
            };
            ImportReport report;
            if (source instanceof K2Source k2Source) {
                report = request.dryRun() ? k2.dryRun(k2Source, request.files(), request.translations(), progress)
                        : k2.run(k2Source, request.files(), request.translations(), own, progress);
            } else {
                WxrSource wxr = (WxrSource) source;
                report = request.dryRun() ? wordpress.dryRun(wxr, request.files(), progress)
                        : wordpress.run(wxr, request.files(), own, progress);
            }
            check(report, source instanceof K2Source ? k2Addresses : wordpressAddresses);
            job.report = report;
            job.state = State.DONE;
        } catch (ImportRefused e) {
            job.refusalKey = e.key();
            job.refusalArgs = e.args().stream().map(String::valueOf).toList();
            job.state = State.REFUSED;
        } catch (Exception | Error e) {
            log.error("The import {} failed", job.id, e);
            job.refusalKey = "import.failed";
            job.refusalArgs = List.of(String.valueOf(e));
            job.state = State.FAILED;
        } finally {
            if (!request.dryRun()) contentChanged.run();
            save(job, own);
        }
    }

    /** Each example of an old address, followed as a reader's browser would: where it leads now. */
    private static void check(ImportReport report, Function<String, Optional<String>> addresses) {
        List<ImportReport.Redirect> checked = new ArrayList<>();
        for (ImportReport.Redirect r : report.redirects) {
            checked.add(new ImportReport.Redirect(r.from(), addresses.apply(r.from()).orElse(null)));
        }
        report.redirects.clear();
        report.redirects.addAll(checked);
    }

    /** The job running, or the last one this process started. */
    public Optional<Job> current(Staff who) {
        Policy.require(Policy.canManageUsers(who), "see imports");
        return Optional.ofNullable(current);
    }

    /** A job by its id: the one of this process, or one saved before. */
    public Optional<Job> job(Staff who, String id) {
        Policy.require(Policy.canManageUsers(who), "see imports");
        Job running = current;
        if (running != null && running.id.equals(id)) {
            return Optional.of(running);
        }
        return id.matches("\\d{1,19}") ? load(folder.resolve(id)) : Optional.empty();
    }

    /** The jobs saved, newest first (at most {@code limit}). */
    public List<Job> recent(Staff who, int limit) {
        Policy.require(Policy.canManageUsers(who), "see imports");
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> dirs = Files.list(folder)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d{1,19}"))
                    .sorted(Comparator.comparing((Path d) -> Long.parseLong(d.getFileName().toString())).reversed())
                    .limit(limit).map(ImportJobs::load).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A file the job wrote (the comments), if it is one of its own. */
    public Optional<Path> file(Staff who, String id, String name) {
        Policy.require(Policy.canManageUsers(who), "see imports");
        if (!id.matches("\\d{1,19}") || !name.equals("comments.csv")) return Optional.empty();
        Path file = folder.resolve(id).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** What report.json holds. */
    private record Saved(String id, Source source, boolean dryRun, String startedBy, String startedAt, State state,
                         String refusalKey, List<String> refusalArgs, long done, long total, ImportReport report) {
    }

    private static void save(Job job, Path own) {
        try {
            Files.createDirectories(own);
            Path temp = own.resolve("report.json.tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                GSON.toJson(new Saved(job.id, job.source, job.dryRun, job.startedBy, job.startedAt.toString(), job.state,
                        job.refusalKey, job.refusalArgs, job.progress.done(), job.progress.total(), job.report), out);
            }
            Files.move(temp, own.resolve("report.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("The report of import {} could not be saved: {}", job.id, e.toString());
        }
    }

    private static Optional<Job> load(Path own) {
        Path file = own.resolve("report.json");
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Saved s = GSON.fromJson(in, Saved.class);
            Job job = new Job(s.id(), s.source(), s.dryRun(), s.startedBy(), Instant.parse(s.startedAt()));
            // A job saved as running was stopped with its process: what it wrote is whole, the next run resumes it.
            job.state = s.state() == State.RUNNING ? State.FAILED : s.state();
            job.report = s.report();
            job.progress = new ImportReport.Progress(s.done(), s.total(), java.time.Duration.ZERO);
            job.refusalKey = s.state() == State.RUNNING ? "import.stopped" : s.refusalKey();
            job.refusalArgs = s.refusalArgs() == null ? List.of() : s.refusalArgs();
            return Optional.of(job);
        } catch (IOException | RuntimeException e) {
            log.warn("The report {} cannot be read: {}", file, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }

    /** For the report page: the counts in the order they came, as a list of pairs. */
    public static List<Map.Entry<String, Long>> counts(ImportReport report) {
        return new ArrayList<>(report.counts.entrySet());
    }
}
