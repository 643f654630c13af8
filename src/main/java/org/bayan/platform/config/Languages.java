package org.bayan.platform.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages a site publishes in (BAYAN_LANGUAGES, the first being the default) and how a
 * reader reaches each: under a path prefix ({@code /ar/...}; the default language has none, so
 * its addresses never change), or on a host of its own (BAYAN_LANGUAGE_HOSTS), with no prefix.
 *
 * @param codes the site's languages, default first
 * @param hosts a host name per language, or empty for path prefixes
 */
public record Languages(List<String> codes, Map<String, String> hosts) {

    /** The languages Bayan has an interface, dates and search analysis for. */
    public static final List<String> SUPPORTED = List.of("en", "ar", "tr");

    /** Every two-letter ISO 639 code: a first path segment like {@code /fr/} is a language prefix, not a section. */
    private static final java.util.Set<String> ISO_CODES = java.util.Set.of(java.util.Locale.getISOLanguages());

    /** Whether a first path segment reads as a language prefix ({@code fr}), whether or not the site has that language. */
    public static boolean isLanguageCode(String segment) {
        return segment.length() == 2 && ISO_CODES.contains(segment);
    }

    public Languages {
        codes = List.copyOf(codes);
        hosts = Map.copyOf(hosts);
    }

    /** The default: English first, then Arabic and Turkish, each under its prefix. */
    public static Languages standard() {
        return new Languages(SUPPORTED, Map.of());
    }

    /** The language whose addresses have no prefix, and the fallback of names missing in another. */
    public String defaultLanguage() {
        return codes.get(0);
    }

    public boolean contains(String code) {
        return code != null && codes.contains(code);
    }

    /** Whether each language is served on its own host rather than under a prefix. */
    public boolean byHost() {
        return !hosts.isEmpty();
    }

    /** The language a host serves, when languages are served by host. */
    public Optional<String> ofHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        return hosts.entrySet().stream().filter(e -> e.getValue().equals(h)).map(Map.Entry::getKey).findFirst();
    }

    /** Arabic is written right to left; English and Turkish left to right. */
    public static boolean rightToLeft(String code) {
        return "ar".equals(code);
    }

    /** {@code rtl} or {@code ltr}, for {@code <html dir>}. */
    public static String direction(String code) {
        return rightToLeft(code) ? "rtl" : "ltr";
    }

    /** The locale of a language's dates and texts: British English, as K2 sites write it (en-GB). */
    public static Locale locale(String code) {
        Locale known = LOCALES.get(code);
        return known != null ? known : Locale.forLanguageTag(code);
    }

    private static final Map<String, Locale> LOCALES = Map.of("en", Locale.forLanguageTag("en-GB"),
            "ar", Locale.forLanguageTag("ar"), "tr", Locale.forLanguageTag("tr"));

    /**
     * The first day of a calendar week in a language's pages, from CLDR through java.time, for
     * the country its readers mostly are in: Monday in Britain and Turkey, Saturday in Syria.
     */
    public static java.time.DayOfWeek firstDayOfWeek(String code) {
        String region = switch (code) {
            case "ar" -> "SY";
            case "tr" -> "TR";
            default -> "GB";
        };
        return java.time.temporal.WeekFields.of(Locale.forLanguageTag(code + "-" + region)).getFirstDayOfWeek();
    }

    /** The path prefix of a language's pages: none for the default language or with hosts. */
    public String prefix(String code) {
        return byHost() || code.equals(defaultLanguage()) ? "" : "/" + code;
    }

    /** A site path as it is addressed in a language: {@code /tag/x} is {@code /ar/tag/x} in Arabic. */
    public String path(String code, String path) {
        return prefix(code) + path;
    }

    static Languages parse(String languages, String languageHosts) {
        List<String> codes = new ArrayList<>();
        if (languages == null) {
            codes.addAll(SUPPORTED);
        } else {
            for (String part : languages.split(",")) {
                String code = part.trim().toLowerCase(Locale.ROOT);
                if (code.isEmpty()) continue;
                if (!SUPPORTED.contains(code)) {
                    throw new SettingsException("languages", "'" + part.trim() + "' is not a language Bayan supports ("
                            + String.join(", ", SUPPORTED) + ")");
                }
                if (codes.contains(code)) {
                    throw new SettingsException("languages", "'" + code + "' is named twice");
                }
                codes.add(code);
            }
            if (codes.isEmpty()) {
                throw new SettingsException("languages", "names no language; e.g. en,ar,tr (the first is the default)");
            }
        }
        Map<String, String> hosts = new LinkedHashMap<>();
        if (languageHosts != null) {
            for (String entry : languageHosts.split(",")) {
                if (entry.isBlank()) continue;
                String[] kv = entry.split("=", 2);
                String code = kv[0].trim().toLowerCase(Locale.ROOT);
                String host = kv.length < 2 ? "" : kv[1].trim().toLowerCase(Locale.ROOT);
                if (!codes.contains(code)) {
                    throw new SettingsException("language.hosts", "'" + entry.trim() + "' names a language that is not in BAYAN_LANGUAGES ("
                            + String.join(",", codes) + ")");
                }
                if (!host.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")) {
                    throw new SettingsException("language.hosts", "'" + entry.trim()
                            + "' is not language=host, like ar=news.example.org");
                }
                if (hosts.containsKey(code) || hosts.containsValue(host)) {
                    throw new SettingsException("language.hosts", "'" + entry.trim() + "' repeats a language or a host");
                }
                hosts.put(code, host);
            }
            if (!hosts.isEmpty() && hosts.size() != codes.size()) {
                List<String> missing = codes.stream().filter(c -> !hosts.containsKey(c)).toList();
                throw new SettingsException("language.hosts", "gives no host for " + String.join(", ", missing)
                        + ": with hosts, every language of BAYAN_LANGUAGES needs one");
            }
        }
        return new Languages(codes, hosts);
    }
}
