package org.bayan.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Renderer;
import org.bayan.section.SectionService;

/** {@code /admin/sections}: placeholder until the section admin lands. */
public final class SectionAdminServlet extends AdminServlet {

    private final SectionService sections;

    public SectionAdminServlet(Renderer renderer, SectionService sections) {
        super(renderer);
        this.sections = sections;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        throw HttpError.notFound("section admin not built yet");
    }
}
