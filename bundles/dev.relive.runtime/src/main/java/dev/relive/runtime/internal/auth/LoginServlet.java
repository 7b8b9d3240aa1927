package dev.relive.runtime.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.api.User;
import dev.relive.api.security.Authenticator;
import dev.relive.api.security.WebSession;
import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.internal.config.TrustedProxies;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /login}: {@code GET} shows the form (starting a browser session for its CSRF token); {@code POST} checks
 * the CSRF token (403 without it), the attempt limits per address and per name (429), then the name and password
 * with the {@link Authenticator}, and on success signs in with a new session id and sends the browser back to
 * {@code next} when that is a local path.
 */
@HttpWhiteboardServletPattern("/login")
@Component(service = Servlet.class)
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Registered only once the runtime's security filter is in the chain, like every servlet of the runtime. */
    static final String SECURITY_FILTER = "(relive.security.filter=true)";
    private static final Logger LOG = LoggerFactory.getLogger(LoginServlet.class);

    private final transient BrowserSessions sessions;
    private final transient Authenticator authenticator;
    private final transient LoginAttempts attempts;
    private final transient TrustedProxies proxies;

    @Activate
    public LoginServlet(@Reference BrowserSessions sessions,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Authenticator authenticator,
            @Reference RuntimeSettings settings, @Reference(target = SECURITY_FILTER) Filter filteredBy) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.attempts = new LoginAttempts(settings.loginAttemptsPerMinute(), System::nanoTime);
        this.proxies = settings.trustedProxies();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WebSession session = sessions.currentOrNew(req, resp);
        String next = LocalPath.orRoot(req.getParameter("next"));
        send(resp, 200, LoginPage.render(session.csrfToken(), next, null, session.user()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String address = proxies.clientAddress(req);
        Optional<WebSession> session = sessions.current(req);
        if (session.isEmpty() || !BrowserSessions.csrfMatches(session.get(), req.getParameter("_csrf"))) {
            LOG.warn("refused a login from {}: no valid CSRF token", address);
            sendForbidden(resp);
            return;
        }
        String name = String.valueOf(req.getParameter("name"));
        String next = LocalPath.orRoot(req.getParameter("next"));
        String csrf = session.get().csrfToken();
        if (!attempts.tryAttempt(address, name)) {
            LOG.warn("refused a login from {}: too many attempts for the address or the name", address);
            resp.setHeader("Retry-After", "60");
            send(resp, 429, LoginPage.render(csrf, next, "Too many attempts; try again in a minute.", null));
            return;
        }
        char[] password = String.valueOf(req.getParameter("password")).toCharArray();
        Optional<User> user;
        try {
            user = authenticator.authenticate(name, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (user.isEmpty()) {
            LOG.info("failed login from {}", address);
            send(resp, 401, LoginPage.render(csrf, next, "Wrong name or password.", null));
            return;
        }
        sessions.signIn(req, resp, user.get());
        LOG.info("user {} signed in from {}", user.get().id(), address);
        resp.setStatus(303);
        resp.setHeader("Location", next);
        resp.setHeader("Cache-Control", "no-store");
    }

    static void sendForbidden(HttpServletResponse resp) throws IOException {
        send(resp, 403, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>403 Forbidden"
                + "</title></head><body><h1>Forbidden</h1><p>The form had no valid CSRF token: it is out of date or "
                + "did not come from this site.</p><p><a href=\"/login\">Sign in</a></p></body></html>\n");
    }

    static void send(HttpServletResponse resp, int status, String html) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
