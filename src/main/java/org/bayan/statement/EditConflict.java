package org.bayan.statement;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Somebody saved the statement after this editor opened it: the save is refused and nothing
 * is overwritten. Carries both sides so the editor can see them and merge by hand.
 */
public final class EditConflict extends RuntimeException {

    private final StatementForm mine;
    private final Snapshot theirs;

    public EditConflict(StatementForm mine, Snapshot theirs) {
        super("edit conflict", null, false, false);
        this.mine = mine;
        this.theirs = theirs;
    }

    public StatementForm mine() { return mine; }
    public Snapshot theirs() { return theirs; }

    /** My text as it would read once saved: sanitised as a save would, so it can be shown as HTML. */
    public String mineBody() {
        return BodySanitizer.sanitize(mine.body());
    }

    /**
     * The fields in which the two versions differ, by the names the editor gives them: what has to
     * be merged by hand. Blank and missing are the same; texts are compared as they read; tags as a set.
     */
    public Set<String> differences(ZoneId zone) {
        Set<String> differ = new LinkedHashSet<>();
        if (!same(mine.title(), theirs.title())) differ.add("title");
        if (mine.slug() != null && !mine.slug().isBlank() && !same(mine.slug(), theirs.slug())) differ.add("slug");
        if (!same(mine.lead(), theirs.lead())) differ.add("lead");
        if (BodyDiff.between(theirs.body(), mineBody()).stream().anyMatch(l -> l.kind() != BodyDiff.Kind.SAME)) differ.add("body");
        if (!Objects.equals(mine.sectionId(), theirs.sectionId())) differ.add("section");
        if (!StatementDesk.tagSet(mine.tags()).equals(StatementDesk.tagSet(theirs.tags()))) differ.add("tags");
        if (!same(mine.source(), theirs.source())) differ.add("source");
        LocalDateTime theirTime = theirs.publishedAt() == null ? null
                : LocalDateTime.ofInstant(theirs.publishedAt(), zone).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime myTime = mine.publishAt() == null ? null : mine.publishAt().truncatedTo(ChronoUnit.MINUTES);
        if (!Objects.equals(myTime, theirTime)) differ.add("publishAt");
        return differ;
    }

    private static boolean same(String a, String b) {
        return Objects.equals(a == null || a.isBlank() ? null : a.strip(), b == null || b.isBlank() ? null : b.strip());
    }
}
