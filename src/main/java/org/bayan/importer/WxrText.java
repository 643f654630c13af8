package org.bayan.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a WordPress post's text becomes. WordPress keeps paragraphs as blank lines and makes the
 * {@code <p>} only when it shows a post ("autop"): done here once, the way it does for text
 * outside block elements. Its shortcodes ({@code [gallery]}, {@code [embed]…}) are taken out and
 * named, a {@code [caption]} keeping its picture and words; pictures from {@code wp-content/uploads}
 * point at the library; the source line the text ends with becomes the statement's source, as
 * for K2. Sanitised afterwards, like every body.
 */
final class WxrText {

    /** A shortcode, opening or closing, with its attributes: {@code [gallery ids="1,2"]}, {@code [/caption]}. */
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([a-zA-Z][a-zA-Z0-9_-]{1,40})((?:\\s[^\\[\\]]{0,500})?)/?\\]");
    /** An element that starts a block of its own: text beginning with it is not wrapped in a paragraph. */
    private static final Pattern BLOCK = Pattern.compile("^<(?:!--|/?(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody"
            + "|tr|td|th|pre|hr|section|article|aside|header|footer|iframe|video|audio|form|dl|dt|dd|address|details)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** A file's path below {@code wp-content/uploads/}, in a picture's or link's address. */
    private static final Pattern UPLOAD = Pattern.compile("^(?:https?://[^/]+)?(?:/[^?#]*)?/wp-content/uploads/([^?#]+)(?:[?#].*)?$");

    record Result(String html, String source, List<String> shortcodes) {
    }

    private WxrText() {
    }

    /** @param upload the library address a file under the uploads folder now has, by its path there, or null */
    static Result of(String content, Function<String, String> upload) {
        List<String> shortcodes = new ArrayList<>();
        Matcher m = SHORTCODE.matcher(content);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("caption") && !name.equals("wp_caption") && m.group(1).isEmpty()) {
                shortcodes.add(m.group());
            }
            m.appendReplacement(out, "");
        }
        m.appendTail(out);
        Document doc = Jsoup.parseBodyFragment(autop(out.toString()));
        for (Element img : doc.select("img[src]")) {
            String path = uploadPath(img.attr("src"));
            String now = path == null ? null : upload.apply(path);
            if (now != null) {
                img.attr("src", now);
                img.removeAttr("srcset").removeAttr("sizes");
            }
        }
        String source = K2Text.takeSource(doc);
        return new Result(doc.body().html(), source, shortcodes);
    }

    /** The path below {@code wp-content/uploads/} an address names ({@code 2018/05/photo.jpg}), decoded; or null. */
    static String uploadPath(String address) {
        Matcher m = UPLOAD.matcher(address.strip());
        if (!m.matches()) return null;
        String path = PercentDecoding.path(m.group(1));
        return path.contains("..") || path.contains("\\") ? null : path;
    }

    /** The pictures of the uploads folder a text shows, by their path there. */
    static List<String> uploads(String content) {
        List<String> found = new ArrayList<>();
        for (Element img : Jsoup.parseBodyFragment(content).select("img[src]")) {
            String path = uploadPath(img.attr("src"));
            if (path != null) found.add(path);
        }
        return found;
    }

    /** Paragraphs from blank lines, line breaks from single ones, for text outside block elements. */
    static String autop(String text) {
        String normal = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder html = new StringBuilder();
        for (String chunk : normal.split("\n\\s*\n")) {
            String c = chunk.strip();
            if (c.isEmpty()) continue;
            if (BLOCK.matcher(c).find()) {
                html.append(c).append('\n');
            } else {
                html.append("<p>").append(c.replaceAll("\\s*\n\\s*", "<br>\n")).append("</p>\n");
            }
        }
        return html.toString();
    }
}
