package org.bayan.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Renderer;
import org.bayan.user.UserService.OneTimePassword;

/**
 * {@code /admin/users}: the staff accounts, a form to add one, and per account a POST to
 * {@code /{id}/disable}, {@code /enable}, {@code /reset-password} and {@code /role}. Who may do
 * this is decided by {@link UserService}; a one-time password is shown on the next page only.
 */
public final class UserAdminServlet extends AdminServlet {

    /** The one-time password of the account just created or reset, kept for the next listing only. */
    static final String ONE_TIME_PASSWORD = "bayan.oneTimePassword";

    private final UserService users;

    public UserAdminServlet(Renderer renderer, UserService users) {
        super(renderer);
        this.users = users;
    }

    /** The add-a-member form as typed, shown again when refused. */
    record NewAccount(String username, String displayName, String role) {
        static final NewAccount EMPTY = new NewAccount("", "", User.Role.AUTHOR.name());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!segments(req).isEmpty()) {
            throw HttpError.notFound("no such admin page");
        }
        list(req, resp, 200, NewAccount.EMPTY, Map.of(), takeOneTimePassword(req));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = segments(req);
        if (path.isEmpty()) {
            create(req, resp);
            return;
        }
        if (path.size() != 2) {
            throw HttpError.notFound("no such admin action");
        }
        long id = id(path.get(0));
        switch (path.get(1)) {
            case "disable" -> done(req, resp, "user.flash.disabled", users.setEnabled(staff(req), actor(req), id, version(req), false));
            case "enable" -> done(req, resp, "user.flash.enabled", users.setEnabled(staff(req), actor(req), id, version(req), true));
            case "list-author-page" -> done(req, resp, "user.flash.authorPage.listed",
                    users.setAuthorPage(staff(req), actor(req), id, version(req), true));
            case "withdraw-author-page" -> done(req, resp, "user.flash.authorPage.withdrawn",
                    users.setAuthorPage(staff(req), actor(req), id, version(req), false));
            case "role" -> {
                User.Role role = role(param(req, "role"));
                done(req, resp, "user.flash.role." + role, users.changeRole(staff(req), actor(req), id, version(req), role));
            }
            case "reset-password" -> {
                OneTimePassword password = users.resetPassword(staff(req), actor(req), id, version(req));
                keepOneTimePassword(req, password);
                done(req, resp, "user.flash.passwordReset", password.username());
            }
            default -> throw HttpError.notFound("no such admin action");
        }
    }

    /** Accounts have no page of their own: their saved version is in the list. */
    @Override
    protected String reopenPath(String action) {
        return "/admin/users";
    }

    private void create(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        NewAccount form = new NewAccount(req.getParameter("username"), req.getParameter("displayName"), req.getParameter("role"));
        OneTimePassword password;
        try {
            password = users.create(staff(req), actor(req), form.username(), form.displayName(), role(form.role()));
        } catch (InvalidInput e) {
            list(req, resp, 400, form, Map.of(e.field(), e.messageKey()), null);
            return;
        }
        keepOneTimePassword(req, password);
        done(req, resp, "user.flash.created", password.username());
    }

    private static void done(HttpServletRequest req, HttpServletResponse resp, String flashKey, String username)
            throws IOException {
        redirect(req, resp, "/admin/users", Flash.ok(flashKey, username));
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, int status, NewAccount form,
                      Map<String, String> errors, OneTimePassword oneTime) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("users", users.list(staff(req)));
        model.put("roles", User.Role.values());
        model.put("form", form);
        model.put("errors", errors);
        model.put("oneTime", oneTime);
        render(req, resp, status, "admin/users", model, Crumb.current(renderer.message(req, "admin.users")));
    }

    private static void keepOneTimePassword(HttpServletRequest req, OneTimePassword password) {
        req.getSession(true).setAttribute(ONE_TIME_PASSWORD, password);
    }

    /** The one-time password waiting to be shown, removed as it is taken: it is shown once. */
    private static OneTimePassword takeOneTimePassword(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        if (session == null) {
            return null;
        }
        Object password = session.getAttribute(ONE_TIME_PASSWORD);
        session.removeAttribute(ONE_TIME_PASSWORD);
        return password instanceof OneTimePassword p ? p : null;
    }

    private static User.Role role(String value) {
        for (User.Role r : User.Role.values()) {
            if (r.name().equals(value)) {
                return r;
            }
        }
        throw new InvalidInput("role", "user.role.invalid");
    }

}
