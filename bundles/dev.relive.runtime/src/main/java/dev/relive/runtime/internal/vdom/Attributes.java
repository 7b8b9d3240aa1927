package dev.relive.runtime.internal.vdom;

import java.util.Arrays;

/**
 * The attributes of a start tag, read the way the HTML tokenizer reads them when there is no parse error: names
 * lower-cased, values in double or single quotes or unquoted, entities decoded. Input with a parse error (a
 * duplicate name, a quote or {@code <} in a name, no space between attributes, ...) is refused.
 */
final class Attributes {

    private static final String[] NONE = new String[0];

    /** Reused from tag to tag: {@link #array()} copies what one tag had. */
    private String[] pairs = new String[8];
    private int size;
    private final boolean share;

    /** {@code share}: values are made one instance with equal values of other trees. */
    Attributes(boolean share) {
        this.share = share;
    }

    /**
     * Reads the attributes from {@code i} (just after the tag name) up to the tag's end; returns the index of its
     * {@code >}, or of the {@code /} of {@code />}, or -1 when the input is not plain.
     */
    int read(String s, int i) {
        size = 0;
        int n = s.length();
        while (true) {
            boolean spaced = false;
            while (i < n && isSpace(s.charAt(i))) {
                i++;
                spaced = true;
            }
            if (i >= n) {
                return -1;
            }
            char c = s.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == '/') {
                return i + 1 < n && s.charAt(i + 1) == '>' ? i : -1;
            }
            if (!spaced) {
                return -1;
            }
            int start = i;
            while (i < n && !isSpace(c = s.charAt(i)) && c != '/' && c != '>' && c != '=') {
                if (c == '"' || c == '\'' || c == '<') {
                    return -1;
                }
                i++;
            }
            if (i == start || i >= n) {
                return -1;
            }
            Names.Name name = Names.of(s, start, i);
            int afterName = i;
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            String value = "";
            if (i < n && s.charAt(i) == '=') {
                i++;
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    return -1;
                }
                char q = s.charAt(i);
                int end;
                if (q == '"' || q == '\'') {
                    end = s.indexOf(q, i + 1);
                    if (end < 0) {
                        return -1;
                    }
                    value = s.substring(i + 1, end);
                    i = end + 1;
                } else {
                    end = i;
                    while (end < n && !isSpace(c = s.charAt(end)) && c != '>') {
                        if (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`') {
                            return -1;
                        }
                        end++;
                    }
                    if (end == i) {
                        return -1;
                    }
                    value = s.substring(i, end);
                    i = end;
                }
                value = WellFormedParser.decode(value, true);
                if (share) {
                    value = name.is(HtmlRules.SHARED_VALUE) ? HtmlRules.intern(value) : SharedStrings.share(value);
                }
            } else {
                i = afterName;
            }
            if (!add(name.text(), value)) {
                return -1;
            }
        }
    }

    private boolean add(String name, String value) {
        for (int k = 0; k < size; k += 2) {
            if (pairs[k].equals(name)) {
                return false;
            }
        }
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, Math.max(4, size * 2));
        }
        pairs[size++] = name;
        pairs[size++] = value;
        return true;
    }

    /** Names and values, alternating: a copy the caller owns. */
    String[] array() {
        return size == 0 ? NONE : Arrays.copyOf(pairs, size);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
