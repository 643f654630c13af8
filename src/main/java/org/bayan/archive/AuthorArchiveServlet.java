package org.bayan.archive;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code /author/{id}}: the statements one member of staff wrote, newest first, in the reader's
 * language; a 404 unless an admin listed the account's author page (as the import does for an old
 * site's authors, whose listings there lead here).
 */
public final class AuthorArchiveServlet extends PageServlet {

    private final PublicStatements statements;

    public AuthorArchiveServlet(Renderer renderer, PublicStatements statements) {
        super(renderer);
        this.statements = statements;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || !path.matches("/[1-9][0-9]{0,17}")) {
            throw HttpError.notFound("no such author");
        }
        long id = Long.parseLong(path.substring(1));
        int page = Pager.parse(req.getParameter("page"));
        PublicStatements.Authored author = statements
                .byAuthor(renderer.language(req), id, Pager.offset(page, Pager.DEFAULT_SIZE), Pager.DEFAULT_SIZE)
                .orElseThrow(() -> HttpError.notFound("no such author page"));
        Pager pager = new Pager(page, Pager.DEFAULT_SIZE, author.listing().total()).requireExists();
        PageCache.shows(req, List.of(PageKeys.author(id)));
        String heading = renderer.message(req, "author.heading", author.name());
        List<Crumb> trail = new ArrayList<>(renderer.siteTrail(req));
        trail.add(Crumb.current(heading));
        renderer.render(req, resp, new Page("author", Map.of(
                "author", author,
                "items", author.listing().items(),
                "pager", pager,
                "title", heading,
                "description", heading,
                "alternates", renderer.alternates(req, other -> "/author/" + id)),
                trail, "/author/" + id + (page > 1 ? "?page=" + page : "")));
    }
}
