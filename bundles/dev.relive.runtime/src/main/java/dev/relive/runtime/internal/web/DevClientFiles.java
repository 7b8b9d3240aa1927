package dev.relive.runtime.internal.web;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import dev.relive.runtime.internal.config.RuntimeSettings;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The client files only dev pages load ({@code hvr.js}, {@code devreload.js}): {@code 404} in production, where
 * nothing uses them, so a production server does not hand out its dev tooling. Ranked after {@link SecurityFilter}.
 */
@HttpWhiteboardFilterPattern({"/relive/client/hvr.js", "/relive/client/devreload.js"})
@Component(service = Filter.class, property = "service.ranking:Integer=-10")
public class DevClientFiles implements Filter {

    private final boolean dev;

    @Activate
    public DevClientFiles(@Reference RuntimeSettings settings) {
        this.dev = settings.dev();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!dev) {
            PageServlet.send((HttpServletResponse) response, 404, ViewPage.error(404, "Not found",
                    "No page here.", null, ""));
            return;
        }
        chain.doFilter(request, response);
    }
}
