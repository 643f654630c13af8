package org.bayan.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A WordPress export (WXR 1.2, as Tools → Export writes it) and its uploads folder, with what a
 * real one holds: posts of every status, one whose id the site already uses, paragraphs as blank
 * lines, shortcodes, a caption, a resized picture in a text, a featured image and a document
 * attached, one featured image whose file is gone, an Arabic tag with WordPress's encoded slug,
 * nested categories, comments, a page and a menu entry (which are not statements).
 */
public final class WxrFixture {

    private WxrFixture() {
    }

    /** Writes the export as {@code export.xml} in the folder and the files under {@code uploads/}; the export's path. */
    public static Path write(Path folder) throws IOException {
        Path uploads = folder.resolve("uploads/2018/05");
        Files.createDirectories(uploads);
        Files.write(uploads.resolve("crowd.jpg"), SampleFiles.cameraJpeg(1600, 900));
        Files.write(uploads.resolve("crowd-1024x576.jpg"), SampleFiles.jpeg(1024, 576));
        Files.write(uploads.resolve("statement.pdf"), SampleFiles.pdfWithMetadata());
        Path export = folder.resolve("export.xml");
        Files.writeString(export, EXPORT, StandardCharsets.UTF_8);
        return export;
    }

    /** The uploads folder {@link #write} made. */
    public static Path uploads(Path folder) {
        return folder.resolve("uploads");
    }

    private static String post(long id, String title, String slug, String status, String dateGmt, String content,
                               String more) {
        return """
                <item>
                  <title><![CDATA[%s]]></title>
                  <link>https://old.example.org/2018/05/02/%s/</link>
                  <pubDate>Wed, 02 May 2018 11:00:00 +0000</pubDate>
                  <dc:creator><![CDATA[mediaoffice]]></dc:creator>
                  <guid isPermaLink="false">https://old.example.org/?p=%d</guid>
                  <description></description>
                  <content:encoded><![CDATA[%s]]></content:encoded>
                  <excerpt:encoded><![CDATA[]]></excerpt:encoded>
                  <wp:post_id>%d</wp:post_id>
                  <wp:post_date><![CDATA[2018-05-02 14:00:00]]></wp:post_date>
                  <wp:post_date_gmt><![CDATA[%s]]></wp:post_date_gmt>
                  <wp:post_modified_gmt><![CDATA[%s]]></wp:post_modified_gmt>
                  <wp:comment_status><![CDATA[open]]></wp:comment_status>
                  <wp:post_name><![CDATA[%s]]></wp:post_name>
                  <wp:status><![CDATA[%s]]></wp:status>
                  <wp:post_parent>0</wp:post_parent>
                  <wp:menu_order>0</wp:menu_order>
                  <wp:post_type><![CDATA[post]]></wp:post_type>
                  <wp:is_sticky>0</wp:is_sticky>
                  <category domain="category" nicename="coalition-news"><![CDATA[Coalition News]]></category>
                  %s
                </item>
                """.formatted(title, slug, id, content, id, dateGmt, dateGmt, slug, status, more);
    }

    private static String attachment(long id, long parent, String title, String file, String caption) {
        return """
                <item>
                  <title><![CDATA[%s]]></title>
                  <link>https://old.example.org/?attachment_id=%d</link>
                  <dc:creator><![CDATA[mediaoffice]]></dc:creator>
                  <content:encoded><![CDATA[]]></content:encoded>
                  <excerpt:encoded><![CDATA[%s]]></excerpt:encoded>
                  <wp:post_id>%d</wp:post_id>
                  <wp:post_date_gmt><![CDATA[2018-05-02 10:00:00]]></wp:post_date_gmt>
                  <wp:post_name><![CDATA[%s]]></wp:post_name>
                  <wp:status><![CDATA[inherit]]></wp:status>
                  <wp:post_parent>%d</wp:post_parent>
                  <wp:post_type><![CDATA[attachment]]></wp:post_type>
                  <wp:attachment_url><![CDATA[https://old.example.org/wp-content/uploads/%s]]></wp:attachment_url>
                  <wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[%s]]></wp:meta_value></wp:postmeta>
                </item>
                """.formatted(title, id, caption, id, "attachment-" + id, parent, file, file);
    }

