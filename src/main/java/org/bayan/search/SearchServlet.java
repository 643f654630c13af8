package org.bayan.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Page;
import org.bayan.platform.web.PageCache;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Pager;
import org.bayan.platform.web.Renderer;
import org.bayan.section.SectionNode;
import org.bayan.section.Sections;
import org.bayan.statement.PageKeys;

/**
 * {@code /search?q=...}: the search page, with optional filters {@code section} (a section
 * path such as {@code /media-center/coalition-news}), {@code tag} (a tag slug), {@code from} and
 * {@code to} (dates) and {@code page}. An empty query shows the form; a malformed one is a 400.
 */
public final class SearchServlet extends PageServlet {

    static final int PAGE_SIZE = 10;

    private final SearchService search;
    private final Sections sections;

    public SearchServlet(Renderer renderer, SearchService search, Sections sections) {
        super(renderer);
        this.search = search;
        this.sections = sections;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String text = req.getParameter("q") == null ? "" : req.getParameter("q").strip();
        if (text.length() > SearchService.MAX_QUERY_LENGTH) {
            throw HttpError.badRequest("query too long");
        }
        String pageLanguage = renderer.language(req);
        // This page's language unless the reader asks for all ("all") or another of the site's.
        String languageParam = blankToNull(req.getParameter("lang"));
        String language;
        if (languageParam == null) {
            language = pageLanguage;
        } else if (languageParam.equals("all")) {
            language = null;
        } else if (renderer.languages().contains(languageParam)) {
            language = languageParam;
        } else {
            throw HttpError.badRequest("not a language of this site");
        }
        String sectionPath = blankToNull(req.getParameter("section"));
        SectionNode section = sectionPath == null ? null
                : sections.tree(pageLanguage).byPath(sectionPath).orElseThrow(() -> HttpError.badRequest("no such section"));
        String tag = blankToNull(req.getParameter("tag"));
        if (tag != null && tag.length() > 120) {
            throw HttpError.badRequest("tag too long");
        }
        LocalDate from = date(req.getParameter("from"));
        LocalDate to = date(req.getParameter("to"));
        int page = Pager.parse(req.getParameter("page"));

        Map<String, Object> model = new HashMap<>();
        model.put("q", text);
        model.put("section", sectionPath);
        model.put("tag", tag);
        model.put("from", from);
        model.put("to", to);
        model.put("sectionOptions", sections.tree(pageLanguage).options());
        model.put("allLanguages", language == null);
        model.put("severalLanguages", renderer.languages().codes().size() > 1);
        if (!text.isEmpty()) {
            SearchService.Results results = search.search(new SearchService.Query(text, section, tag, from, to, language),
                    Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
            // A statement of another language is linked at its own language's address.
            model.put("hits", results.hits().stream().map(h -> h.language().equals(pageLanguage) ? h
                    : h.elsewhere(renderer.absolute(req, h.language(), h.url()))).toList());
            // Whether any hit is of another language than the page's: only then does a hit need a language of its own.
            model.put("mixed", results.hits().stream().anyMatch(h -> !h.language().equals(pageLanguage)));
            model.put("total", results.total());
            model.put("pager", new Pager(page, PAGE_SIZE, results.total()).requireExists());
            model.put("pageQuery", query(text, sectionPath, tag, from, to) + (language == null ? "&lang=all" : ""));
        }
        String heading = text.isEmpty() ? renderer.message(req, "search.title") : renderer.message(req, "search.resultsFor") + " " + text;
        model.put("title", heading);
        model.put("description", renderer.message(req, "search.title"));
        List<Crumb> trail = new ArrayList<>(renderer.siteTrail(req));
        trail.add(Crumb.current(heading));
        resp.setHeader("X-Robots-Tag", "noindex");
        PageCache.shows(req, List.of(PageKeys.SEARCH));
        renderer.render(req, resp, new Page("search", model, trail, "/search"));
    }


    private static String query(String text, String section, String tag, LocalDate from, LocalDate to) {
        StringBuilder q = new StringBuilder("q=").append(enc(text));
        if (section != null) q.append("&section=").append(enc(section));
        if (tag != null) q.append("&tag=").append(enc(tag));
        if (from != null) q.append("&from=").append(from);
        if (to != null) q.append("&to=").append(to);
        return q.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("not a date");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
