package org.bayan.feed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.PageCache;
import org.bayan.platform.web.Renderer;
import org.bayan.section.SectionNode;
import org.bayan.statement.PageKeys;

/**
 * Answers a feed request: the site's ({@link FeedServlet}), a section's (routed by the
 * section router, since section paths come from data) or a tag's (routed by the tag pages).
 * Titles and descriptions are those of the page the feed follows.
 */
public final class FeedResponder {

    private final Renderer renderer;
    private final Feeds feeds;

    public FeedResponder(Renderer renderer, Feeds feeds) {
        this.renderer = renderer;
        this.feeds = feeds;
    }

    public void site(HttpServletRequest req, HttpServletResponse resp, FeedFormat format) throws IOException {
        PageCache.shows(req, List.of(PageKeys.HOME));
        answer(req, resp, format, new Feed(FeedLink.title(renderer, renderer.language(req), renderer.message(req, "home.title")),
                renderer.message(req, "site.description"), "/", "", feeds.latest(renderer.language(req))));
    }

    public void section(HttpServletRequest req, HttpServletResponse resp, SectionNode section, FeedFormat format)
            throws IOException {
        PageCache.shows(req, List.of(PageKeys.section(section.id())));
        String description = section.description() != null && !section.description().isBlank()
                ? section.description() : renderer.message(req, "site.description");
        answer(req, resp, format, new Feed(FeedLink.title(renderer, renderer.language(req), section.name()), description,
                section.path(), section.path(), feeds.section(renderer.language(req), section)));
    }

    /**
     * Answers a tag's feed; false, with nothing written, if no visible statement carries a tag
     * of this slug now (its page is then a 404 too).
     */
    public boolean tag(HttpServletRequest req, HttpServletResponse resp, String slug, FeedFormat format) throws IOException {
        Optional<Feeds.Tagged> found = feeds.tag(renderer.language(req), slug);
        if (found.isEmpty()) {
            return false;
        }
        Feeds.Tagged tagged = found.get();
        PageCache.shows(req, List.of(PageKeys.tag(tagged.id())));
        String heading = renderer.message(req, "tag.heading") + " " + tagged.name();
        String path = "/tag/" + tagged.slug();
        answer(req, resp, format, new Feed(FeedLink.title(renderer, renderer.language(req), heading), heading, path, path, tagged.items()));
        return true;
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp, FeedFormat format, Feed feed)
            throws IOException {
        if (Freshness.of(req.getRequestURI(), feed).answer(req, resp)) {
            return;
        }
        resp.setContentType(format.mediaType() + ";charset=UTF-8");
        new FeedWriter(renderer.siteName(req), renderer.message(req, "statement.source"), renderer.language(req)).write(feed, format, path -> renderer.absoluteUri(req, path), resp.getWriter());
    }
}
