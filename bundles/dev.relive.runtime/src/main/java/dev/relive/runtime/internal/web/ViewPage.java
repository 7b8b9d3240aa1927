package dev.relive.runtime.internal.web;

import dev.relive.runtime.internal.session.Sessions;
import dev.relive.runtime.internal.vdom.HtmlEscaper;

/** The full HTML page around a view's server-rendered HTML, with the token and the client script. */
final class ViewPage {

    private ViewPage() {
    }

    /** The page of {@code view}: its title, the {@code <head>} markup of its layout, its HTML inside the root. */
    static String render(Sessions.Page view, String viewClass, String token, boolean dev) {
        String title = view.title();
        String innerHtml = view.html();
        StringBuilder page = new StringBuilder(innerHtml.length() + view.head().length() + 768);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(HtmlEscaper.attribute(title)).append("</title>");
        if (dev) {
            page.append("<meta name=\"relive-dev\" content=\"true\">");
        }
        page.append("<link rel=\"icon\" href=\"data:,\">").append(view.head())
                .append("</head><body><div rl-root rl-view=\"").append(HtmlEscaper.attribute(viewClass))
                .append("\" rl-token=\"").append(HtmlEscaper.attribute(token)).append("\">")
                .append(innerHtml)
                .append("</div><script type=\"module\" src=\"/relive/client/index.js\"></script></body></html>\n");
        return page.toString();
    }

    /**
     * A rendered view's HTML as a page that does not go live (an application's error page), with {@code extraHead}
     * (see {@link #devReload}) at the end of its head.
     */
    static String staticPage(Sessions.Page view, String extraHead) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + HtmlEscaper.attribute(view.title()) + "</title><link rel=\"icon\" href=\"data:,\">" + view.head()
                + extraHead + "</head><body><div rl-root>" + view.html() + "</div></body></html>\n";
    }

    /**
     * What a dev error page carries so that it reloads once HVR has applied a change after {@code renderedAtMillis}
     * (the client's {@code devreload.js}): the page cannot go live, so the save that fixes it would not show otherwise.
     */
    static String devReload(long renderedAtMillis) {
        return "<meta name=\"relive-dev-reload\" content=\"" + renderedAtMillis + "\">"
                + "<script type=\"module\" src=\"/relive/client/devreload.js\"></script>";
    }

    static String error(int status, String heading, String message, String detail, String extraHead) {
        StringBuilder page = new StringBuilder(512);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(status)
                .append(' ').append(HtmlEscaper.attribute(heading)).append("</title>")
                .append("<link rel=\"icon\" href=\"data:,\">").append(extraHead)
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem}pre{background:#f6f6f6;")
                .append("padding:1rem;overflow:auto}</style></head><body><h1>").append(HtmlEscaper.attribute(heading))
                .append("</h1><p>").append(HtmlEscaper.attribute(message)).append("</p>");
        if (detail != null) {
            page.append("<pre>").append(HtmlEscaper.attribute(detail)).append("</pre>");
        }
        return page.append("<p><a href=\"/\">All views</a></p></body></html>\n").toString();
    }
}
