package org.bayan.platform;

import java.util.List;
import java.util.Objects;

/**
 * A change sent from a page that showed an older version of what it changes: somebody else
 * saved it meanwhile. Refused with nothing changed, and answered with 409 and both sides, the
 * saved one and the one this person sent, so they can compare, copy, or send theirs again over
 * the saved version.
 */
public final class StaleVersion extends RuntimeException {

    /** A text of the message bundle, with its arguments ({0}, {1}...). */
    public record Text(String key, List<Object> args) {
        public static Text of(String key, Object... args) {
            return new Text(key, List.of(args));
        }
    }

    /**
     * One field on both sides. Each value is a plain {@code String}, shown as it is, or a
     * {@link Text}, shown in the reader's words; null shows as none.
     *
     * @param label the field's name: a key of the message bundle
     */
    public record Field(String name, String label, Object theirs, Object mine) {
        public boolean differs() {
            return !Objects.equals(theirs, mine);
        }
    }

    private final String kind;
    private final long version;
    private final String savedBy;
    private final Text asked;
    private final List<Field> fields;

    /**
     * @param kind    what was changed, e.g. {@code section}: names the conflict page's heading
     * @param version the version now saved, which the change sent again must carry
     * @param savedBy who saved it last, or null if nobody is on record
     * @param asked   what this person asked for, shown above their side
     * @param fields  the fields of the thing, as saved and as this change would have made them
     */
    public StaleVersion(String kind, long version, String savedBy, Text asked, List<Field> fields) {
        super("stale " + kind + " version", null, false, false);
        this.kind = kind;
        this.version = version;
        this.savedBy = savedBy;
        this.asked = asked;
        this.fields = List.copyOf(fields);
    }

    /** The version a form sent, or 400 when it sent none (or something that is not a version). */
    public static long expected(Long version) {
        if (version == null) {
            throw new InvalidInput("version", "admin.version.missing");
        }
        return version;
    }

    public String kind() { return kind; }
    public long version() { return version; }
    public String savedBy() { return savedBy; }
    public Text asked() { return asked; }
    public List<Field> fields() { return fields; }
}
