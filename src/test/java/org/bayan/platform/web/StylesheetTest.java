package org.bayan.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One set of stylesheets serves Arabic pages ({@code dir="rtl"}) and English and Turkish ones
 * ({@code dir="ltr"}): every rule is written in logical terms (start and end, not left and right),
 * so the same rule lays out both. Only a rule whose selector is about direction ({@code :dir(rtl)},
 * {@code [dir="rtl"]}) may name a side, for what has no logical form (a glyph turned round).
 *
 * <p>No CSS parser is among the build's dependencies, and these checks need only rules and their
 * declarations, so the small reader below does that much.
 */
class StylesheetTest {

    private static final Path CSS = Path.of("webapp/static/css");

    @Test
    void stylesheetsNameNoSideOutsideRulesAboutDirection() throws IOException {
        Map<String, List<Declaration>> sheets = stylesheets();
        assertTrue(sheets.keySet().containsAll(List.of("site.css", "admin.css", "print.css")), sheets.keySet().toString());
        List<String> physical = new ArrayList<>();
        sheets.forEach((file, declarations) -> {
            // A reader that found nothing would pass everything.
            assertTrue(declarations.size() >= 10, file + " read as " + declarations.size() + " declarations");
            declarations.stream().filter(d -> !d.aboutDirection()).map(Declaration::physicalSide)
                    .flatMap(Stream::ofNullable).forEach(physical::add);
        });
        assertEquals(List.of(), physical, "Write these with logical properties (margin-inline-start, inset-inline-end,"
                + " text-align: start, float: inline-start, border-start-end-radius, ...) or in a rule whose selector"
                + " has :dir(rtl) or [dir=\"rtl\"]");
    }

    @Test
    void textDirectionIsLeftToTheMarkup() throws IOException {
        // dir on <html>, <bdi> and dir="auto" decide it; a stylesheet that set it would override them.
        List<String> forced = stylesheets().values().stream().flatMap(List::stream)
                .filter(d -> d.property.equals("direction") || d.property.equals("unicode-bidi"))
                .map(Declaration::toString).toList();
        assertEquals(List.of(), forced);
    }

    @Test
    void arabicTextIsNeverLetterSpacedNorCapitalised() throws IOException {
        // Letter-spacing breaks the joining of Arabic letters; the guard must win over any later rule.
        List<Declaration> guard = stylesheets().get("site.css").stream()
                .filter(d -> d.selectors().contains(":lang(ar)")).toList();
        assertTrue(guard.stream().anyMatch(d -> d.property.equals("letter-spacing")
                && d.value.matches("(normal|0)\\s*!important")), guard.toString());
        assertTrue(guard.stream().anyMatch(d -> d.property.equals("text-transform")
                && d.value.matches("none\\s*!important")), guard.toString());
    }

    @Test
    void arabicPagesUseArabicFacesTheDeviceHasWithTallerLines() throws IOException {
        Map<String, List<Declaration>> sheets = stylesheets();
        List<Declaration> site = sheets.get("site.css");
        Declaration family = only(site, "body:lang(ar)", "font-family");
        assertTrue(family.value.startsWith("\"Noto Naskh Arabic\""), family.toString());
        double arabic = Double.parseDouble(only(site, "body:lang(ar)", "line-height").value);
        double others = Double.parseDouble(only(site, "body", "line-height").value);
        assertTrue(arabic > others, "Arabic line-height " + arabic + " against " + others);
        // System fonts only: nothing for the reader to download before the text shows.
        sheets.forEach((file, declarations) -> assertFalse(
                declarations.stream().anyMatch(d -> d.selector.startsWith("@font-face") || d.selector.startsWith("@import")),
                file));
    }

