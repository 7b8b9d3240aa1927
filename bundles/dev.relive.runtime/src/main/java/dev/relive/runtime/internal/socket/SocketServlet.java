package dev.relive.runtime.internal.socket;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServerContainer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import dev.relive.runtime.internal.auth.BrowserSessions;
import dev.relive.runtime.internal.auth.SocketVisitor;
import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.internal.session.SocketSessions;
import dev.relive.runtime.internal.web.SecurityFilter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one WebSocket endpoint, {@value #PATH}. Upgrades each request itself (no container mapping, which would
 * outlive this servlet) after checking {@code Origin} against the page's host and the configured allow-list, and
 * the number of connections open, runtime-wide and from the client's address (the request's, or the one a trusted
 * proxy forwarded). The request's session cookie
 * decides which page tokens the socket may mount ({@link SocketVisitor}).
 */
@HttpWhiteboardServletPattern(SocketServlet.PATH)
@Component(service = Servlet.class)
public class SocketServlet extends HttpServlet {

    public static final String PATH = "/relive/socket";
    private static final long serialVersionUID = 1L;

    private final transient SocketSessions sessions;
    private final transient RuntimeSettings settings;
    private final transient ConnectionLimits limits;
    private final transient RefusalLog refusals = new RefusalLog();
    private final transient BrowserSessions browserSessions;

    @Activate
    public SocketServlet(@Reference SocketSessions sessions, @Reference RuntimeSettings settings,
            @Reference SecurityFilter filteredBy, @Reference BrowserSessions browserSessions) {
        this.sessions = sessions;
        this.browserSessions = browserSessions;
        this.settings = settings;
        this.limits = new ConnectionLimits(settings.maxSessions(), settings.maxSessionsPerAddress());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
            resp.sendError(400, "WebSocket upgrade expected");
            return;
        }
        if (!originAllowed(req.getHeader("Origin"), req.getHeader("Host"), settings.allowedOrigins())) {
            resp.sendError(403, "origin not allowed");
            return;
        }
        JettyWebSocketServerContainer container = JettyWebSocketServerContainer.getContainer(getServletContext());
        if (container == null) {
            resp.sendError(503, "WebSocket support is off (org.apache.felix.jetty.websocket.enable)");
            return;
        }
        long limit = Math.max(1L << 20, settings.maxFrameBytes() * 16L);
        if (container.getMaxTextMessageSize() != limit) {
            container.setMaxTextMessageSize(limit);
        }
        String address = settings.trustedProxies().clientAddress(req);
        ConnectionLimits.Refusal refusal = limits.tryOpen(address);
        if (refusal != null) {
            refusals.refused(refusal, address, limits.limit(refusal));
            resp.setHeader("Retry-After", "10");
            resp.sendError(refusal.status, "too many connections (" + refusal.key + ")");
            return;
        }
        boolean upgraded = false;
        SocketVisitor visitor = browserSessions.socketVisitor(BrowserSessions.cookieSessionId(req));
        try {
            upgraded = container.upgrade((upgradeReq, upgradeResp) -> new SocketEndpoint(sessions, visitor,
                    settings.maxPendingBytes(), () -> limits.closed(address)), req, resp);
        } finally {
            if (!upgraded) {
                limits.closed(address);
            }
        }
    }

    /**
     * A browser always sends {@code Origin}; it must name the host the page came from, or be allowed by
     * configuration. Clients that are not browsers send none and are let through: cross-site abuse needs a browser.
     */
    static boolean originAllowed(String origin, String host, List<String> allowed) {
        if (origin == null) {
            return true;
        }
        if (allowed.contains(origin) || allowed.contains("*")) {
            return true;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
