package org.bayan.tag;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Page;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Pager;
import org.bayan.platform.web.Renderer;
import org.bayan.statement.PublicStatements;

/**
 * {@code /tag/{slug}}: the statements carrying one tag, newest first; the old slug of a renamed
 * or merged tag redirects (301) to the tag it became.
 */
public final class TagServlet extends PageServlet {

    private final PublicStatements statements;
    private final TagService tags;

    public TagServlet(Renderer renderer, PublicStatements statements, TagService tags) {
        super(renderer);
        this.statements = statements;
        this.tags = tags;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String slug = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        if (slug.isEmpty() || slug.contains("/") || slug.length() > 120) {
            throw HttpError.notFound("no tag");
        }
        int page = Pager.parse(req.getParameter("page"));
        Optional<PublicStatements.Tagged> found = statements
                .tagged(slug, Pager.offset(page, Pager.DEFAULT_SIZE), Pager.DEFAULT_SIZE);
        if (found.isEmpty()) {
            // A renamed or merged tag: its old address is kept alive by a redirect.
            String target = tags.redirectTarget(slug).orElseThrow(() -> HttpError.notFound("no such tag"));
            redirectPermanently(req, resp, "/tag/" + URLEncoder.encode(target, StandardCharsets.UTF_8));
            return;
        }
        PublicStatements.Tagged tagged = found.get();
        Pager pager = new Pager(page, Pager.DEFAULT_SIZE, tagged.listing().total()).requireExists();

        String heading = renderer.message("tag.heading") + " " + tagged.name();
        List<Crumb> trail = new ArrayList<>(renderer.siteTrail());
        trail.add(Crumb.current(heading));
        renderer.render(req, resp, new Page("tag", Map.of(
                "tag", tagged,
                "items", tagged.listing().items(),
                "pager", pager,
                "title", heading,
                "description", heading), trail, "/tag/" + tagged.slug() + (page > 1 ? "?page=" + page : "")));
    }
}