    @Test
    void breadcrumbSeparatorTurnsWithTheReadingDirection() throws IOException {
        // A mirrored character ("›") is drawn as its mirror image ("‹") in right-to-left text, so
        // one rule points the trail's way in both directions; a right-to-left rule giving it "‹"
        // would be mirrored again and point backwards.
        List<Declaration> separators = stylesheets().values().stream().flatMap(List::stream)
                .filter(d -> d.selector.contains(".breadcrumb") && d.selector.contains("::before")
                        && d.property.equals("content")).toList();
        assertEquals(2, separators.size(), "site.css and print.css: " + separators);
        for (Declaration d : separators) {
            assertFalse(d.aboutDirection, d.toString());
            String glyph = d.value.replaceAll("^[\"']|[\"']$", "").trim();
            assertTrue(!glyph.isEmpty() && glyph.chars().allMatch(Character::isMirrored), d.toString());
        }
    }

    // The checks above are only as good as the reader: these show what it does and does not catch.

    @ParameterizedTest
    @ValueSource(strings = {
        ".a { margin-left: 1rem }", ".a { padding-right: 0 }", ".a { border-left: 1px solid }",
        ".a { border-right-color: red }", ".a { left: 0 }", ".a { right: -999px }", ".a { text-align: right }",
        ".a { text-align: LEFT !important }", ".a { float: left }", ".a { clear: right }",
        ".a { border-top-left-radius: 2px }", ".a { border-bottom-right-radius: 2px }", ".a { scroll-margin-left: 1px }",
        ".a { padding: 0 1rem 0 2rem }", ".a { margin: 1px 2px 3px 4px }", ".a { inset: 0 auto 0 0 }",
        ".a { border-width: 0 0 0 4px }", ".a { border-radius: 4px 0 }", ".a { border-radius: 1px 1px 0 2px }",
        ".a { border-radius: 2px / 1px 0 }", ".a { background-position: right 1rem center }",
        ".a { background: url(a.svg) no-repeat left }", ".a { transform: translateX(4px) }",
        ".a { transform: translate(-50%, 0) }", ".a { translate: 2px }", ".a { transform: scaleX(-1) }",
        "@media (min-width: 50rem) { .a { margin-right: 1px } }", ".a, [dir=rtl] .b { left: 0 }",
        ".a { color: red; margin-left: 1px }", ".a { color: red } /* margin-left: 0 */ .b { left: 0; }"
    })
    void readerFindsOneSideNamed(String css) {
        List<String> found = declarations("sample.css", css).stream().filter(d -> !d.aboutDirection())
                .map(Declaration::physicalSide).flatMap(Stream::ofNullable).toList();
        assertEquals(1, found.size(), found.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ".a { margin-inline-start: 1rem; padding-inline: 0 1rem; border-inline-end: 1px solid }",
        ".a { inset-inline-start: -999px; text-align: start; float: inline-end; border-start-end-radius: 2px }",
        ".a { margin: 0 auto; padding: .4rem .7rem; margin: 1px 2px 3px; padding: 1px 2px 3px 2px }",
        ".a { border-radius: .25rem; border-radius: 1px 1px 2px 2px; border-radius: 50% / 10% }",
        ".a { top: 0; bottom: 1rem; text-align: center; float: none }",
        ".a:dir(rtl) { transform: scaleX(-1) }", "[dir=\"rtl\"] .a { left: 0 }", "[dir='ltr'] .a, .b:dir(ltr) { right: 0 }",
        "[dir=rtl] .a { & .b { margin-left: 0 } }", ":dir(rtl) { @media print { .a { float: right } } }",
        ".a { content: \"left › right\" }", ".a { background: url(left-arrow.svg) }", ".a { margin-inline: var(--left-gap) }",
        "/* margin-left: 0 */ .a { color: red }", ".a { transform: translateY(2px); translate: 0 -2px }",
        ".a { transform: translate(0, 4px) scale(-1) }", ".a { --side-left: 3px }"
    })
    void readerLetsLogicalAndDirectionBoundRulesThrough(String css) {
        List<Declaration> read = declarations("sample.css", css);
        assertFalse(read.isEmpty());
        List<String> found = read.stream().filter(d -> !d.aboutDirection())
                .map(Declaration::physicalSide).flatMap(Stream::ofNullable).toList();
        assertEquals(List.of(), found);
    }

