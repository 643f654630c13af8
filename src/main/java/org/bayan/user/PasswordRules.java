package org.bayan.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: 12 to 256 characters and not among commonly used passwords.
 * Length matters more than character classes, so there are no rules about those.
 */
public final class PasswordRules {

    public static final int MIN = 12;
    public static final int MAX = 256;

    private final Set<String> common = new HashSet<>();

    public PasswordRules() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PasswordRules.class.getResourceAsStream("/common-passwords.txt"), StandardCharsets.UTF_8))) {
            r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> common.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reason the password is refused, or empty if it is acceptable. */
    public Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > MAX) {
            return Optional.of("password.tooLong");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }
}
