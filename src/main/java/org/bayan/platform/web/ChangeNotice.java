package org.bayan.platform.web;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A change told to the other nodes ({@link OtherNodes}), as one line of text whichever way it
 * travels (PostgreSQL's {@code NOTIFY}, Redis's {@code PUBLISH}): {@code node|all},
 * {@code node|keys} (only kept values changed) or {@code node|keys k1 k2 ...}. A node ignores
 * its own.
 */
public final class ChangeNotice {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotice.class);
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

    /** Hands a change another node told to this node's listener; a listener that fails is logged, not fatal. */
    public static void deliver(Consumer<Optional<Set<String>>> listener, Optional<Set<String>> keys) {
        try {
            listener.accept(keys);
        } catch (RuntimeException e) {
            LOG.warn("A change told by another node could not be applied: {}", e.toString());
        }
    }

    /**
     * After the connection that hears the other nodes broke: logs it and waits a second before
     * listening again; false if this node is closing meanwhile (interrupted).
     */
    public static boolean pauseAfterLoss(Exception lost) {
        LOG.warn("Lost the other nodes' notices ({}); listening again in a second", lost.getMessage());
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
