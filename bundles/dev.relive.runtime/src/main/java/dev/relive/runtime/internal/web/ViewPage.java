package dev.relive.runtime.internal.web;

import dev.relive.runtime.internal.vdom.HtmlEscaper;

/** The full HTML page around a view's server-rendered HTML, with the token and the client script. */
final class ViewPage {

    private ViewPage() {
    }

    static String render(String title, String viewClass, String token, String innerHtml, boolean dev) {
        StringBuilder page = new StringBuilder(innerHtml.length() + 768);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(HtmlEscaper.attribute(title)).append("</title>");
        if (dev) {
            page.append("<meta name=\"relive-dev\" content=\"true\">");
        }
        page.append("<link rel=\"icon\" href=\"data:,\">")
                .append("</head><body><div rl-root rl-view=\"").append(HtmlEscaper.attribute(viewClass))
                .append("\" rl-token=\"").append(HtmlEscaper.attribute(token)).append("\">")
                .append(innerHtml)
                .append("</div><script type=\"module\" src=\"/relive/client/index.js\"></script></body></html>\n");
        return page.toString();
    }

    /** A rendered view's HTML as a page that does not go live (an application's error page). */
    static String staticPage(String title, String innerHtml) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + HtmlEscaper.attribute(title) + "</title><link rel=\"icon\" href=\"data:,\"></head><body><div rl-root>"
                + innerHtml + "</div></body></html>\n";
    }

    static String error(int status, String heading, String message, String detail) {
        StringBuilder page = new StringBuilder(512);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(status)
                .append(' ').append(HtmlEscaper.attribute(heading)).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem}pre{background:#f6f6f6;")
                .append("padding:1rem;overflow:auto}</style></head><body><h1>").append(HtmlEscaper.attribute(heading))
                .append("</h1><p>").append(HtmlEscaper.attribute(message)).append("</p>");
        if (detail != null) {
            page.append("<pre>").append(HtmlEscaper.attribute(detail)).append("</pre>");
        }
        return page.append("<p><a href=\"/\">All views</a></p></body></html>\n").toString();
    }
}
