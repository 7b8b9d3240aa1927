package dev.relive.runtime.internal.web;

import java.io.IOException;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.internal.config.TrustedProxies;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs before every page, client file and socket upgrade: refuses {@code TRACE}/{@code TRACK}, refuses a
 * {@code Host} outside the {@link HostAllowList}, and sets the response headers that keep pages from being framed,
 * sniffed or given script from elsewhere.
 *
 * <p>The servlets take this component as a reference, so they are registered only after it is in the filter chain
 * and never serve a request unfiltered; servlets outside this package find it by its property
 * {@code relive.security.filter=true}.
 */
@HttpWhiteboardFilterPattern("/*")
@Component(service = {Filter.class, SecurityFilter.class}, property = "relive.security.filter=true")
public class SecurityFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityFilter.class);

    private final HostAllowList hosts;
    private final RuntimeSettings settings;

    @Activate
    public SecurityFilter(BundleContext context, @Reference RuntimeSettings settings) {
        this.settings = settings;
        String listen = context.getProperty("org.osgi.service.http.host");
        this.hosts = HostAllowList.of(settings.allowedHosts(), settings.dev(), listen);
        if (hosts.acceptsAny()) {
            LOG.warn("HTTP listens on all interfaces and allowed_hosts is not set: requests under any Host name "
                    + "are answered; set allowed_hosts in {}.cfg to the names this runtime is reached by",
                    "dev.relive.runtime");
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        // on the refusals too: an error page is a page
        for (var header : SecurityHeaders.FOR_EVERY_RESPONSE) {
            resp.setHeader(header.name(), header.value());
        }
        String method = req.getMethod();
        if ("TRACE".equals(method) || "TRACK".equals(method)) {
            resp.setHeader("Allow", "GET, HEAD, POST");
            resp.sendError(405, "method not allowed");
            return;
        }
        String host = req.getHeader("Host");
        if (!hosts.allows(host)) {
            LOG.warn("refused a request for Host {} (not in allowed_hosts): {} {}", printable(host), method,
                    printable(req.getRequestURI()));
            resp.sendError(421, "unknown host name; add it to allowed_hosts");
            return;
        }
        if (!req.isSecure() && settings.trustedProxies().forwardedOverHttps(req)) {
            req.setAttribute(TrustedProxies.OVER_HTTPS, Boolean.TRUE);
        }
        if (settings.dev()) {
            // a script or style edited and rebuilt is fetched again at the next page load: a bundle built with
            // -reproducible dates every entry 1980, so a browser would keep the old one for years (a servlet that
            // sets its own Cache-Control replaces this)
            resp.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private static String printable(String s) {
        if (s == null) {
            return "(none)";
        }
        String cut = s.length() > 200 ? s.substring(0, 200) : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
