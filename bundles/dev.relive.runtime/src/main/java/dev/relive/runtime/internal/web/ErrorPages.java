package dev.relive.runtime.internal.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.session.Sessions;

/**
 * The pages of HTTP errors: the application's view for the status ({@code @ErrorPage}), rendered once on the
 * server without a live connection, or the built-in page when there is none or it fails too. In dev either reloads
 * itself once HVR has applied a change since it was rendered ({@link ViewPage#devReload}).
 */
final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final ViewRegistry registry;
    private final Sessions sessions;
    private final boolean dev;

    ErrorPages(ViewRegistry registry, Sessions sessions, boolean dev) {
        this.registry = registry;
        this.sessions = sessions;
        this.dev = dev;
    }

    /** The page for {@code status} at {@code path}; {@code heading}, {@code message}, {@code detail} for the built-in. */
    String render(int status, String path, String heading, String message, String detail) {
        String extraHead = dev ? ViewPage.devReload(System.currentTimeMillis()) : "";
        return registry.errorPage(status).map(type -> {
            try {
                Sessions.Page page = sessions.renderPage(new RouteMatch(type, Map.of()), path,
                        Map.of("status", Integer.toString(status), "path", path));
                return ViewPage.staticPage(page, extraHead);
            } catch (RuntimeException e) {
                LOG.warn("error page {} ({}) failed to render", status, type.className(), e);
                return null;
            }
        }).orElseGet(() -> ViewPage.error(status, heading, message, detail, extraHead));
    }
}
