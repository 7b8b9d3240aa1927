package dev.relive.runtime.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import dev.relive.runtime.internal.registry.ViewRegistry;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Serves pages: {@code /} lists the views, every other path renders the view routed there. */
@RequireHttpWhiteboard
@HttpWhiteboardServletPattern("/*")
@Component(service = Servlet.class)
public class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ViewRegistry registry;

    @Activate
    public PageServlet(@Reference ViewRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if ("/".equals(path)) {
            send(resp, 200, IndexPage.render(registry.all()));
            return;
        }
        send(resp, 404, "<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>Not found</h1><p>"
                + Html.escape(path) + "</p><p><a href=\"/\">All views</a></p></body></html>");
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
