package org.bayan.section;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a section's listing and date archives show of each statement, as a K2 category chooses
 * "intro text only" or "intro and full text": the teaser and a "Read more" link, or the whole
 * statement with its source line (as the page the site mirrors shows Coalition News).
 */
public enum ArchiveStyle {
    TEASER, FULL_TEXT;

    /** The style a form names, e.g. {@code FULL_TEXT}; empty for anything else. */
    public static Optional<ArchiveStyle> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
    }
}
