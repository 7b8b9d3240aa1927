package dev.relive.runtime.internal.vdom;

/**
 * The one HTML escaper of the runtime, for text and for double-quoted attribute values. Besides {@code &}, {@code <}
 * and {@code >} (and {@code "} in attributes) it writes a no-break space as {@code &nbsp;} and a carriage return as
 * {@code &#13;}, so that parsing the result gives back exactly the escaped string.
 */
public final class HtmlEscaper {

    private HtmlEscaper() {
    }

    /** Appends {@code s} escaped as text content. */
    public static void text(String s, StringBuilder out) {
        escape(s, false, out);
    }

    /** Appends {@code s} escaped as a double-quoted attribute value. */
    public static void attribute(String s, StringBuilder out) {
        escape(s, true, out);
    }

    /** {@code s} escaped for a double-quoted attribute value, which is also safe as text; {@code null} is empty. */
    public static String attribute(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(s, true, out);
        return out.toString();
    }

    private static void escape(String s, boolean quote, StringBuilder out) {
        int start = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            String rep;
            switch (s.charAt(i)) {
                case '&' -> rep = "&amp;";
                case '<' -> rep = "&lt;";
                case '>' -> rep = "&gt;";
                case '\u00a0' -> rep = "&nbsp;";
                case '\r' -> rep = "&#13;";
                case '"' -> {
                    if (!quote) {
                        continue;
                    }
                    rep = "&quot;";
                }
                default -> {
                    continue;
                }
            }
            out.append(s, start, i).append(rep);
            start = i + 1;
        }
        out.append(s, start, s.length());
    }
}
