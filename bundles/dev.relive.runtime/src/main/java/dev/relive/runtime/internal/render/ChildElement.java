package dev.relive.runtime.internal.render;

import java.util.Map;
import java.util.Set;

import dev.relive.runtime.internal.vdom.HtmlEscaper;

/**
 * The element a child view's HTML goes in. When the child's template renders exactly one element of the wrapper's
 * tag (a row template that is one {@code <li class="done">...</li>}, embedded with {@code tag="li"}), that element is
 * the wrapper: {@code rl-child} and {@code rl-view} are added to it, so the child's template decides its attributes
 * and the page has no extra element between the list and its rows. Otherwise the HTML is wrapped in a new element.
 *
 * <p>"Exactly one element" is read from the text: white space and comments aside, it starts with the tag and ends
 * with its end tag, which closes the first one (elements of the same tag nested inside are counted, comments
 * skipped). HTML with scripts or styles, or a root that already has {@code rl-child} or {@code rl-view}, is wrapped.
 *
 * <p>Wrapped HTML that a browser would take out of the wrapper is refused with a {@link RenderException} that says
 * so: an {@code <li>} beside other content in an {@code <li>} wrapper (the browser ends the wrapper at it, leaving it
 * empty, and the child's content lands in the parent's part of the page), likewise {@code <tr>}, {@code <td>},
 * {@code <th>}, {@code <dd>}, {@code <dt>}, {@code <tbody>} and the blocks that end a {@code <p>}.
 */
public final class ChildElement {

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");
    private static final Set<String> ENDS_P = Set.of("address", "article", "aside", "blockquote", "div", "dl",
            "fieldset", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p",
            "pre", "section", "table", "ul");
    /** For each wrapper tag, the start tags a browser's parser ends it at. */
    private static final Map<String, Set<String>> ENDS = Map.of(
            "li", Set.of("li"),
            "tr", Set.of("tr", "tbody", "thead", "tfoot"),
            "td", Set.of("td", "th", "tr", "tbody", "thead", "tfoot"),
            "th", Set.of("td", "th", "tr", "tbody", "thead", "tfoot"),
            "dd", Set.of("dd", "dt"),
            "dt", Set.of("dd", "dt"),
            "tbody", Set.of("tbody", "thead", "tfoot"),
            "p", ENDS_P);

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
        String ending = topLevelEnding(inner, tag);
        if (ending != null) {
            String simple = viewClass.substring(viewClass.lastIndexOf('.') + 1);
            throw new RenderException("child '" + childId + "' (" + simple + ", tag=\"" + tag + "\"): its template "
                    + "puts a <" + ending + "> beside other content, and a browser ends the child's <" + tag
                    + "> at it, so the child's content would land outside its element. Make the template one <" + tag
                    + ">...</" + tag + "> (it becomes the child's element; comments around it are fine) or leave the <"
                    + ending + "> out of it", null);
        }
        return "<" + tag + marks + ">" + inner + "</" + tag + ">";
    }

    /** Where the one root element of {@code tag} starts in {@code html}; -1 when it is not one such element. */
    static int rootStart(String html, String tag) {
        int from = skipSpaceAndComments(html, 0);
        int to = trimSpaceAndComments(html, from);
        if (from < 0 || to < 0 || !isStartTag(html, from, tag, to)) {
            return -1; // most children: nothing to read further
        }
        String lower = asciiLower(html);
        if (lower.indexOf("<script", from) >= 0 || lower.indexOf("<style", from) >= 0) {
            return -1;
        }
        int startEnd = startTagEnd(lower, from);
        if (startEnd < 0 || startEnd > to) {
            return -1;
        }
        String startTag = lower.substring(from, startEnd);
        if (startTag.contains(" rl-child") || startTag.contains(" rl-view") || startTag.endsWith("/>")) {
            return -1;
        }
        String end = "</" + tag + ">";
        if (!lower.startsWith(end, to - end.length())) {
            return -1;
        }
        int depth = 1;
        int last = to - end.length();
        int i = startEnd;
        while (i < last) {
            int lt = lower.indexOf('<', i);
            if (lt < 0 || lt >= last) {
                break;
            }
            if (lower.startsWith("<!--", lt)) {
                int close = lower.indexOf("-->", lt + 4);
                if (close < 0 || close + 3 > last) {
                    return -1;
                }
                i = close + 3;
            } else if (isStartTag(lower, lt, tag, to)) {
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

    /**
     * The first start tag outside any element of {@code html} at which a browser ends a {@code wrapper} element, or
     * {@code null}. Elements are counted by their start and end tags (void and self-closed ones aside); comments,
     * scripts and styles are skipped.
     */
    static String topLevelEnding(String html, String wrapper) {
        Set<String> ends = ENDS.get(wrapper);
        if (ends == null) {
            return null;
        }
        String lower = asciiLower(html);
        int depth = 0;
        int i = 0;
        while (true) {
            int lt = lower.indexOf('<', i);
            if (lt < 0 || lt + 1 >= lower.length()) {
                return null;
            }
            if (lower.startsWith("<!--", lt)) {
                int close = lower.indexOf("-->", lt + 4);
                if (close < 0) {
                    return null;
                }
                i = close + 3;
                continue;
            }
            boolean closing = lower.charAt(lt + 1) == '/';
            int nameStart = lt + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < lower.length() && isNameChar(lower.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                i = lt + 1;
                continue;
            }
            String name = lower.substring(nameStart, nameEnd);
            int e = startTagEnd(lower, lt);
            if (e < 0) {
                return null;
            }
            if (closing) {
                depth = Math.max(0, depth - 1);
                i = e;
                continue;
            }
            if (depth == 0 && ends.contains(name)) {
                return name;
            }
            if (name.equals("script") || name.equals("style")) {
                int close = lower.indexOf("</" + name, e);
                i = close < 0 ? lower.length() : close;
                continue;
            }
            if (!VOID.contains(name) && !lower.startsWith("/>", e - 2)) {
                depth++;
            }
            i = e;
        }
    }

    /** {@code text} with A-Z as a-z and nothing else changed, so that its indexes are the text's. */
    private static String asciiLower(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }

    private static boolean isStartTag(String html, int at, String tag, int limit) {
        int after = at + 1 + tag.length();
        if (after >= limit || html.charAt(at) != '<' || !html.regionMatches(true, at + 1, tag, 0, tag.length())) {
            return false;
        }
        char c = html.charAt(after);
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    /** The index just past the {@code >} of the tag at {@code at}, minding quoted values; -1 if none. */
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

    /** The index of the first character that is neither white space nor part of a comment; -1 for a comment left open. */
    private static int skipSpaceAndComments(String html, int i) {
        while (true) {
            while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            if (!html.startsWith("<!--", i)) {
                return i;
            }
            int close = html.indexOf("-->", i + 4);
            if (close < 0) {
                return -1;
            }
            i = close + 3;
        }
    }

    /** The end of {@code html} without the white space and comments that close it; -1 when that cannot be told. */
    private static int trimSpaceAndComments(String html, int from) {
        if (from < 0) {
            return -1;
        }
        int to = html.length();
        while (true) {
            while (to > from && Character.isWhitespace(html.charAt(to - 1))) {
                to--;
            }
            if (to - 3 < from || !html.startsWith("-->", to - 3)) {
                return to;
            }
            int open = html.lastIndexOf("<!--", to - 3);
            if (open < from) {
                return -1;
            }
            to = open;
        }
    }
}
