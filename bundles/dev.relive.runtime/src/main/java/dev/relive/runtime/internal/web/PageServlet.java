package dev.relive.runtime.internal.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.runtime.internal.auth.PageGate;
import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.api.NotFoundException;
import dev.relive.runtime.internal.protocol.PageUrl;
import dev.relive.runtime.internal.protocol.Incidents;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.render.RenderException;
import dev.relive.runtime.internal.route.BadParamException;
import dev.relive.runtime.internal.session.Sessions;
import dev.relive.runtime.internal.token.PageTokens;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves pages: {@code /} lists the views; a view's route renders the view server-side into a full page that reads
 * without JavaScript and carries the signed token the client mounts with, once {@link PageGate} has admitted the
 * visitor. Unknown routes get a 404 page; a view
 * that throws gets a 500 page, with details only in dev.
 */
@RequireHttpWhiteboard
@HttpWhiteboardServletPattern("/*")
@Component(service = Servlet.class)
public class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PageServlet.class);

    private final transient ViewRegistry registry;
    private final transient Sessions sessions;
    private final transient PageTokens tokens;
    private final transient PageGate gate;
    private final transient ErrorPages errorPages;
    private final boolean dev;

    @Activate
    public PageServlet(@Reference ViewRegistry registry, @Reference Sessions sessions, @Reference PageTokens tokens,
            @Reference RuntimeSettings settings, @Reference SecurityFilter filteredBy, @Reference PageGate gate) {
        this.registry = registry;
        this.gate = gate;
        this.sessions = sessions;
        this.tokens = tokens;
        this.dev = settings.dev();
        this.errorPages = new ErrorPages(registry, sessions, dev);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Optional<RouteMatch> match = registry.match(path);
        if (match.isEmpty()) {
            if ("/".equals(path)) {
                send(resp, 200, IndexPage.render(registry.all(), dev));
                sessions.prepareTemplates(); // a view's page follows; the launcher asks for this one when it starts
            } else {
                notFound(resp, path, "No view at " + path, null);
            }
            return;
        }
        ViewType type = match.get().type();
        Map<String, String> params = params(req);
        PageGate.Visit visit = gate.admit(type.reference(), req, resp);
        if (visit == null) {
            return;
        }
        String url = new PageUrl(path, params).relative();
        ProtocolJson.prepareInBackground(); // the page's socket follows it
        try {
            Sessions.Page page = sessions.renderPage(match.get(), url, params, visit.user(), visit.csrfToken());
            String token = tokens.sign(type, type.route(), params, visit.binding());
            send(resp, 200, ViewPage.render(page, type.className(), token, dev));
        } catch (BadParamException | NotFoundException e) {
            // the route is the view's, which found nothing there: in dev, what it said
            notFound(resp, path, "Nothing at " + path, dev ? type.className() + ": " + e.getMessage() : null);
        } catch (RuntimeException e) {
            if (dev) {
                if (e instanceof RenderException) {
                    // its message names the template, the line and what a method it called threw; the page has the
                    // trace
                    LOG.warn("{} could not be shown at {}: {}", type.className(), path, e.getMessage());
                } else {
                    LOG.warn("{} could not be shown at {}: its mount or render threw", type.className(), path, e);
                }
                send(resp, 500, errorPages.render(500, path, "Error", String.valueOf(e.getMessage()), stackTrace(e)));
            } else {
                long incident = Incidents.next();
                LOG.warn("incident {}: {} could not be shown at {}: its mount or render threw", incident,
                        type.className(), path, e);
                send(resp, 500, errorPages.render(500, path, "Error", "The view could not be shown (incident "
                        + incident + ").", null));
            }
        }
    }

    private void notFound(HttpServletResponse resp, String path, String message, String detail) throws IOException {
        send(resp, 404, errorPages.render(404, path, "Not found", message, detail));
    }

    private static Map<String, String> params(HttpServletRequest req) {
        Map<String, String> params = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
        return params;
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
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
