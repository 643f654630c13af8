package org.bayan.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a kept value learns of the changes since it was worked out. */
class ContentVersionTest {

    private final ContentVersion version = new ContentVersion(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC),
            Optional::empty);

    @Test
    void theKeysOfEveryChangeSinceAVersionAreToldTogether() {
        long kept = version.current();
        assertEquals(Optional.of(Set.of()), version.changedSince(kept), "nothing changed yet");
        version.bumpValues(Set.of("statement-1", "home"));
        long middle = version.current();
        version.bumpValues(Set.of("statement-2"));
        assertEquals(Optional.of(Set.of("statement-1", "home", "statement-2")), version.changedSince(kept));
        assertEquals(Optional.of(Set.of("statement-2")), version.changedSince(middle));
    }

    @Test
    void aChangeThatNamedNothingLeavesNothingToCarryOver() {
        long kept = version.current();
        version.bumpValues(Set.of("statement-1"));
        version.bump();
        long after = version.current();
        version.bumpValues(Set.of("statement-2"));
        assertTrue(version.changedSince(kept).isEmpty(), "across an unnamed change a value must be worked out afresh");
        assertEquals(Optional.of(Set.of("statement-2")), version.changedSince(after));
    }

    @Test
    void tooManyChangesAgoIsForgotten() {
        long kept = version.current();
        for (int i = 0; i < 1_001; i++) {
            version.bumpValues(Set.of("statement-" + i));
        }
        assertTrue(version.changedSince(kept).isEmpty(), "the oldest change is no longer remembered");
        assertEquals(Optional.of(Set.of("statement-1000")), version.changedSince(version.current() - 1));
    }
}
