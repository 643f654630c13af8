package org.bayan.platform.web;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A change told to the other nodes ({@link OtherNodes}), as one line of text whichever way it
 * travels (PostgreSQL's {@code NOTIFY}, Redis's {@code PUBLISH}): {@code node|all},
 * {@code node|keys} (only kept values changed) or {@code node|keys k1 k2 ...}. A node ignores
 * its own.
 */
public final class ChangeNotice {

    private static final String ALL = "all";
    private static final String KEYS = "keys";

    private ChangeNotice() {
    }

    /** A name for this node, new at every start. */
    public static String newNode() {
        byte[] id = new byte[6];
        new SecureRandom().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** The notice of a change; longer than {@code max} characters, it says "anything may have changed". */
    public static String of(String node, Optional<Set<String>> keys, int max) {
        String body = keys.map(k -> k.isEmpty() ? KEYS : KEYS + " " + String.join(" ", k)).orElse(ALL);
        String notice = node + "|" + body;
        return notice.length() > max ? node + "|" + ALL : notice;
    }

    /**
     * What another node's notice says changed: the keys, or empty for anything; null when the
     * notice is this node's own or not one to read.
     */
    public static Optional<Set<String>> read(String node, String notice) {
        int bar = notice.indexOf('|');
        if (bar < 0 || notice.substring(0, bar).equals(node)) {
            return null;
        }
        String body = notice.substring(bar + 1);
        if (body.equals(KEYS)) {
            return Optional.of(Set.of());
        }
        if (body.startsWith(KEYS + " ")) {
            return Optional.of(new LinkedHashSet<>(Arrays.asList(body.substring(KEYS.length() + 1).split(" "))));
        }
        return Optional.empty();
    }
}
