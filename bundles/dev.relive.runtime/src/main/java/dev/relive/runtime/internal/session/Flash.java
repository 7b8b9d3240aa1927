package dev.relive.runtime.internal.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.relive.runtime.internal.vdom.HtmlEscaper;

/**
 * The flash messages of a tab, by kind: shown in the flash area ({@code #rl-flash}) at the top of the page from
 * when a view sets one until the second live navigation after that, so they survive one navigation and then go.
 * Thread-safe: views may set a message from any thread; it shows from the next render.
 */
final class Flash {

    /** The id of the flash area in the page. */
    static final String AREA_ID = "rl-flash";
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,19}");

    private final Map<String, String> messages = new LinkedHashMap<>();
    private boolean survivesNavigation;

    /** Sets the message of {@code kind}; it is shown until after the next navigation. */
    synchronized void put(String kind, String message) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a flash kind is a lower-case word such as info or error, not '"
                    + kind + "'");
        }
        messages.put(kind, message == null ? "" : message);
        survivesNavigation = true;
    }

    /** A live navigation happened: messages set since the one before stay once more, older ones go. */
    synchronized void navigated() {
        if (survivesNavigation) {
            survivesNavigation = false;
        } else {
            messages.clear();
        }
    }

    /** Messages carried across a full page load: shown now, gone after the next navigation. */
    synchronized void carried(Map<String, String> carried) {
        carried.forEach(this::put);
        survivesNavigation = false;
    }

    /** The messages that survive a redirect (those set since the last navigation), by kind. */
    synchronized Map<String, String> forRedirect() {
        return survivesNavigation ? Map.copyOf(messages) : Map.of();
    }

    /** The flash area with its messages, or nothing when there are none. */
    synchronized String html() {
        if (messages.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div id=\"" + AREA_ID + "\">");
        messages.forEach((kind, text) -> html.append("<p class=\"rl-flash-").append(kind).append("\" role=\"")
                .append("error".equals(kind) ? "alert" : "status").append("\">")
                .append(HtmlEscaper.attribute(text)).append("</p>"));
        return html.append("</div>").toString();
    }
}
