package org.bayan.statement;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.LanguageFilter;
import org.bayan.platform.web.Page;
import org.bayan.platform.web.PageCache;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Publication;
import org.bayan.platform.web.Renderer;
import org.bayan.section.SectionNode;
import org.bayan.section.SectionTree;

/**
 * The page of one statement, {@code /{section path}/item/{id}-{slug}}, and its preview in the
 * admin area: one model, one template ({@code statement.html}). The section router
 * (archive.SectionArchiveServlet) hands it the item segment of a section's path; the statement
 * editor hands it a statement as it stands, which the reader does not see yet.
 */
public final class StatementPageView {

    private static final Pattern ITEM = Pattern.compile("([0-9]{1,18})(?:-(.*))?");

    private final Renderer renderer;
    private final PublicStatements statements;
    private final ZoneId zone;
    private final BiFunction<SectionNode, String, List<?>> feeds;

    /**
     * @param feeds the feeds a statement's page names in its head: its section's, in the
     *              statement's language (feed/ builds them, and needs statement/, so they are handed in)
     */
    public StatementPageView(Renderer renderer, PublicStatements statements, ZoneId zone,
                             BiFunction<SectionNode, String, List<?>> feeds) {
        this.renderer = renderer;
        this.statements = statements;
        this.zone = zone;
        this.feeds = feeds;
    }

    /**
     * Answers {@code .../item/{idAndSlug}}: the page of a statement readers may see, a permanent
     * redirect to its canonical address when the request names another (a wrong or missing slug,
     * another section), or 404.
     */
    public void serve(HttpServletRequest req, HttpServletResponse resp, SectionTree tree, String idAndSlug)
            throws IOException {
        Matcher m = ITEM.matcher(idAndSlug);
        if (!m.matches()) {
            throw HttpError.notFound("not a statement id");
        }
        StatementPage statement = statements.statement(Long.parseLong(m.group(1)))
                .orElseThrow(() -> HttpError.notFound("no such statement"));
        if (!statement.language().equals(renderer.language(req))) {
            // A statement has one address, in its own language's tree.
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", renderer.absolute(req, statement.language(), PageServlet.encodePath(statement.url())));
            return;
        }
        if (!PageServlet.pathWithinSite(req).equals(statement.url())) {
            PageServlet.redirectPermanently(req, resp, statement.url());
            return;
        }
        PageCache.shows(req, PageKeys.of(statement));
        renderer.render(req, resp, page(req, statement, tree.lineage(statement.section()), Map.of()));
    }

    /**
     * The same page for staff, of a statement in any state: a banner leading back to the editor,
     * and kept out of search engines. Never cached: it is in the admin area, which no cache keeps.
     */
    public void preview(HttpServletRequest req, HttpServletResponse resp, StatementDesk.Preview preview, String editUrl)
            throws IOException {
        resp.setHeader("X-Robots-Tag", "noindex");
        LanguageFilter.use(req, preview.page().language()); // the page as its readers will see it
        renderer.render(req, resp, page(req, preview.page(), preview.lineage(),
                Map.of("preview", true, "editUrl", editUrl)));
    }

    /**
     * The statement's social card, or for a statement without a photo the site's (admin/site):
     * at an address outside every language's tree (files have no language).
     */
    private ArticleMetadata.Image sharedImage(HttpServletRequest req, StatementPage statement, Publication publisher) {
        if (statement.image() == null) {
            return image(req, publisher.shareImage());
        }
        return new ArticleMetadata.Image(fileUrl(req, statement.image().social()),
                org.bayan.media.ImageSizes.SOCIAL_WIDTH, org.bayan.media.ImageSizes.SOCIAL_HEIGHT, statement.image().alt());
    }

    private ArticleMetadata.Image image(HttpServletRequest req, Publication.Image image) {
        return image == null ? null : new ArticleMetadata.Image(fileUrl(req, image.path()), image.width(), image.height(), image.alt());
    }

    private String fileUrl(HttpServletRequest req, String path) {
        return renderer.absolute(req, renderer.languages().defaultLanguage(), path);
    }

    /** The page's model: the statement, what the head tells search engines, the breadcrumb. */
    private Page page(HttpServletRequest req, StatementPage statement, List<SectionNode> lineage,
                      Map<String, Object> extra) {
        List<Crumb> trail = new ArrayList<>();
        trail.add(new Crumb(renderer.message(req, "nav.home"), "/"));
        lineage.forEach(n -> trail.add(new Crumb(n.name(), n.path())));
        trail.add(Crumb.current(statement.title()));
        List<ArticleMetadata.Translated> translations = statement.translations().stream()
                .filter(t -> renderer.languages().contains(t.language()))
                .map(t -> new ArticleMetadata.Translated(t.language(), renderer.absolute(req, t.language(),
                        PageServlet.encodePath(t.url())), t.original()))
                .toList();
        Publication publisher = renderer.publication();
        ArticleMetadata article = ArticleMetadata.of(statement, renderer.absolute(req, statement.url()),
                new ArticleMetadata.Publisher(publisher.name(statement.language()), renderer.publisherUrl(req), image(req, publisher.logo())),
                renderer.absolute(req, statement.section().path()), zone, translations, sharedImage(req, statement, publisher));
        Map<String, Object> model = new HashMap<>(extra);
        model.put("statement", statement);
        model.put("section", statement.section());
        model.put("title", statement.title());
        model.put("description", article.description());
        model.put("article", article);
        model.put("feeds", feeds.apply(statement.section(), statement.language()));
        Map<String, String> byLanguage = new HashMap<>();
        statement.translations().forEach(t -> byLanguage.put(t.language(), t.url()));
        model.put("alternates", renderer.alternates(req, byLanguage::get));
        return new Page("statement", model, trail, statement.url());
    }
}
