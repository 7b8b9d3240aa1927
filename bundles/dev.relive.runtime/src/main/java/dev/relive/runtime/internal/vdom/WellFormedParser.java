package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A parser for the HTML that templates emit: every element closed in order (void elements excepted), quoted or
 * simple attribute values, comments, entities, raw text in {@code <script>}/{@code <style>}, escapable raw text in
 * {@code <textarea>}/{@code <title>}. For such input it builds the tree the HTML5 tree builder builds, several times
 * faster. Anything the tree builder would repair or treat specially (a misnested or unclosed tag, a {@code <tr>}
 * without its {@code <tbody>}, a block inside a {@code <p>}, foreign content, {@code <select>}, {@code <template>},
 * a parse error of the tokenizer) makes it give up and return {@code null}; {@link HtmlParser} then parses with
 * jsoup. Character references are decoded by {@link CharacterReferences}.
 */
final class WellFormedParser {

    private static final VNode[] NO_CHILDREN = new VNode[0];
    private static final String[] NO_ATTRIBUTES = new String[0];
    /** Whitespace between elements up to this length is shared between trees (indentation, mostly). */
    private static final int MAX_SHARED_SPACE = 16;

    private final String s;
    private int pos;
    private final List<Frame> stack = new ArrayList<>();
    private Frame current;

    private WellFormedParser(String s) {
        this.s = s;
        this.current = new Frame(HtmlParser.ROOT_TAG, NO_ATTRIBUTES);
    }

    /** The children of a {@code <div>} whose inner HTML is {@code html}, or {@code null} to parse with jsoup. */
    static VNode[] parseChildren(String html) {
        if (html.indexOf('\0') >= 0) {
            return null;
        }
        WellFormedParser p = new WellFormedParser(html);
        return p.run() ? p.current.children() : null;
    }

    private boolean run() {
        int n = s.length();
        while (pos < n) {
            int lt = s.indexOf('<', pos);
            if (lt < 0) {
                lt = n;
            }
            if (lt > pos && !text(pos, lt)) {
                return false;
            }
            pos = lt;
            if (pos == n) {
                break;
            }
            if (!markup()) {
                return false;
            }
        }
        return stack.isEmpty() && current.flush();
    }

    private boolean text(int from, int to) {
        if (!HtmlRules.takesText(current.tag) && !s.substring(from, to).isBlank()) {
            return false;
        }
        current.text(decode(s.substring(from, to), false));
        return true;
    }

    private boolean markup() {
        int n = s.length();
        if (pos + 1 >= n) {
            return false;
        }
        char c = s.charAt(pos + 1);
        if (c == '!') {
            return comment();
        }
        if (c == '/') {
            return endTag();
        }
        return isAsciiLetter(c) && startTag();
    }

    private boolean comment() {
        if (!s.startsWith("<!--", pos)) {
            return false;
        }
        int end = s.indexOf("-->", pos + 4);
        if (end < 0) {
            return false;
        }
        String body = s.substring(pos + 4, end);
        if (body.startsWith(">") || body.startsWith("->") || body.contains("--!") || body.contains("<!--")) {
            return false;
        }
        pos = end + 3;
        return true;
    }

