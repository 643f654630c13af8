package org.bayan.importer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Old sites' addresses and names as they were written, percent-encoded or not (WordPress writes
 * an Arabic slug encoded, K2's texts may or may not): decoded where that is possible, as they are
 * where it is not (a bare % in a file's name, "100%"), never an error.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** A path or a path segment: a "+" is a plus. */
    static String path(String value) {
        return query(value.replace("+", "%2B"));
    }

    /** A query's value: a "+" is a space. */
    static String query(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