    @Test
    void readerTellsWhereADeclarationIs() {
        Declaration d = declarations("sample.css", "/* one\n two */\n.a,\n.b {\n  color: red;\n  margin-left: 1px !important\n}").get(1);
        assertEquals("sample.css:6  .a, .b { margin-left: 1px !important }", d.toString());
    }

    // ---- the reader ----

    private static Map<String, List<Declaration>> stylesheets() throws IOException {
        Map<String, List<Declaration>> sheets = new TreeMap<>();
        try (Stream<Path> files = Files.list(CSS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".css")).toList()) {
                sheets.put(file.getFileName().toString(),
                        declarations(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return sheets;
    }

    private static Declaration only(List<Declaration> sheet, String selector, String property) {
        List<Declaration> found = sheet.stream()
                .filter(d -> d.selectors().contains(selector) && d.property.equals(property)).toList();
        assertEquals(1, found.size(), selector + " { " + property + " }: " + found);
        return found.get(0);
    }

    /** One declaration and the rule it is in; selector is that of the innermost rule. */
    record Declaration(String file, int line, String selector, boolean aboutDirection, String property, String value) {

        private static final Pattern DIRECTION_SELECTOR =
                Pattern.compile(":dir\\(\\s*(rtl|ltr)\\s*\\)|\\[\\s*dir\\s*=\\s*[\"']?(rtl|ltr)[\"']?\\s*]", Pattern.CASE_INSENSITIVE);
        private static final Pattern SIDE_IN_NAME = Pattern.compile("(^|-)(left|right)(-|$)");
        private static final Pattern SIDE_KEYWORD = Pattern.compile("(?<![\\w-])(left|right)(?![\\w-])");
        private static final Pattern STRINGS_AND_URLS = Pattern.compile("\"[^\"]*\"|'[^']*'|url\\([^)]*\\)");
        private static final Pattern TRANSFORM_FUNCTION = Pattern.compile("(translatex|translate3d|translate|scalex|scale)\\(([^)]*)\\)");
        private static final List<String> BOX_SHORTHANDS = List.of("margin", "padding", "inset", "border-width",
                "border-style", "border-color", "scroll-margin", "scroll-padding");

        static boolean aboutDirection(String selectorList) {
            return split(selectorList, ',').stream().allMatch(s -> DIRECTION_SELECTOR.matcher(s).find());
        }

        List<String> selectors() {
            return split(selector, ',').stream().map(String::trim).toList();
        }

        /** What names a side in this declaration, or null when nothing does. */
        String physicalSide() {
            if (property.startsWith("--")) {
                return null; // a custom property is a value kept for later: where it is used is checked
            }
            String plain = STRINGS_AND_URLS.matcher(value.replaceAll("(?i)!\\s*important", "")).replaceAll("\"\"")
                    .toLowerCase(Locale.ROOT).trim();
            boolean sided = SIDE_IN_NAME.matcher(property).find()
                    || SIDE_KEYWORD.matcher(plain).find()
                    || BOX_SHORTHANDS.contains(property) && !leftMatchesRight(plain)
                    || property.equals("border-radius") && !split(plain, '/').stream().allMatch(Declaration::mirrorsItself)
                    || movesOrFlipsSideways(property, plain);
            return sided ? toString() : null;
        }

        /** A transform that moves something along the line or turns it round left to right. */
        private static boolean movesOrFlipsSideways(String property, String value) {
            if (property.equals("translate")) {
                return !value.equals("none") && !isZero(words(value).get(0));
            }
            if (!property.equals("transform")) {
                return false;
            }
            Matcher f = TRANSFORM_FUNCTION.matcher(value);
            while (f.find()) {
                List<String> args = split(f.group(2), ',').stream().map(String::trim).toList();
                boolean sideways = switch (f.group(1)) {
                    case "scalex" -> args.get(0).startsWith("-");
                    case "scale" -> args.get(0).startsWith("-") != args.get(args.size() - 1).startsWith("-");
                    default -> !isZero(args.get(0));
                };
                if (sideways) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isZero(String length) {
            return length.matches("[-+]?0*\\.?0+[a-z%]*");
        }

        private static boolean leftMatchesRight(String value) {
            List<String> v = words(value);
            return v.size() < 4 || v.get(1).equals(v.get(3));
        }

        /** Whether top-left equals top-right and bottom-right equals bottom-left. */
        private static boolean mirrorsItself(String radii) {
            List<String> v = words(radii);
            return switch (v.size()) {
                case 1 -> true;
                case 2, 3 -> v.stream().distinct().count() == 1;
                default -> v.get(0).equals(v.get(1)) && v.get(2).equals(v.get(3));
            };
        }

        private static List<String> words(String value) {
            return split(value.trim(), ' ').stream().map(String::trim).filter(w -> !w.isEmpty()).toList();
        }

        @Override
        public String toString() {
            return file + ":" + line + "  " + String.join(", ", selectors()) + " { " + property + ": " + value + " }";
        }
    }

    static List<Declaration> declarations(String file, String css) {
        List<Declaration> out = new ArrayList<>();
        String text = withoutComments(css);
        read(file, text, 0, text.length(), "", false, out);
        return out;
    }

    /** Reads the rules and declarations between from and to, inside a rule with this selector. */
    private static void read(String file, String text, int from, int to, String selector, boolean aboutDirection,
                             List<Declaration> out) {
        int at = from;
        while (at < to) {
            int end = nextAtTopLevel(text, at, to, "{;}");
            if (end < to && text.charAt(end) == '{') {
                int close = matching(text, end, to);
                String prelude = text.substring(at, end).trim().replaceAll("\\s+", " ");
                if (prelude.startsWith("@") && !prelude.matches("(?i)@(font-face|page|property|counter-style)\\b.*")) {
                    read(file, text, end + 1, close, selector, aboutDirection, out); // @media, @supports, @layer ...
                } else {
                    read(file, text, end + 1, close, prelude, aboutDirection || Declaration.aboutDirection(prelude), out);
                }
                at = close + 1;
            } else {
                String declaration = text.substring(at, end);
                int start = at + (declaration.length() - declaration.stripLeading().length());
                int colon = declaration.indexOf(':');
                if (declaration.trim().startsWith("@")) { // @import, @charset: kept so that a check can see them
                    out.add(new Declaration(file, line(text, start), declaration.trim(), aboutDirection, "", ""));
                } else if (colon > 0) {
                    out.add(new Declaration(file, line(text, start), selector, aboutDirection,
                            declaration.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            declaration.substring(colon + 1).trim().replaceAll("\\s+", " ")));
                }
                at = end + 1;
            }
        }
    }

    /** Comments become spaces, so offsets and line numbers stay those of the file. */
    private static String withoutComments(String css) {
        StringBuilder b = new StringBuilder(css);
        char quote = 0;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                end = end < 0 ? b.length() : end + 2;
                for (int j = i; j < end; j++) if (b.charAt(j) != '\n') b.setCharAt(j, ' ');
                i = end - 1;
            }
        }
        return b.toString();
    }

    /** The first of these characters from at on, outside strings, brackets and parentheses; to if none. */
    private static int nextAtTopLevel(String text, int at, int to, String wanted) {
        int depth = 0;
        char quote = 0;
        for (int i = at; i < to; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') quote = c;
            else if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (depth == 0 && wanted.indexOf(c) >= 0) return i;
        }
        return to;
    }

    private static int matching(String text, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i = nextAtTopLevel(text, i + 1, to, "{}")) {
            if (i >= to) break;
            depth += text.charAt(i) == '{' ? 1 : -1;
            if (depth == 0) return i;
        }
        return to;
    }

    /** Splits at separator where it stands outside strings, brackets and parentheses. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (at <= text.length()) {
            int next = nextAtTopLevel(text, at, text.length(), String.valueOf(separator));
            parts.add(text.substring(at, next));
            at = next + 1;
        }
        return parts;
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
