package org.bayan.media;

import java.util.List;

/**
 * An upload Bayan will not keep, with the message for the person who sent it: a bundle key
 * ({@code media.refused.*}) and its arguments. Nothing of a refused file is stored.
 */
public final class UploadRefused extends RuntimeException {

    private final String key;
    private final List<Object> args;

    UploadRefused(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() { return key; }
    public List<Object> args() { return args; }
}
