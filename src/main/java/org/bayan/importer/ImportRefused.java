package org.bayan.importer;

import java.util.List;

/**
 * An import that cannot start or go on, with the message for the admin: a bundle key
 * ({@code import.*}) and its arguments. Nothing is half-imported: what a batch wrote is undone
 * with it, and the batches before it are whole.
 */
public final class ImportRefused extends RuntimeException {

    private final String key;
    private final List<Object> args;

    public ImportRefused(String key, Object... args) {
        super(key + (args.length == 0 ? "" : " " + List.of(args)), null, false, false);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() { return key; }
    public List<Object> args() { return args; }

    /** The reason in English, for the command line. */
    public String describe() {
        java.util.Properties texts = new java.util.Properties();
        try (var in = ImportRefused.class.getResourceAsStream("/messages-import.properties")) {
            texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | NullPointerException e) {
            return getMessage();
        }
        String pattern = texts.getProperty(key);
        return pattern == null ? getMessage() : java.text.MessageFormat.format(pattern, args.toArray());
    }
}
