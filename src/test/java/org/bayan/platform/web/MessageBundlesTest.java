package org.bayan.platform.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Arabic and Turkish bundles beside each English one that {@link Renderer#BUNDLES} names: every
 * text translated, nothing lost on the way to the page. Each test reports every faulty key of a file
 * at once, so a translator sees the whole list.
 */
class MessageBundlesTest {

    /** The languages besides English, by the suffix of their files. */
    private static final Map<String, Locale> LANGUAGES = Map.of(
            "ar", Locale.forLanguageTag("ar"),
            "tr", Locale.forLanguageTag("tr"));

    /**
     * Values that rightly read the same in every language, so an Arabic one holds no Arabic letter
     * and a Turkish one equals the English: pure formats around their arguments.
     */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of(
            "archive.monthCount",   // "{0} ({1})": a month and its count
            "feed.linkTitle");      // "{0} ({1})": a page's title and its feed's format, RSS or Atom

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern CHOICE = Pattern.compile("\\{\\d+\\s*,\\s*choice");
    private static final Pattern NUMERIC_ARGUMENT = Pattern.compile("\\{(\\d+)\\s*,\\s*(choice|number)");
    /** Numbers that reach every branch of the choices in use, Arabic's 3, 11, 100, 103 and 111 among them. */
    private static final int[] COUNTS = {0, 1, 2, 3, 7, 11, 25, 100, 102, 103, 111, 200, 1234};

    static Stream<Arguments> localizedBundles() {
        return Renderer.BUNDLES.stream().flatMap(bundle -> LANGUAGES.keySet().stream().sorted()
                .map(language -> Arguments.of(bundle, language)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("localizedBundles")
    void everyBundleHasItsTranslationWithTheEnglishKeysInTheEnglishOrder(String bundle, String language) {
        List<String> english = List.copyOf(read(bundle).keySet());
        Map<String, String> translated = readTranslation(bundle, language);
        List<String> problems = new ArrayList<>();
        for (String key : english) {
            if (!translated.containsKey(key)) problems.add(key + ": missing");
        }
        for (String key : translated.keySet()) {
            if (!english.contains(key)) problems.add(key + ": not in the English file");
        }
        if (problems.isEmpty() && !english.equals(List.copyOf(translated.keySet()))) {
            problems.add("the keys are not in the English file's order, which keeps the files comparable line by line");
        }
        assertNone(localized(bundle, language), problems);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("localizedBundles")
    void translationsKeepExactlyTheEnglishPlaceholders(String bundle, String language) {
        Map<String, String> english = read(bundle);
        List<String> problems = new ArrayList<>();
        readTranslation(bundle, language).forEach((key, value) -> {
            if (english.containsKey(key) && !arguments(value).equals(arguments(english.get(key)))) {
                problems.add(key + ": placeholders " + arguments(value) + " where English has " + arguments(english.get(key)));
            }
        });
        assertNone(localized(bundle, language), problems);
    }

    /**
     * Thymeleaf passes every message that holds a quote or a brace through {@link MessageFormat},
     * with or without arguments: there a lone ' starts a quoted stretch, which hides the
     * placeholders after it and is itself dropped ("Ankara'da {0}" shows "Ankarada {0}"). So each
     * value is formatted for its language, with every branch of its choices, and must come out with
     * its placeholders filled and its apostrophes kept: '' for one, or the typographic ’.
     */
    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("localizedBundles")
    void everyTranslationFormatsWithoutLosingTextOrPlaceholders(String bundle, String language) {
        Locale locale = LANGUAGES.get(language);
        List<String> problems = new ArrayList<>();
        readTranslation(bundle, language).forEach((key, value) -> {
            String problem = formattingProblem(value, locale);
            if (problem != null) problems.add(key + ": " + problem + " in «" + value + "»");
        });
        assertNone(localized(bundle, language), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("englishBundles")
    void arabicTextsAreWrittenInArabic(String bundle) {
        List<String> problems = new ArrayList<>();
        readTranslation(bundle, "ar").forEach((key, value) -> {
            if (!SAME_IN_EVERY_LANGUAGE.contains(key) && value.codePoints().noneMatch(MessageBundlesTest::arabicLetter)) {
                problems.add(key + ": no Arabic letter in «" + value + "»");
            }
        });
        assertNone(localized(bundle, "ar"), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("englishBundles")
    void turkishTextsAreNotTheEnglishLeftAsItWas(String bundle) {
        Map<String, String> english = read(bundle);
        List<String> problems = new ArrayList<>();
        readTranslation(bundle, "tr").forEach((key, value) -> {
            if (!SAME_IN_EVERY_LANGUAGE.contains(key) && value.equals(english.get(key))) {
                problems.add(key + ": still the English «" + value + "»");
            }
        });
        assertNone(localized(bundle, "tr"), problems);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("localizedBundles")
    void translationsAreWrittenInTheirOwnLettersNotEscapes(String bundle, String language) {
        String text = rawText(localized(bundle, language));
        Matcher escape = Pattern.compile("\\\\u[0-9a-fA-F]{4}").matcher(text);
        if (escape.find()) {
            fail(localized(bundle, language) + " has the escape " + escape.group()
                    + ": write the letters themselves, the files are read as UTF-8");
        }
    }

    static Stream<String> englishBundles() {
        return Renderer.BUNDLES.stream();
    }

    /** Why {@code pattern} would not show as written, or null when it does. */
    private static String formattingProblem(String pattern, Locale locale) {
        Set<Integer> numeric = new TreeSet<>();
        Matcher m = NUMERIC_ARGUMENT.matcher(pattern);
        while (m.find()) numeric.add(Integer.parseInt(m.group(1)));
        boolean choice = CHOICE.matcher(pattern).find();
        if (choice && pattern.indexOf('\'') >= 0) {
            // Inside a choice a branch with a placeholder is formatted a second time, so one
            // apostrophe would need four quotes; the typographic ’ needs none.
            return "an ASCII apostrophe in a choice format (write ’)";
        }
        if (count(pattern, "'") != 2 * count(pattern, "''")) {
            return "a lone ' (write '' or ’ for an apostrophe)";
        }
        int highest = arguments(pattern).stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (int count : numeric.isEmpty() ? new int[] {0} : COUNTS) {
            Object[] args = new Object[highest + 1];
            for (int i = 0; i <= highest; i++) args[i] = numeric.contains(i) ? (Object) count : "‹" + i + "›";
            String shown;
            try {
                shown = new MessageFormat(pattern, locale).format(args);
            } catch (IllegalArgumentException e) {
                return "not a valid MessageFormat pattern (" + e.getMessage() + ")";
            }
            if (shown.indexOf('{') >= 0 || shown.indexOf('}') >= 0) {
                return "a placeholder left unfilled (a lone ' before it?)";
            }
            for (int i = 0; i <= highest; i++) {
                if (!numeric.contains(i) && arguments(pattern).contains(i) && !shown.contains("‹" + i + "›")) {
                    return "argument {" + i + "} not shown";
                }
            }
            if (!choice && count(shown, "'") != count(pattern, "''")) {
                return "an apostrophe lost (write '' or ’ for one)";
            }
        }
        return null;
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) found.add(Integer.parseInt(m.group(1)));
        return found;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) n++;
        return n;
    }

    private static boolean arabicLetter(int codePoint) {
        return Character.isLetter(codePoint) && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
    }

    /** "/messages.properties" in Arabic is "/messages_ar.properties", as the renderer will look it up. */
    static String localized(String bundle, String language) {
        return bundle.replaceFirst("\\.properties$", "_" + language + ".properties");
    }

    private static Map<String, String> readTranslation(String bundle, String language) {
        return read(localized(bundle, language));
    }

    /** A bundle's entries in the order of the file, read as the renderer reads it (UTF-8); a key given twice fails. */
    private static Map<String, String> read(String resource) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        Properties recorder = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (entries.put((String) key, (String) value) != null) repeated.add((String) key);
                return super.put(key, value);
            }
        };
        try (InputStream in = Renderer.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            try (Reader r = new InputStreamReader(in, UTF_8)) {
                recorder.load(r);
            }
        } catch (IOException e) {
            fail(resource + " cannot be read", e);
        }
        assertTrue(repeated.isEmpty(), resource + " gives these keys twice: " + repeated);
        return entries;
    }

    private static String rawText(String resource) {
        try (InputStream in = Renderer.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            return fail(resource + " cannot be read", e);
        }
    }

    private static void assertNone(String resource, List<String> problems) {
        assertTrue(problems.isEmpty(), resource + ":\n  " + String.join("\n  ", problems));
    }
}
