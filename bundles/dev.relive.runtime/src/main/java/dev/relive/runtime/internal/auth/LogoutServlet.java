package dev.relive.runtime.internal.auth;

import java.io.IOException;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.api.security.WebSession;
import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.internal.config.TrustedProxies;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /logout} with the session's CSRF token (403 without it, or without a session): ends the session,
 * clears its cookie, sends every open tab of the session to the login page and this one there too. Other methods
 * are refused.
 */
@HttpWhiteboardServletPattern("/logout")
@Component(service = Servlet.class)
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LogoutServlet.class);

    private final transient BrowserSessions sessions;
    private final transient TrustedProxies proxies;

    @Activate
    public LogoutServlet(@Reference BrowserSessions sessions, @Reference RuntimeSettings settings,
            @Reference(target = LoginServlet.SECURITY_FILTER) Filter filteredBy) {
        this.sessions = sessions;
        this.proxies = settings.trustedProxies();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "POST");
        resp.sendError(405, "sign out with a POST form");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<WebSession> session = sessions.current(req);
        if (session.isEmpty() || !BrowserSessions.csrfMatches(session.get(), req.getParameter("_csrf"))) {
            LOG.warn("refused a logout from {}: no valid CSRF token", proxies.clientAddress(req));
            LoginServlet.sendForbidden(resp);
            return;
        }
        sessions.signOut(session.get(), req, resp);
        LOG.info("session of {} signed out from {}", session.get().user() == null ? "(nobody)"
                : session.get().user().id(), proxies.clientAddress(req));
        resp.setStatus(303);
        resp.setHeader("Location", "/login");
        resp.setHeader("Cache-Control", "no-store");
    }
}
