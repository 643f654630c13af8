package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A feed reader keeps one entry per statement: an edit that changes the title and slug keeps the
 * entry's Atom id and RSS guid, and moves Atom's updated on. Edits a statement of its own, which
 * it trashes afterwards.
 */
class FeedIdsIT {

    static final String RUN = Long.toString(System.nanoTime(), 36);

    static SyndFeed read(String xml) throws Exception {
        return new SyndFeedInput().build(new InputSource(new StringReader(xml)));
    }

    @Test
    void anEditThatChangesTheSlugKeepsTheEntryIdAndMovesUpdatedOn() throws Exception {
        Session admin = Session.admin();
        String tag = "feed-ids-" + RUN;
        admin.get("/admin/statements/new");
        Site.Page saved = admin.post("/admin/statements/new", Map.of("title", "Feed ids " + RUN, "body", "<p>First.</p>",
                "sectionId", EditorialIT.sectionId(admin, "Coalition News"), "tags", tag, "source", "Test desk",
                "action", "publish"));
        assertEquals(302, saved.status(), saved.body());
        long id = Long.parseLong(saved.header("Location").replaceAll(".*/admin/statements/(\\d+)$", "$1"));
        try {
            SyndFeed atomBefore = read(Site.main().get("/tag/" + tag + "/feed.atom").body());
            String rssBefore = Site.main().get("/tag/" + tag + "/feed.rss").body();
            SyndEntry before = atomBefore.getEntries().get(0);
            assertTrue(before.getUri().matches("tag:[a-z0-9.-]+,\\d{4}-\\d{2}-\\d{2}:bayan/statement/" + id), before.getUri());
            assertTrue(before.getLink().endsWith("/item/" + id + "-feed-ids-" + RUN), before.getLink());

            Thread.sleep(1_100); // feeds give times to the second
            Map<String, String> form = EditorialIT.editorForm(admin, id);
            form.put("title", "Feed ids renamed " + RUN);
            form.put("slug", "renamed-" + RUN);
            form.put("body", "<p>Corrected.</p>");
            form.put("action", "save");
            assertEquals(302, admin.post("/admin/statements/" + id, form).status());

            SyndFeed atomAfter = read(Site.main().get("/tag/" + tag + "/feed.atom").body());
            String rssAfter = Site.main().get("/tag/" + tag + "/feed.rss").body();
            SyndEntry after = atomAfter.getEntries().get(0);
            assertEquals(1, atomAfter.getEntries().size());
            assertTrue(after.getLink().endsWith("/item/" + id + "-renamed-" + RUN), after.getLink());
            assertEquals(before.getUri(), after.getUri(), "the same Atom id: one entry in a reader, not two");
            assertTrue(after.getUpdatedDate().after(before.getUpdatedDate()), "updated moved on with the edit");
            assertTrue(atomAfter.getPublishedDate().after(atomBefore.getPublishedDate()), "the feed's updated too");
            assertNotEquals(atomBefore.getEntries().get(0).getTitle(), after.getTitle());

            String guid = guid(rssBefore);
            assertEquals(before.getUri(), guid, "the RSS guid is the same id");
            assertEquals(guid, guid(rssAfter), "and outlives the slug too");
            assertTrue(rssAfter.contains("<guid isPermaLink=\"false\">"), rssAfter);
            assertRssNamesItselfAndNoManagingEditor(rssAfter, "/tag/" + tag + "/feed.rss");
            assertRssNamesItselfAndNoManagingEditor(Site.main().get("/feed.rss").body(), "/feed.rss");
        } finally {
            Map<String, String> form = EditorialIT.editorForm(admin, id);
            form.put("action", "trash");
            admin.post("/admin/statements/" + id, form);
        }
    }

    static String guid(String rss) throws Exception {
        return parse(rss).getElementsByTagName("guid").item(0).getTextContent();
    }

    static void assertRssNamesItselfAndNoManagingEditor(String rss, String path) throws Exception {
        org.w3c.dom.Document doc = parse(rss);
        NodeList links = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
        assertEquals(1, links.getLength(), rss);
        Element self = (Element) links.item(0);
        assertEquals("channel", self.getParentNode().getNodeName());
        assertEquals("self", self.getAttribute("rel"));
        assertEquals("application/rss+xml", self.getAttribute("type"));
        assertEquals(Site.main().url(path), self.getAttribute("href"));
        assertEquals(0, doc.getElementsByTagName("managingEditor").getLength(), "no e-mail address is configured");
        assertFalse(rss.contains("Bayan"), "the product names nothing in a feed");
    }

    static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
