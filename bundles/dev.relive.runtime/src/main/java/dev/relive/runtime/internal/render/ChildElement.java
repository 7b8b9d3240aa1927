package dev.relive.runtime.internal.render;

import java.util.Locale;

import dev.relive.runtime.internal.vdom.HtmlEscaper;

/**
 * The element a child view's HTML goes in. When the child's template renders exactly one element of the wrapper's
 * tag (a row template that is one {@code <li class="done">...</li>}, embedded with {@code tag="li"}), that element is
 * the wrapper: {@code rl-child} and {@code rl-view} are added to it, so the child's template decides its attributes
 * and the page has no extra element between the list and its rows. Otherwise the HTML is wrapped in a new element.
 *
 * <p>"Exactly one element" is read from the text: leading and trailing white space aside, it starts with the tag and
 * ends with its end tag, which closes the first one (elements of the same tag nested inside are counted). HTML with
 * comments, scripts or styles, or a root that already has {@code rl-child} or {@code rl-view}, is wrapped.
 */
public final class ChildElement {

    private ChildElement() {
    }

    /** {@code inner} as the child {@code childId} of class {@code viewClass}, in or as a {@code tag} element. */
    public static String of(String inner, String tag, String childId, String viewClass) {
        String marks = " rl-child=\"" + HtmlEscaper.attribute(childId) + "\" rl-view=\""
                + HtmlEscaper.attribute(viewClass) + "\"";
        int start = rootStart(inner, tag);
        if (start >= 0) {
            int at = start + 1 + tag.length();
            return inner.substring(0, at) + marks + inner.substring(at);
        }
        return "<" + tag + marks + ">" + inner + "</" + tag + ">";
    }

    /** Where the one root element of {@code tag} starts in {@code html}; -1 when it is not one such element. */
    static int rootStart(String html, String tag) {
        int from = skipSpace(html, 0);
        int to = html.length();
        while (to > from && Character.isWhitespace(html.charAt(to - 1))) {
            to--;
        }
        if (!isStartTag(html, from, tag, to)) {
            return -1;
        }
        String lower = html.substring(from, to).toLowerCase(Locale.ROOT);
        if (lower.contains("<!--") || lower.contains("<script") || lower.contains("<style")) {
            return -1;
        }
        int startEnd = startTagEnd(lower, 0);
        if (startEnd < 0) {
            return -1;
        }
        String startTag = lower.substring(0, startEnd);
        if (startTag.contains(" rl-child") || startTag.contains(" rl-view") || startTag.endsWith("/>")) {
            return -1;
        }
        String end = "</" + tag + ">";
        if (!lower.endsWith(end)) {
            return -1;
        }
        int depth = 1;
        int i = startEnd;
        int last = lower.length() - end.length();
        while (i < last) {
            int lt = lower.indexOf('<', i);
            if (lt < 0 || lt >= last) {
                break;
            }
            if (isStartTag(lower, lt, tag, lower.length())) {
                int e = startTagEnd(lower, lt);
                if (e < 0) {
                    return -1;
                }
                if (!lower.startsWith("/>", e - 2)) {
                    depth++;
                }
                i = e;
            } else if (lower.startsWith(end, lt)) {
                depth--;
                if (depth == 0) {
                    return -1; // the first element ends before the last end tag: more than one root
                }
                i = lt + end.length();
            } else {
                i = lt + 1;
            }
        }
        return depth == 1 ? from : -1;
    }

    private static boolean isStartTag(String html, int at, String tag, int limit) {
        int after = at + 1 + tag.length();
        if (after >= limit || html.charAt(at) != '<' || !html.regionMatches(true, at + 1, tag, 0, tag.length())) {
            return false;
        }
        char c = html.charAt(after);
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    /** The index just past the {@code >} of the start tag at {@code at}, minding quoted values; -1 if none. */
    private static int startTagEnd(String html, int at) {
        char quote = 0;
        for (int i = at + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int skipSpace(String html, int i) {
        while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
            i++;
        }
        return i;
    }
}
