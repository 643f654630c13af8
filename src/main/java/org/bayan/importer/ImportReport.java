package org.bayan.importer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an import (or its dry run) did or would do: counts by what came ({@code statements.created},
 * {@code tags}…), every problem met, and examples of the old addresses that now lead to their new
 * pages. Kept as JSON beside the import's other files, so the report page outlives a restart.
 */
public final class ImportReport {

    /** At most this many examples of old addresses, of each kind. */
    static final int EXAMPLES = 20;

    /** One thing worth telling the admin: what, about which row of the source ({@code item 12}), and the detail. */
    public record Problem(String kind, String about, String detail) {
    }

    /** An old address and the page it now leads to. */
    public record Redirect(String from, String to) {
    }

    /** Counts as they grow, for a progress line: items done of all, and the time left at this pace. */
    public record Progress(long done, long total, Duration elapsed) {
        public Optional<Duration> left() {
            return done == 0 ? Optional.empty()
                    : Optional.of(Duration.ofMillis(elapsed.toMillis() * (total - done) / done));
        }

        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }
    }

    public final boolean dryRun;
    public final Map<String, Long> counts = new LinkedHashMap<>();
    public final List<Problem> problems = new ArrayList<>();
    public final List<Redirect> redirects = new ArrayList<>();
    /** The file the readers' comments were written to, within the import's folder; null when there were none. */
    public String commentsFile;
    public long tookMillis;

    ImportReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    void add(String what, long n) {
        counts.merge(what, n, Long::sum);
    }

    void problem(String kind, String about, String detail) {
        problems.add(new Problem(kind, about, detail));
    }

    /**
     * One more old address of a kind answering now, kept as an example while there are fewer than
     * {@link #EXAMPLES} of its kind; where it leads is filled in when the examples are followed.
     */
    void redirect(String kind, String from) {
        count("redirects." + kind);
        if (counts.get("redirects." + kind) <= EXAMPLES) {
            redirects.add(new Redirect(from, null));
        }
    }

    public long count(String what, long none) {
        return counts.getOrDefault(what, none);
    }

    public Duration took() {
        return Duration.ofMillis(tookMillis);
    }

    /** The problems grouped by kind, in the order first met, for the report page. */
    public Map<String, List<Problem>> problemsByKind() {
        Map<String, List<Problem>> byKind = new LinkedHashMap<>();
        problems.forEach(p -> byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p));
        return byKind;
    }
}
