package org.bayan.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Renderer;
import org.bayan.tag.TagService;

/** {@code /admin/tags}: placeholder until the tag admin lands. */
public final class TagAdminServlet extends AdminServlet {

    private final TagService tags;

    public TagAdminServlet(Renderer renderer, TagService tags) {
        super(renderer);
        this.tags = tags;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        throw HttpError.notFound("tag admin not built yet");
    }
}
