package org.bayan.archive;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import org.bayan.section.SectionNode;
import org.bayan.section.SectionTree;
import org.bayan.section.Sections;
import org.bayan.statement.Listing;
import org.bayan.statement.PageKeys;
import org.bayan.statement.PublicStatements;
import org.bayan.statement.StatementPageView;

/**
 * Every URL below a section's path: the section itself ({@code /media-center/coalition-news}),
 * its date archives ({@code .../2018/05/02}), its statements ({@code .../item/12-slug}, handed
 * to statement.StatementPageView) and its feeds ({@code .../feed.rss}, {@code .../feed.atom}).
 * Mapped as the default servlet, since section paths come from data, not from web.xml.
 */
public final class SectionArchiveServlet extends PageServlet {

    private final Sections sections;
    private final PublicStatements statements;
    private final StatementPageView statementPage;
    private final FeedResponder feeds;
    private final Clock clock;
    private final ZoneId zone;

    public SectionArchiveServlet(Renderer renderer, Sections sections, PublicStatements statements,
                                 StatementPageView statementPage, FeedResponder feeds, Clock clock, ZoneId zone) {
        super(renderer);
        this.sections = sections;
        this.statements = statements;
        this.statementPage = statementPage;
        this.feeds = feeds;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = pathWithinSite(req);
        if (path.length() > 1 && path.endsWith("/")) {
            redirectPermanently(req, resp, path.replaceAll("/+$", ""));
            return;
        }
        SectionTree tree = sections.tree(renderer.language(req));
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        // The longest leading run of segments that names a section.
        for (int n = segments.size(); n > 0; n--) {
            var section = tree.byPath("/" + String.join("/", segments.subList(0, n)));
            if (section.isPresent()) {
                route(req, resp, tree, section.get(), segments.subList(n, segments.size()));
                return;
            }
        }
        throw HttpError.notFound("no section at " + path);
    }

    private void route(HttpServletRequest req, HttpServletResponse resp, SectionTree tree, SectionNode section,
                       List<String> rest) throws IOException {
        if (rest.isEmpty()) {
            listing(req, resp, tree, section, null);
        } else if (rest.get(0).equals("item") && rest.size() == 2) {
            statementPage.serve(req, resp, tree, rest.get(1));
        } else if (rest.size() == 1 && FeedFormat.byFileName(rest.get(0)).isPresent()) {
            feeds.section(req, resp, section, FeedFormat.byFileName(rest.get(0)).get());
        } else {
            ArchivePeriod period = ArchivePeriod.parse(rest).orElseThrow(() -> HttpError.notFound("not a date"));
            listing(req, resp, tree, section, period);
        }
    }

    private void listing(HttpServletRequest req, HttpServletResponse resp, SectionTree tree, SectionNode section,
                         ArchivePeriod period) throws IOException {
        int page = Pager.parse(req.getParameter("page"));
        String lang = renderer.language(req);
        java.util.Locale locale = renderer.locale(req);
        Listing listing = statements.section(lang, section,
                period == null ? null : period.from(), period == null ? null : period.to(),
                Pager.offset(page, Pager.DEFAULT_SIZE), Pager.DEFAULT_SIZE);
        if (period != null && listing.total() == 0) {
            // A day, month or year without a public statement has no archive: an empty page
            // would tell that something is scheduled for it, or was withdrawn from it.
            throw HttpError.notFound("no public statement in " + period.path());
        }
        Pager pager = new Pager(page, Pager.DEFAULT_SIZE, listing.total()).requireExists();

        LocalDate today = LocalDate.now(clock.withZone(zone));
        YearMonth focus = period == null ? null
                : period.kind() == ArchivePeriod.Kind.YEAR ? latestMonthIn(listing, period) : YearMonth.from(period.from());
        LocalDate selected = period != null && period.kind() == ArchivePeriod.Kind.DAY ? period.from() : null;

        List<Crumb> trail = trail(req, tree, section, period == null);
        String label = period == null ? null : period.label(locale);
        if (period != null) {
            trail.add(Crumb.current(renderer.message(req, "archive.filtered") + " " + label));
        }
        String canonical = section.path() + (period == null ? "" : period.path()) + (page > 1 ? "?page=" + page : "");

        PageCache.shows(req, List.of(PageKeys.section(section.id())));
        Map<String, Object> model = new HashMap<>();
        model.put("section", section);
        model.put("period", period);
        model.put("periodLabel", label);
        model.put("items", listing.items());
        model.put("pager", pager);
        // The archive navigation depends on the section's statements alone: kept rendered per
        // content version, the calendar per month shown, the month list per section.
        // Worked out only when a part is rendered, from the counts kept for the version the part is
        // kept under (read again, not the listing's).
        Supplier<ArchiveNav> archive = () -> ArchiveNav.of(section.path(), statements.days(lang, section), focus, selected,
                today, locale);
        model.put("archiveCalendar", renderer.keptFragment(req, resp, "fragments", "calendar",
                new CalendarKey(section.path(), focus, selected, today), () -> Map.of("cal", archive.get().calendar())));
        model.put("archiveMonths", renderer.keptFragment(req, resp, "fragments", "months", section.path(),
                () -> Map.of("months", archive.get().months())));
        model.put("title", period == null ? section.name()
                : renderer.message(req, "archive.filtered") + " " + label + " – " + section.name());
        model.put("description", section.description());
        model.put("feeds", FeedLink.of(renderer, lang, section.path(), section.name()));
        // The same section in another language; the same day, month or year only where that
        // language has a statement then (an archive without one is a 404).
        model.put("alternates", renderer.alternates(req, other -> sections.tree(other).byId(section.id())
                .map(n -> period == null ? n.path()
                        : statements.days(other, n).subMap(period.from(), period.to().plusDays(1)).isEmpty() ? null
                        : n.path() + period.path()).orElse(null)));
        renderer.render(req, resp, new Page("section", model, trail, canonical));
    }

    /** What a section's archive calendar shows: a month (or the latest, for null), perhaps a day in it. */
    private record CalendarKey(String section, YearMonth focus, LocalDate selected, LocalDate today) {
    }

    private static YearMonth latestMonthIn(Listing listing, ArchivePeriod year) {
        var days = listing.days().subMap(year.from(), year.to().plusDays(1));
        return days.isEmpty() ? YearMonth.from(year.to()) : YearMonth.from(days.lastKey());
    }

    /** Home, then the section's ancestors and the section, linked except when it is the current page. */
    private List<Crumb> trail(HttpServletRequest req, SectionTree tree, SectionNode section, boolean sectionIsCurrent) {
        List<Crumb> trail = new ArrayList<>();
        trail.add(new Crumb(renderer.message(req, "nav.home"), "/"));
        for (SectionNode n : tree.lineage(section)) {
            trail.add(n == section && sectionIsCurrent ? Crumb.current(n.name()) : new Crumb(n.name(), n.path()));
        }
        return trail;
    }
}
