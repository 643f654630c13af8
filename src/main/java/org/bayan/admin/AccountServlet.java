package org.bayan.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Renderer;
import org.bayan.user.UserService;

/** {@code /admin/account}: placeholder until the account page lands. */
public final class AccountServlet extends AdminServlet {

    private final UserService users;

    public AccountServlet(Renderer renderer, UserService users) {
        super(renderer);
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        throw HttpError.notFound("account page not built yet");
    }
}
