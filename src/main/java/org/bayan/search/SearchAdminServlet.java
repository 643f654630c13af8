package org.bayan.search;

import org.bayan.user.AdminServlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bayan.platform.web.Renderer;

/** {@code POST /admin/search/rebuild}: rebuilds the search index from the database (admins only). */
public final class SearchAdminServlet extends AdminServlet {

    private final SearchService search;

    public SearchAdminServlet(Renderer renderer, SearchService search) {
        super(renderer);
        this.search = search;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        search.rebuild(staff(req));
        redirect(req, resp, "/admin", Flash.ok("search.rebuilt", null));
    }
}
