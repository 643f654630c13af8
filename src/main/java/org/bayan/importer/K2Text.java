package org.bayan.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What an item's text becomes: Joomla's plugin tags ({@code {loadposition …}}) taken out and
 * named, links to other K2 items pointed at their Bayan pages, and the source line the page
 * ends with ("(Source: Syrian Coalition)", as the mirrored page shows it) taken out as the
 * statement's source. The result is sanitised afterwards, like every body.
 */
final class K2Text {

    /** {@code {loadposition x}}, {@code {gallery}…{/gallery}}, {@code {mosimage}}: a word in braces, with or without arguments. */
    private static final Pattern PLUGIN = Pattern.compile("\\{(/?)([a-zA-Z][a-zA-Z0-9_-]{1,40})(\\s[^{}]{0,300})?\\}");
    /** "(Source: X)" ending the text, in any of the three languages' words for it. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\((?:Source|Kaynak|المصدر)\\s*[:：]\\s*([^()]{1,300}?)\\s*\\)\\s*$");
    /** A link to a K2 item, SEF ({@code …/item/12-alias}) or not ({@code index.php?option=com_k2&view=item&id=12:alias}). */
    private static final Pattern ITEM_LINK = Pattern.compile(
            "(?:option=com_k2(?:&(?:amp;)?[a-zA-Z]+=[^&#\"]*)*?&(?:amp;)?view=item(?:&(?:amp;)?[a-zA-Z]+=[^&#\"]*)*?&(?:amp;)?id=(\\d+))"
                    + "|(?:^|/)item/(\\d+)(?:-[^/?#\"]*)?(?:\\.html)?(?:[?#].*)?$");

    /**
     * The text, its source line, the plugin tags taken out, the links rewritten; and, for the report,
     * its pictures still from elsewhere than the library, and its elements and attributes (fewer after
     * sanitising means something was taken out).
     */
    record Result(String html, String source, List<String> plugins, int linksRewritten, int outsidePictures, int markup) {
    }

    private K2Text() {
    }

    /**
     * @param itemPath  a K2 item's Bayan path by its id, or null when the import has no such item
     * @param imagePath the library address a picture of the old site now has, by its {@code src}, or
     *                  null when it was not brought over (the sanitizer then leaves it out)
     */
    static Result of(String html, LongFunction<String> itemPath, java.util.function.Function<String, String> imagePath) {
        List<String> plugins = new ArrayList<>();
        Matcher m = PLUGIN.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            plugins.add(m.group());
            m.appendReplacement(out, "");
        }
        m.appendTail(out);
        Document doc = Jsoup.parseBodyFragment(out.toString());
        int rewritten = 0;
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (href.contains("option=com_k2") || href.contains("/item/") || href.startsWith("item/")) {
                Matcher link = ITEM_LINK.matcher(href);
                if (link.find()) {
                    long id = Long.parseLong(link.group(1) != null ? link.group(1) : link.group(2));
                    String path = itemPath.apply(id);
                    if (path != null) {
                        a.attr("href", path);
                        rewritten++;
                    }
                }
            }
        }
        for (Element img : doc.select("img[src]")) {
            String path = imagePath.apply(img.attr("src"));
            if (path != null) {
                img.attr("src", path);
            }
        }
        String source = takeSource(doc);
        int outside = (int) doc.select("img").stream().filter(img -> !img.attr("src").startsWith("/media/")).count();
        return new Result(doc.body().html(), source, plugins, rewritten, outside, markup(doc));
    }

    /** Elements and attributes of a fragment. */
    static int markup(Document doc) {
        int n = 0;
        for (Element e : doc.body().getAllElements()) {
            n += 1 + e.attributesSize();
        }
        return n;
    }

    /**
     * The source line the text ends with, taken out of it: "(Source: …)" closing the last
     * paragraph, or being it, in any of the three languages' words; null when there is none.
     */
    static String takeSource(Document doc) {
        Element last = doc.body().children().last();
        // The source closes the last paragraph (or is one): its last piece of text.
        org.jsoup.nodes.TextNode tail = last == null ? null : lastText(last);
        if (tail == null) return null;
        Matcher s = SOURCE.matcher(tail.getWholeText());
        if (!s.find()) return null;
        tail.text(tail.getWholeText().substring(0, s.start()));
        if (last.text().isBlank() && last.select("img, iframe, video").isEmpty()) {
            last.remove();
        }
        return s.group(1).strip();
    }

    /** The pictures of the old site a text shows: {@code images/…}, {@code /images/…}, or the same under any host. */
    static List<String> localImages(String html) {
        List<String> found = new ArrayList<>();
        for (Element img : Jsoup.parseBodyFragment(html).select("img[src]")) {
            if (localPath(img.attr("src")) != null) found.add(img.attr("src"));
        }
        return found;
    }

    /** The path below the Joomla site's folder a picture's {@code src} names ({@code images/x.jpg}), or null for none. */
    static String localPath(String src) {
        Matcher m = LOCAL_IMAGE.matcher(src.strip());
        if (!m.matches()) return null;
        String path = PercentDecoding.path(m.group(1));
        return path.contains("..") || path.contains("\\") ? null : "images/" + path;
    }

    private static final Pattern LOCAL_IMAGE = Pattern.compile("^(?:https?://[^/]+)?/?images/([^?#]+)(?:[?#].*)?$");

    private static org.jsoup.nodes.TextNode lastText(org.jsoup.nodes.Node node) {
        for (int i = node.childNodeSize() - 1; i >= 0; i--) {
            org.jsoup.nodes.Node child = node.childNode(i);
            if (child instanceof org.jsoup.nodes.TextNode t) {
                if (!t.isBlank()) return t;
            } else {
                org.jsoup.nodes.TextNode inner = lastText(child);
                if (inner != null) return inner;
            }
        }
        return null;
    }
}
