package org.bayan.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A WordPress export (WXR, "WordPress eXtended RSS", as Tools → Export writes it), read as a
 * stream: {@link #open} reads the file once to its end, so that a file cut short or not an
 * export is refused before anything is written, and keeps what is small and needed throughout
 * (authors, categories, tags, the attachments' files, each post's address); {@link #posts} reads
 * it again, handing over one post at a time. XML's entities and DTDs are not resolved (no
 * file or address outside the export is ever read).
 */
public final class WxrSource implements AutoCloseable {

    public record Author(long id, String login, String name) {
    }

    /** A category ({@code parent} its parent's slug, empty for none) or a tag. */
    public record Term(long id, String slug, String parent, String name) {
    }

    /** An attachment entry: its file, as uploaded ({@code wp-content/uploads/…}), and the post it belongs to. */
    public record Attachment(long id, long parent, String title, String url, String file, String caption) {
    }

    /** A reader's comment. */
    public record Comment(long id, String author, String email, String url, String date, String text, boolean approved) {
    }

    /** A post whole, as the second reading hands it over. */
    public record Post(long id, String title, String slug, String link, String creator, String content, String excerpt,
                       String status, String date, String dateGmt, String modifiedGmt, String type, boolean sticky,
                       List<String> categories, List<String> tags, Long thumbnail, List<Comment> comments,
                       String metaDescription) {
    }

    /** A post's address, for links and redirects: its id, slug, date and status. */
    public record Address(long id, String slug, String date, String status) {
    }

    private final Path file;
    String language = "";
    String baseUrl = "";
    final List<Author> authors = new ArrayList<>();
    final Map<String, Term> categories = new LinkedHashMap<>();
    final Map<String, Term> tags = new LinkedHashMap<>();
    final Map<Long, Attachment> attachments = new HashMap<>();
    final List<Address> posts = new ArrayList<>();

    private WxrSource(Path file) {
        this.file = file;
    }

    /** Reads the export through, or refuses it: missing, unreadable, not well-formed, not WordPress's. */
    public static WxrSource open(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new ImportRefused("import.wxr.missing", file);
        }
        WxrSource source = new WxrSource(file);
        source.read(post -> { }, true);
        return source;
    }

    public List<Author> authors() { return authors; }
    public Map<String, Term> categories() { return categories; }
    public Map<String, Term> tags() { return tags; }
    public Map<Long, Attachment> attachments() { return attachments; }
    public List<Address> addresses() { return posts; }
    /** The channel's language ({@code en-US}), or empty. */
    public String language() { return language; }
    /** The site's address the export names ({@code wp:base_site_url}), or empty. */
    public String baseUrl() { return baseUrl; }

    /** Every post of type {@code post}, one at a time, in the file's order. */
    public void posts(Consumer<Post> each) {
        read(post -> {
            if (post.type().equals("post")) each.accept(post);
        }, false);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    private void read(Consumer<Post> each, boolean first) {
        boolean wordpress = false;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = factory().createXMLStreamReader(in);
            try {
                if (x.nextTag() != XMLStreamConstants.START_ELEMENT || !x.getLocalName().equals("rss")) {
                    throw new ImportRefused("import.wxr.notWxr", file.getFileName());
                }
                while (x.hasNext()) {
                    if (x.next() != XMLStreamConstants.START_ELEMENT) continue;
                    String name = x.getLocalName();
                    boolean wp = isWp(x);
                    if (wp && name.equals("wxr_version")) {
                        wordpress = true;
                        x.getElementText();
                    } else if (!first && wp && (name.equals("author") || name.equals("category") || name.equals("tag") || name.equals("term"))) {
                        skip(x);
                    } else if (wp && name.equals("author")) {
                        Map<String, String> f = fields(x);
                        authors.add(new Author(number(f.get("author_id")), f.getOrDefault("author_login", ""),
                                f.getOrDefault("author_display_name", "")));
                    } else if (wp && name.equals("category")) {
                        Map<String, String> f = fields(x);
                        String slug = f.getOrDefault("category_nicename", "");
                        if (!slug.isEmpty()) {
                            categories.put(slug, new Term(number(f.get("term_id")), slug, f.getOrDefault("category_parent", ""),
                                    f.getOrDefault("cat_name", slug)));
                        }
                    } else if (wp && name.equals("tag")) {
                        Map<String, String> f = fields(x);
                        String slug = f.getOrDefault("tag_slug", "");
                        if (!slug.isEmpty()) {
                            tags.put(slug, new Term(number(f.get("term_id")), slug, "", f.getOrDefault("tag_name", slug)));
                        }
                    } else if (!wp && name.equals("language") && x.getNamespaceURI() == null) {
                        language = x.getElementText().strip();
                    } else if (wp && name.equals("base_site_url")) {
                        baseUrl = x.getElementText().strip();
                    } else if (!wp && name.equals("item")) {
                        item(x, each, first);
                    }
                }
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new ImportRefused("import.wxr.malformed", file.getFileName(), line, oneLine(e.getMessage()));
        } catch (IOException e) {
            throw new ImportRefused("import.wxr.unreadable", file.getFileName(), oneLine(e.getMessage()));
        }
        if (!wordpress) {
            throw new ImportRefused("import.wxr.notWxr", file.getFileName());
        }
    }

    private static boolean isWp(XMLStreamReader x) {
        String ns = x.getNamespaceURI();
        return ns != null && ns.startsWith("http://wordpress.org/export/") && !ns.contains("excerpt");
    }

    /** One {@code <item>}: a post, a page, an attachment or another of WordPress's types. */
    private void item(XMLStreamReader x, Consumer<Post> each, boolean first) throws XMLStreamException {
        Map<String, String> f = new HashMap<>();
        List<String> categories = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        Map<String, String> meta = new HashMap<>();
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = x.getLocalName();
            String ns = x.getNamespaceURI() == null ? "" : x.getNamespaceURI();
            if (name.equals("category") && ns.isEmpty()) {
                String domain = attribute(x, "domain");
                String slug = attribute(x, "nicename");
                String text = x.getElementText().strip();
                if (slug.isEmpty()) slug = text;
                if ("category".equals(domain)) categories.add(slug);
                else if ("post_tag".equals(domain)) {
                    tags.add(slug);
                    if (first) this.tags.putIfAbsent(slug, new Term(0, slug, "", text));
                }
            } else if (name.equals("postmeta")) {
                Map<String, String> m = fields(x);
                meta.put(m.getOrDefault("meta_key", ""), m.getOrDefault("meta_value", ""));
            } else if (name.equals("comment")) {
                Map<String, String> c = fields(x);
                if (!first) {
                    comments.add(new Comment(number(c.get("comment_id")), c.getOrDefault("comment_author", ""),
                            c.getOrDefault("comment_author_email", ""), c.getOrDefault("comment_author_url", ""),
                            c.getOrDefault("comment_date_gmt", c.getOrDefault("comment_date", "")),
                            c.getOrDefault("comment_content", ""), "1".equals(c.get("comment_approved"))));
                }
            } else if (ns.startsWith("http://purl.org/rss/1.0/modules/content")) {
                f.put("content", x.getElementText());
            } else if (ns.contains("excerpt")) {
                f.put("excerpt", x.getElementText());
            } else if (ns.startsWith("http://purl.org/dc/")) {
                f.put("dc:" + name, x.getElementText().strip());
            } else {
                f.put(name, text(x));
            }
        }
        String type = f.getOrDefault("post_type", "");
        Long thumbnail = meta.containsKey("_thumbnail_id") && meta.get("_thumbnail_id").matches("\\d{1,18}")
                ? Long.parseLong(meta.get("_thumbnail_id")) : null;
        long id = number(f.get("post_id"));
        if (type.equals("attachment")) {
            if (first) {
                String url = f.getOrDefault("attachment_url", "");
                attachments.put(id, new Attachment(id, number(f.get("post_parent")), f.getOrDefault("title", ""), url,
                        meta.getOrDefault("_wp_attached_file", ""), f.getOrDefault("excerpt", "").strip()));
            }
            return;
        }
        Post post = new Post(id, f.getOrDefault("title", "").strip(), f.getOrDefault("post_name", "").strip(),
                f.getOrDefault("link", "").strip(), f.getOrDefault("dc:creator", ""), f.getOrDefault("content", ""),
                f.getOrDefault("excerpt", ""), f.getOrDefault("status", "").strip(), f.getOrDefault("post_date", "").strip(),
                f.getOrDefault("post_date_gmt", "").strip(), f.getOrDefault("post_modified_gmt", "").strip(), type.strip(),
                "1".equals(f.get("is_sticky")), categories, tags, thumbnail, comments,
                // The description the most used SEO plugins keep for a post (Yoast's, then All in One SEO's).
                meta.getOrDefault("_yoast_wpseo_metadesc", meta.getOrDefault("_aioseo_description", "")).strip());
        if (first) {
            if (post.type().equals("post")) posts.add(new Address(post.id(), post.slug(), post.date(), post.status()));
        } else {
            each.accept(post);
        }
    }

    /** The text of an element, its children's skipped. */
    private static String text(XMLStreamReader x) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int e = x.next();
            if (e == XMLStreamConstants.START_ELEMENT) depth++;
            else if (e == XMLStreamConstants.END_ELEMENT) depth--;
            else if (depth == 1 && (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA)) text.append(x.getText());
        }
        return text.toString();
    }

    /** The simple children of an element (author, category, postmeta, comment), by local name. */
    private static Map<String, String> fields(XMLStreamReader x) throws XMLStreamException {
        Map<String, String> f = new HashMap<>();
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = x.getLocalName();
            f.put(name, text(x).strip());
        }
        return f;
    }

    private static void skip(XMLStreamReader x) throws XMLStreamException {
        text(x);
    }

    private static String attribute(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null ? "" : v.strip();
    }

    private static long number(String value) {
        return value != null && value.strip().matches("\\d{1,18}") ? Long.parseLong(value.strip()) : 0;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }

    @Override
    public void close() {
        // the file is opened for each reading, and closed after it
    }
}
