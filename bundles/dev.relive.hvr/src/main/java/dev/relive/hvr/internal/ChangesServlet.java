package dev.relive.hvr.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /relive/hvr/changes}: {@code {"run":"…","changes":N,"last":MS}}, what HVR changed in this run of the
 * runtime. A page that could not be shown in dev (an error page: no live view, so no socket HVR could tell) polls
 * it and reloads when it moves (the client's {@code devreload.js}), so the save that fixes a view, creates its
 * missing template or adds its route shows without a reload by hand. A change is a template save that parsed, and a
 * bundle that started or was uninstalled: a Java save that built (its bundle's update), an {@code hvr:install}, a jar
 * dropped into or taken from the deploy folder. A save that does not build or parse changes nothing. It says nothing about the application but that it changed, and exists only where HVR is installed (dev);
 * the security filter sees its requests like any other's.
 */
@HttpWhiteboardServletPattern(ChangesServlet.PATH)
@Component(service = Servlet.class, immediate = true)
public class ChangesServlet extends HttpServlet {

    static final String PATH = "/relive/hvr/changes";
    private static final long serialVersionUID = 1L;

    private final transient HvrStatus status;
    private final transient BundleContext context;
    /** Delivered after the started bundle's components are registered (SCR's listener is a synchronous one). */
    private final transient BundleListener bundles;

    @Activate
    public ChangesServlet(BundleContext context, @Reference HvrStatus status,
            @Reference(target = "(relive.security.filter=true)") Filter filteredBy) {
        this.context = context;
        this.status = status;
        this.bundles = event -> {
            if (event.getType() == BundleEvent.STARTED || event.getType() == BundleEvent.UNINSTALLED) {
                status.changed();
            }
        };
        context.addBundleListener(bundles);
    }

    @Deactivate
    void stop() {
        context.removeBundleListener(bundles);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HvrStatus.Changes changes = status.changes();
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(("{\"run\":\"" + changes.run() + "\",\"changes\":" + changes.count()
                + ",\"last\":" + changes.lastMillis() + "}").getBytes(StandardCharsets.UTF_8));
    }
}