    private static final String EXPORT = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0"
              xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
              xmlns:content="http://purl.org/rss/1.0/modules/content/"
              xmlns:wfw="http://wellformedweb.org/CommentAPI/"
              xmlns:dc="http://purl.org/dc/elements/1.1/"
              xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
              <title>Coalition Media</title>
              <link>https://old.example.org</link>
              <language>en-US</language>
              <wp:wxr_version>1.2</wp:wxr_version>
              <wp:base_site_url>https://old.example.org</wp:base_site_url>
              <wp:base_blog_url>https://old.example.org</wp:base_blog_url>
              <wp:author><wp:author_id>7</wp:author_id><wp:author_login><![CDATA[mediaoffice]]></wp:author_login>
                <wp:author_email><![CDATA[mo@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Media Office]]></wp:author_display_name></wp:author>
              <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[media-center]]></wp:category_nicename>
                <wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Media Center]]></wp:cat_name></wp:category>
              <wp:category><wp:term_id>4</wp:term_id><wp:category_nicename><![CDATA[coalition-news]]></wp:category_nicename>
                <wp:category_parent><![CDATA[media-center]]></wp:category_parent><wp:cat_name><![CDATA[Coalition News]]></wp:cat_name></wp:category>
              <wp:category><wp:term_id>5</wp:term_id><wp:category_nicename><![CDATA[statements]]></wp:category_nicename>
                <wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Statements & Speeches]]></wp:cat_name></wp:category>
              <wp:tag><wp:term_id>8</wp:term_id><wp:tag_slug><![CDATA[russia]]></wp:tag_slug><wp:tag_name><![CDATA[Russia]]></wp:tag_name></wp:tag>
              <wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug><![CDATA[%d8%ad%d9%85%d8%b5]]></wp:tag_slug><wp:tag_name><![CDATA[حمص]]></wp:tag_name></wp:tag>
            """
            + attachment(20, 11, "Crowds", "2018/05/crowd.jpg", "Crowds in the square")
            + attachment(21, 11, "The signed statement", "2018/05/statement.pdf", "")
            + attachment(22, 12, "Gone", "2018/05/gone.jpg", "")
            + post(11, "Coalition Calls for Comprehensive Ceasefire", "coalition-calls-for-ceasefire", "publish", "2018-05-02 11:00:00",
                    "The coalition called for a comprehensive ceasefire.\n\nIt said monitoring is needed,\nand soon.\n\n"
                            + "[caption id=\"attachment_20\" align=\"aligncenter\" width=\"1024\"]<img class=\"size-large\" "
                            + "src=\"https://old.example.org/wp-content/uploads/2018/05/crowd-1024x576.jpg\" alt=\"Crowds in Idlib\" "
                            + "srcset=\"https://old.example.org/wp-content/uploads/2018/05/crowd-300x169.jpg 300w\" width=\"1024\" height=\"576\" />"
                            + " Crowds in Idlib[/caption]\n\n[gallery ids=\"20,21\"]\n\n"
                            + "<script>alert(1)</script>President Mustafa spoke. (Source: Syrian Coalition’s Media Department)",
                    """
                    <category domain="category" nicename="statements"><![CDATA[Statements]]></category>
                    <category domain="post_tag" nicename="russia"><![CDATA[Russia]]></category>
                    <category domain="post_tag" nicename="%d8%ad%d9%85%d8%b5"><![CDATA[حمص]]></category>
                    <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[20]]></wp:meta_value></wp:postmeta>
                    <wp:postmeta><wp:meta_key><![CDATA[_yoast_wpseo_metadesc]]></wp:meta_key><wp:meta_value><![CDATA[The ceasefire call, in brief.]]></wp:meta_value></wp:postmeta>
                    <wp:is_sticky>1</wp:is_sticky>
                    <wp:comment><wp:comment_id>501</wp:comment_id><wp:comment_author><![CDATA[Reader One]]></wp:comment_author>
                      <wp:comment_author_email><![CDATA[one@example.org]]></wp:comment_author_email><wp:comment_author_url>https://one.example.org</wp:comment_author_url>
                      <wp:comment_date_gmt><![CDATA[2018-05-02 12:00:00]]></wp:comment_date_gmt>
                      <wp:comment_content><![CDATA[Thank you, "finally".]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                      <wp:commentmeta><wp:meta_key><![CDATA[akismet_result]]></wp:meta_key><wp:meta_value><![CDATA[false]]></wp:meta_value></wp:commentmeta>
                    </wp:comment>
                    <wp:comment><wp:comment_id>502</wp:comment_id><wp:comment_author><![CDATA[Spam]]></wp:comment_author>
                      <wp:comment_author_email><![CDATA[]]></wp:comment_author_email><wp:comment_author_url></wp:comment_author_url>
                      <wp:comment_date_gmt><![CDATA[2018-05-02 13:00:00]]></wp:comment_date_gmt>
                      <wp:comment_content><![CDATA[Buy now]]></wp:comment_content><wp:comment_approved><![CDATA[spam]]></wp:comment_approved>
                    </wp:comment>
                    """)
            + post(12, "الائتلاف يدعو إلى وقف شامل لإطلاق النار", "%d8%a7%d9%84%d8%a7%d8%a6%d8%aa%d9%84%d8%a7%d9%81", "draft",
                    "0000-00-00 00:00:00", "<p>مسودة.</p>",
                    "<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[22]]></wp:meta_value></wp:postmeta>")
            + post(13, "A Future Post", "future-post", "future", "2099-01-01 09:00:00", "Soon.", "")
            + post(14, "A Post In Review", "in-review", "pending", "2018-04-01 10:00:00", "Waiting.", "")
            + post(15, "A Trashed Post", "trashed-post", "trash", "2018-04-02 10:00:00", "Gone.", "")
            + post(16, "A Private Post", "private-post", "private", "2018-04-03 10:00:00", "Ours.", "")
            + post(1, "Hello world!", "hello-world", "publish", "2018-04-04 10:00:00", "Welcome to WordPress.", "")
            + """
            <item>
              <title>About</title>
              <wp:post_id>30</wp:post_id>
              <wp:post_name><![CDATA[about]]></wp:post_name>
              <wp:status><![CDATA[publish]]></wp:status>
              <wp:post_type><![CDATA[page]]></wp:post_type>
              <content:encoded><![CDATA[About us.]]></content:encoded>
            </item>
            <item>
              <title>Home</title>
              <wp:post_id>31</wp:post_id>
              <wp:post_type><![CDATA[nav_menu_item]]></wp:post_type>
            </item>
            </channel>
            </rss>
            """;
}
