package dev.relive.runtime.internal.auth;

import dev.relive.api.User;
import dev.relive.runtime.internal.vdom.HtmlEscaper;

/** The login page: a plain HTML form (no script) posting name, password, CSRF token and where to go next. */
final class LoginPage {

    private LoginPage() {
    }

    static String render(String csrf, String next, String message, User user) {
        StringBuilder page = new StringBuilder(1536);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Sign in</title><link rel=\"icon\" href=\"data:,\"><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:24rem}")
                .append("label{display:block;margin:.5rem 0}input{display:block;width:100%}")
                .append(".message{color:#a00}</style></head><body><h1>Sign in</h1>");
        if (message != null) {
            page.append("<p class=\"message\" id=\"login-message\">").append(HtmlEscaper.attribute(message))
                    .append("</p>");
        }
        if (user != null) {
            page.append("<p id=\"signed-in-as\">Signed in as ").append(HtmlEscaper.attribute(user.name()))
                    .append(".</p>");
        }
        page.append("<form method=\"post\" action=\"/login\">")
                .append(hidden("_csrf", csrf)).append(hidden("next", next))
                .append("<label>Name <input id=\"login-name\" name=\"name\" autocomplete=\"username\" required>")
                .append("</label>")
                .append("<label>Password <input id=\"login-password\" name=\"password\" type=\"password\" ")
                .append("autocomplete=\"current-password\" required></label>")
                .append("<button id=\"login-submit\" type=\"submit\">Sign in</button></form>");
        if (user != null) {
            page.append(logoutForm(csrf));
        }
        return page.append("<p><a href=\"/\">All views</a></p></body></html>\n").toString();
    }

    /** A form that signs the session out. */
    static String logoutForm(String csrf) {
        return "<form method=\"post\" action=\"/logout\">" + hidden("_csrf", csrf)
                + "<button id=\"logout-submit\" type=\"submit\">Sign out</button></form>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + HtmlEscaper.attribute(value) + "\">";
    }
}
