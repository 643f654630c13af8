package org.bayan.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.Renderer;

/**
 * {@code /admin/account}: every member of staff changes their own password here, and must do
 * so first after logging in with a one-time password ({@code StaffFilter} sends them here).
 */
public final class AccountServlet extends AdminServlet {

    private final UserService users;

    public AccountServlet(Renderer renderer, UserService users) {
        super(renderer);
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        form(req, resp, 200, Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("language".equals(req.getParameter("form"))) {
            String language = req.getParameter("language");
            try {
                users.setOwnLanguage(staff(req), actor(req), language == null || language.isBlank() ? null : language,
                        org.bayan.platform.config.Languages.SUPPORTED);
            } catch (InvalidInput e) {
                form(req, resp, 400, Map.of(e.field(), e.messageKey()));
                return;
            }
            redirect(req, resp, "/admin/account", Flash.ok("account.flash.languageChanged", null));
            return;
        }
        // Passwords are taken exactly as typed: spaces may be part of them.
        String stamp;
        try {
            stamp = users.changeOwnPassword(staff(req), actor(req), req.getParameter("currentPassword"),
                    req.getParameter("newPassword"), req.getParameter("repeatPassword"));
        } catch (InvalidInput e) {
            form(req, resp, 400, Map.of(e.field(), e.messageKey()));
            return;
        }
        // This session stays logged in, under a new id; the account's other sessions end.
        StaffFilter.keepLoginAfterPasswordChange(req, stamp);
        redirect(req, resp, "/admin", Flash.ok("account.flash.passwordChanged", null));
    }

    /** The form, always empty: a password typed once is never sent back to the browser. */
    private void form(HttpServletRequest req, HttpServletResponse resp, int status, Map<String, String> errors)
            throws IOException {
        Staff me = staff(req);
        java.util.Locale reader = renderer.locale(req);
        render(req, resp, status, "admin/account", Map.of("errors", errors,
                        "interfaceLanguage", me.language() == null ? "" : me.language(),
                        "interfaceLanguages", org.bayan.platform.config.Languages.SUPPORTED.stream()
                                .map(code -> Map.of("code", code, "name", java.util.Locale.forLanguageTag(code).getDisplayLanguage(
                                        java.util.Locale.forLanguageTag(code)))).toList()),
                Crumb.current(renderer.message(req, "admin.account")));
    }
}
