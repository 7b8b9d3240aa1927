package dev.relive.runtime.internal.web;

import java.util.List;
import java.util.Optional;

import dev.relive.runtime.internal.auth.ViewAccess;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.vdom.HtmlEscaper;

/**
 * The HTML of {@code GET /} when no view has that route: every routed view, as links; in dev also each view's class
 * and bundle and the child-only views. Production shows the routes only, and only those of views anyone may open
 * (none with {@code @RolesAllowed}): which classes and bundles serve them is nobody's business outside. An
 * application's own view at {@code /} replaces it.
 */
final class IndexPage {

    private IndexPage() {
    }

    static String render(List<ViewType> views, boolean dev) {
        StringBuilder html = new StringBuilder(1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Relive</title><link rel=\"icon\" href=\"data:,\">")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;}")
                .append("li{margin:.3rem 0}code{color:#555}</style></head><body>")
                .append("<h1>Relive</h1>");
        // production lists the views anyone may open: the routes behind a sign-in are nobody's business outside
        List<ViewType> routed = views.stream().filter(v -> v.route() != null)
                .filter(v -> dev || ViewAccess.decide(v.reference(), Optional.empty()) == ViewAccess.Decision.ALLOW)
                .toList();
        if (routed.isEmpty()) {
            html.append("<p id=\"no-views\">No views are registered yet.</p>");
        } else {
            html.append("<h2>Views</h2><ul id=\"views\">");
            for (ViewType v : routed) {
                String route = HtmlEscaper.attribute(v.route());
                html.append(v.route().contains("{") ? "<li>" + route
                        : "<li><a href=\"" + route + "\">" + route + "</a>");
                if (dev) {
                    html.append(" <code>").append(HtmlEscaper.attribute(v.className())).append("</code> <small>")
                            .append(HtmlEscaper.attribute(v.bundleName())).append("</small>");
                }
                html.append("</li>");
            }
            html.append("</ul>");
        }
        List<ViewType> children = views.stream().filter(v -> v.route() == null).toList();
        if (dev && !children.isEmpty()) {
            html.append("<h2>Child views</h2><ul id=\"child-views\">");
            for (ViewType v : children) {
                html.append("<li><code>").append(HtmlEscaper.attribute(v.className())).append("</code></li>");
            }
            html.append("</ul>");
        }
        return html.append("</body></html>\n").toString();
    }
}
