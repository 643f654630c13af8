package org.bayan.archive;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bayan.feed.FeedFormat;
import org.bayan.feed.FeedLink;
import org.bayan.feed.FeedResponder;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Page;
import org.bayan.platform.web.PageCache;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Pager;
import org.bayan.platform.web.Renderer;
import org.bayan.statement.PageKeys;
import org.bayan.statement.PublicStatements;

/**
 * {@code /tag}: every tag readers can follow, as a cloud; {@code /tag/{slug}}: the statements
 * carrying one tag, newest first; {@code /tag/{slug}/feed.rss} and {@code feed.atom}: its feeds.
 * The old slug of a renamed or merged tag, and its feeds, redirect (301) to the tag it became.
 */
public final class TagArchiveServlet extends PageServlet {

    private final PublicStatements statements;
    private final FeedResponder feeds;

    public TagArchiveServlet(Renderer renderer, PublicStatements statements, FeedResponder feeds) {
        super(renderer);
        this.statements = statements;
        this.feeds = feeds;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() == null) {
            cloud(req, resp);
            return;
        }
        String[] parts = req.getPathInfo().substring(1).split("/", -1);
        String slug = parts[0];
        String lang = renderer.language(req);
        if (slug.isEmpty() || slug.length() > 120 || parts.length > 2) {
            throw HttpError.notFound("no tag");
        }
        if (parts.length == 2) {
            FeedFormat format = FeedFormat.byFileName(parts[1])
                    .orElseThrow(() -> HttpError.notFound("no such page of a tag"));
            if (!feeds.tag(req, resp, slug, format)) {
                // A renamed or merged tag's feed moves with it, so subscribers keep receiving it.
                String target = statements.tagRedirect(lang, slug).orElseThrow(() -> HttpError.notFound("no such tag"));
                redirectPermanently(req, resp, "/tag/" + target + "/" + parts[1]);
            }
            return;
        }
        int page = Pager.parse(req.getParameter("page"));
        Optional<PublicStatements.Tagged> found = statements
                .tagged(lang, slug, Pager.offset(page, Pager.DEFAULT_SIZE), Pager.DEFAULT_SIZE);
        if (found.isEmpty()) {
            // A renamed or merged tag: its old address is kept alive by a redirect.
            String target = statements.tagRedirect(lang, slug).orElseThrow(() -> HttpError.notFound("no such tag"));
            redirectPermanently(req, resp, "/tag/" + target); // percent-encoded there
            return;
        }
        PublicStatements.Tagged tagged = found.get();
        PageCache.shows(req, List.of(PageKeys.tag(tagged.id())));
        Pager pager = new Pager(page, Pager.DEFAULT_SIZE, tagged.listing().total()).requireExists();

        String heading = renderer.message(req, "tag.heading") + " " + tagged.name();
        List<Crumb> trail = new ArrayList<>(renderer.siteTrail(req));
        trail.add(Crumb.current(heading));
        renderer.render(req, resp, new Page("tag", Map.of(
                "tag", tagged,
                "items", tagged.listing().items(),
                "pager", pager,
                "title", heading,
                "description", heading,
                "feeds", FeedLink.of(renderer, renderer.language(req), "/tag/" + tagged.slug(), heading),
                "alternates", renderer.alternates(req, other -> tagged.counterparts().containsKey(other)
                        ? "/tag/" + tagged.counterparts().get(other) : null)),
                trail, "/tag/" + tagged.slug() + (page > 1 ? "?page=" + page : "")));
    }

    /** The tag cloud, under the site's main breadcrumb like every tag page. */
    private void cloud(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageCache.shows(req, List.of(PageKeys.TAG_CLOUD));
        String heading = renderer.message(req, "tags.heading");
        List<Crumb> trail = new ArrayList<>(renderer.siteTrail(req));
        trail.add(Crumb.current(heading));
        renderer.render(req, resp, new Page("tags", Map.of(
                "cloud", statements.tagCloud(renderer.language(req)),
                "alternates", renderer.alternates(req, other -> "/tag"),
                "title", heading,
                "description", renderer.message(req, "tags.description")), trail, "/tag"));
    }
}
