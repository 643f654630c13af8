package org.bayan.feed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;

/** {@code /feed.rss} and {@code /feed.atom}: the newest statements of the whole site. */
public final class FeedServlet extends PageServlet {

    private final FeedResponder feeds;

    public FeedServlet(Renderer renderer, FeedResponder feeds) {
        super(renderer);
        this.feeds = feeds;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        FeedFormat format = FeedFormat.byFileName(req.getServletPath().substring(1))
                .orElseThrow(() -> HttpError.notFound("no such feed"));
        feeds.site(req, resp, format);
    }
}
