package dev.relive.runtime.internal.auth;

import java.io.IOException;
import java.util.Optional;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.relive.api.User;
import dev.relive.api.security.WebSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The access check of a page request: who the browser's session says the visitor is, whether the view's rule
 * ({@link ViewAccess}) lets them see it, and what the page's token is bound to. A refused visitor is answered here:
 * a redirect to {@code /login?next=...} when not signed in, a 403 page when signed in without the role.
 */
@Component(service = PageGate.class)
public class PageGate {

    /** Who a page is rendered for: the user ({@code null}: nobody), their forms' CSRF token, the token binding. */
    public record Visit(User user, String csrfToken, String binding) {
    }

    private final BrowserSessions sessions;

    @Activate
    public PageGate(@Reference BrowserSessions sessions) {
        this.sessions = sessions;
    }

    /** The visit to render the page for, or {@code null} when the request has been answered with a refusal. */
    public Visit admit(ServiceReference<?> view, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        Optional<WebSession> session = sessions.current(req);
        Optional<User> user = session.map(WebSession::user);
        switch (ViewAccess.decide(view, user)) {
            case SIGN_IN -> {
                String query = req.getQueryString();
                String here = req.getRequestURI() + (query == null ? "" : "?" + query);
                resp.setStatus(303);
                resp.setHeader("Location", ViewAccess.loginUrl(here));
                resp.setHeader("Cache-Control", "no-store");
                return null;
            }
            case FORBIDDEN -> {
                resp.sendError(403, "your account may not see this page");
                return null;
            }
            default -> {
                return session.map(s -> new Visit(s.user(), s.csrfToken(), BrowserSessions.binding(s.id())))
                        .orElse(new Visit(null, "", null));
            }
        }
    }
}
