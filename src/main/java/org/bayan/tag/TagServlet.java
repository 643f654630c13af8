package org.bayan.tag;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Page;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Pager;
import org.bayan.platform.web.Renderer;
import org.bayan.statement.PublicStatements;

/**
 * {@code /tag}: every tag readers can follow, as a cloud; {@code /tag/{slug}}: the statements
 * carrying one tag, newest first.
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
        if (req.getPathInfo() == null) {
            cloud(req, resp);
            return;
        }
        String slug = req.getPathInfo().substring(1);
        if (slug.isEmpty() || slug.contains("/") || slug.length() > 120) {
            throw HttpError.notFound("no tag");
        }
        int page = Pager.parse(req.getParameter("page"));
        PublicStatements.Tagged tagged = statements
                .tagged(slug, Pager.offset(page, Pager.DEFAULT_SIZE), Pager.DEFAULT_SIZE)
                .orElseThrow(() -> HttpError.notFound("no such tag"));
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

    /** The tag cloud, under the site's main breadcrumb like every tag page. */
    private void cloud(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String heading = renderer.message("tags.heading");
        List<Crumb> trail = new ArrayList<>(renderer.siteTrail());
        trail.add(Crumb.current(heading));
        renderer.render(req, resp, new Page("tags", Map.of(
                "cloud", statements.tagCloud(),
                "title", heading,
                "description", renderer.message("tags.description")), trail, "/tag"));
    }
}
