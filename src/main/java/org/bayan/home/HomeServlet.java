package org.bayan.home;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.bayan.feed.FeedLink;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.Page;
import org.bayan.platform.web.PageCache;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;
import org.bayan.section.Sections;
import org.bayan.statement.Listing;
import org.bayan.statement.PageKeys;
import org.bayan.statement.PublicStatements;
import org.bayan.statement.StatementSummary;

/** The home page: the newest statements of every section, and the way into each section. */
public final class HomeServlet extends PageServlet {

    static final int LATEST = 10;

    private final Sections sections;
    private final PublicStatements statements;

    public HomeServlet(Renderer renderer, Sections sections, PublicStatements statements) {
        super(renderer);
        this.sections = sections;
        this.statements = statements;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageCache.shows(req, List.of(PageKeys.HOME));
        String lang = renderer.language(req);
        Listing latest = statements.latest(lang, 0, LATEST);
        // The newest statement leads, large, when it has a photo; the others follow as a listing.
        List<StatementSummary> items = latest.items();
        StatementSummary lead = !items.isEmpty() && items.get(0).image() != null ? items.get(0) : null;
        Map<String, Object> model = new java.util.HashMap<>(Map.of(
                "items", lead == null ? items : items.subList(1, items.size()),
                "sections", sections.tree(lang).roots(),
                "mainSection", sections.mainSection(lang).orElse(null),
                "title", renderer.message(req, "home.title"),
                "description", renderer.message(req, "site.description"),
                "feeds", FeedLink.of(renderer, renderer.language(req), "", renderer.message(req, "home.title")),
                "alternates", renderer.alternates(req, other -> "/")));
        model.put("lead", lead); // null: none
        renderer.render(req, resp, new Page("home", model,
                List.of(Crumb.current(renderer.message(req, "nav.home"))), "/"));
    }
}