    private boolean endTag() {
        int start = pos + 2;
        if (start >= s.length() || !isAsciiLetter(s.charAt(start))) {
            return false;
        }
        int i = start;
        while (i < s.length() && isNameChar(s.charAt(i))) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '>' || stack.isEmpty()) {
            return false;
        }
        String name = HtmlRules.intern(s.substring(start, i).toLowerCase(Locale.ROOT));
        if (!name.equals(current.tag) || !current.flush()) {
            return false;
        }
        VElement done = current.build();
        current = stack.remove(stack.size() - 1);
        current.element(done);
        pos = i + 1;
        return true;
    }

    private boolean startTag() {
        int start = pos + 1;
        int i = start;
        while (i < s.length() && isNameChar(s.charAt(i))) {
            i++;
        }
        if (i >= s.length()) {
            return false;
        }
        String name = HtmlRules.intern(s.substring(start, i).toLowerCase(Locale.ROOT));
        Attributes attrs = new Attributes();
        i = attrs.read(s, i);
        if (i < 0 || !HtmlRules.fits(name, current.tag, stack, current)) {
            return false;
        }
        boolean selfClosing = s.charAt(i) == '/';
        pos = i + (selfClosing ? 2 : 1);
        if (!current.flush()) {
            return false;
        }
        if (HtmlElements.isVoid(name)) {
            current.element(VElement.adopt(name, Namespace.HTML, attrs.array(), NO_CHILDREN));
            return true;
        }
        if (selfClosing) {
            return false;
        }
        int kind = HtmlRules.textKind(name);
        if (kind != HtmlRules.ELEMENTS) {
            return rawText(name, attrs.array(), kind);
        }
        if (HtmlRules.dropsLeadingNewline(name) && pos < s.length() && s.charAt(pos) == '\n') {
            return false;
        }
        stack.add(current);
        current = new Frame(name, attrs.array());
        return true;
    }

    /** The content of a raw-text or escapable raw-text element, up to its end tag. */
    private boolean rawText(String name, String[] attrs, int kind) {
        String close = "</" + name + ">";
        int end = s.regionMatches(true, pos, close, 0, close.length()) ? pos : indexOfIgnoreCase(close, pos);
        if (end < 0) {
            return false;
        }
        String content = s.substring(pos, end);
        if (kind == HtmlRules.SCRIPT && (content.contains("<!--") || indexOfIgnoreCase(content, "</script", 0) >= 0)) {
            return false;
        }
        if (kind != HtmlRules.ESCAPABLE && indexOfIgnoreCase(content, "</" + name, 0) >= 0) {
            return false;
        }
        if (kind == HtmlRules.ESCAPABLE) {
            if (content.startsWith("\n") && HtmlRules.dropsLeadingNewline(name)) {
                return false;
            }
            content = decode(content, false);
        }
        VNode[] kids = content.isEmpty() ? NO_CHILDREN : new VNode[] {new VText(SharedStrings.share(content))};
        current.element(VElement.adopt(name, Namespace.HTML, attrs, kids));
        pos = end + close.length();
        return true;
    }

    private int indexOfIgnoreCase(String needle, int from) {
        return indexOfIgnoreCase(s, needle, from);
    }

    private static int indexOfIgnoreCase(String hay, String needle, int from) {
        int last = hay.length() - needle.length();
        for (int i = hay.indexOf('<', from); i >= 0 && i <= last; i = hay.indexOf('<', i + 1)) {
            if (hay.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    static String decode(String raw, boolean inAttribute) {
        return CharacterReferences.decode(raw, inAttribute);
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
    }

    /** An open element: its tag, attributes, children so far and the text not yet added. */
    static final class Frame {
        final String tag;
        private final String[] attrs;
        private VNode[] kids = NO_CHILDREN;
        private int count;
        private String text;
        private StringBuilder moreText;

        Frame(String tag, String[] attrs) {
            this.tag = tag;
            this.attrs = attrs;
        }

        void text(String t) {
            if (t.isEmpty()) {
                return;
            }
            if (text == null) {
                text = t;
            } else {
                if (moreText == null) {
                    moreText = new StringBuilder(text);
                }
                moreText.append(t);
            }
        }

        /** Adds the pending text as a node; always true (a convenience for the parser's conditions). */
        boolean flush() {
            if (text != null) {
                String t = moreText == null ? text : moreText.toString();
                add(new VText(t.length() <= MAX_SHARED_SPACE && t.isBlank() ? HtmlRules.intern(t) : SharedStrings.share(t)));
                text = null;
                moreText = null;
            }
            return true;
        }

        void element(VElement e) {
            add(e);
        }

        private void add(VNode n) {
            if (count == kids.length) {
                kids = Arrays.copyOf(kids, Math.max(4, count * 2));
            }
            kids[count++] = n;
        }

        VNode[] children() {
            return count == kids.length ? kids : Arrays.copyOf(kids, count);
        }

        VElement build() {
            return VElement.adopt(tag, Namespace.HTML, attrs, children());
        }
    }
}
