package org.bayan.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Renderer;
import org.bayan.user.UserService;

/** {@code /admin/users}: placeholder until the user admin lands. */
public final class UserAdminServlet extends AdminServlet {

    private final UserService users;

    public UserAdminServlet(Renderer renderer, UserService users) {
        super(renderer);
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        throw HttpError.notFound("user admin not built yet");
    }
}
