package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private static final Names.Name ROOT = Names.of(HtmlParser.ROOT_TAG, 0, HtmlParser.ROOT_TAG.length());

    private final String s;
    private int pos;
    private final List<Frame> stack = new ArrayList<>();
    /** Frames of ended elements, made again for the next ones: a page opens thousands of elements, few at once. */
    private final List<Frame> spare = new ArrayList<>();
    /** The children of every open element, innermost last. */
    private final NodeStack nodes = new NodeStack();
    private final Attributes attributes;
    private final boolean share;
    /** Whether keyed elements keep where they came from ({@link VElement.Source}). */
    private final boolean record;
    /** Keyed elements of the last parse that may be taken again; null: none. */
    private final LastKeyed reusable;
    /** Where the elements of {@link #reusable} taken as they are go; null when there is nothing to take. */
    private final List<VElement> taken;
    private Frame current;

    private WellFormedParser(String s, boolean share, boolean record, LastKeyed reusable, List<VElement> taken) {
        this.s = s;
        this.share = share;
        this.record = record;
        this.reusable = reusable;
        this.taken = taken;
        this.attributes = new Attributes(share);
        this.current = new Frame(nodes, share).open(ROOT, NO_ATTRIBUTES, 0);
    }

    /**
     * The children of a {@code <div>} whose inner HTML is {@code html}, or {@code null} to parse with jsoup.
     * {@code share}: text and attribute values are made one instance with equal ones of other trees
     * ({@link SharedStrings}); without, only names and short whitespace are.
     */
    static VNode[] parseChildren(String html, boolean share) {
        return parseChildren(html, share, false, null, null);
    }

    /**
     * {@link #parseChildren(String, boolean)}; with {@code record}, each keyed element made keeps where it came from,
     * and an element of {@code reusable} (found by key) whose markup is found again unchanged, in the same context, is
     * taken as it is instead of parsed, and added to {@code taken} (which a failed parse may leave with some).
     */
    static VNode[] parseChildren(String html, boolean share, boolean record, LastKeyed reusable,
            List<VElement> taken) {
        if (html.indexOf('\0') >= 0) {
            return null;
        }
        WellFormedParser p = new WellFormedParser(html, share, record, reusable, taken);
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
        if (Names.isSharedSpace(s, from, to)) {
            current.space(Names.space(s, from, to));
            return true;
        }
        if (!HtmlRules.takesText(current.rules) && !s.substring(from, to).isBlank()) {
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

    /** The end tag of the current element (names are compared as the tokenizer lower-cases them, ASCII only). */
    private boolean endTag() {
        int start = pos + 2;
        String tag = current.tag;
        int end = start + tag.length();
        if (stack.isEmpty() || end >= s.length() || s.charAt(end) != '>') {
            return false;
        }
        if (!s.startsWith(tag, start)) { // templates write lower-case tags; other cases compared char by char
            for (int k = 0; k < tag.length(); k++) {
                char c = s.charAt(start + k);
                if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != tag.charAt(k)) {
                    return false;
                }
            }
        }
        current.flush();
        VElement done = current.build(s, end + 1, stack.get(stack.size() - 1).inside);
        spare.add(current.close());
        current = stack.remove(stack.size() - 1);
        current.element(done);
        pos = end + 1;
        return true;
    }

    private boolean startTag() {
        int lt = pos;
        int start = pos + 1;
        int i = start;
        while (i < s.length() && isNameChar(s.charAt(i))) {
            i++;
        }
        if (i >= s.length()) {
            return false;
        }
        Names.Name name = Names.of(s, start, i);
        Attributes attrs = attributes;
        i = attrs.read(s, i);
        if (i < 0 || !HtmlRules.fits(name, stack, current)) {
            return false;
        }
        boolean selfClosing = s.charAt(i) == '/';
        pos = i + (selfClosing ? 2 : 1);
        if (!current.flush()) {
            return false;
        }
        if (name.is(HtmlRules.VOID)) {
            current.element(VElement.adopt(name.text(), Namespace.HTML, attrs.array(), NO_CHILDREN));
            return true;
        }
        if (selfClosing) {
            return false;
        }
        int kind = HtmlRules.textKind(name.rules());
        if (kind != HtmlRules.ELEMENTS) {
            return rawText(name, attrs.array(), kind);
        }
        if (name.is(HtmlRules.DROPS_NEWLINE) && pos < s.length() && s.charAt(pos) == '\n') {
            return false;
        }
        String[] array = attrs.array();
        String key = record ? VElement.keyOf(array) : null;
        if (key != null) {
            VElement same = reusable == null ? null : unchanged(reusable.find(key), name, lt, current.inside);
            if (same != null) {
                reusable.took();
                taken.add(same);
                current.element(same);
                pos = lt + same.source().length();
                return true;
            }
        }
        stack.add(current);
        Frame parent = current;
        current = (spare.isEmpty() ? new Frame(nodes, share) : spare.remove(spare.size() - 1))
                .open(name, array, parent.inside);
        if (key != null) {
            current.recordFrom(lt);
        }
        return true;
    }

    /** {@code last}, when its markup is the same as the page's from {@code lt} and was read in the same context. */
    private VElement unchanged(VElement last, Names.Name name, int lt, int context) {
        VElement.Source source = last == null ? null : last.source();
        if (source == null || source.context() != context || source.length() > s.length() - lt
                || !last.tag().equals(name.text())) {
            return null;
        }
        return SourcePrint.of(s, lt, lt + source.length()) == source.print() ? last : null;
    }

    /** The content of a raw-text or escapable raw-text element, up to its end tag. */
    private boolean rawText(Names.Name tag, String[] attrs, int kind) {
        String name = tag.text();
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
            if (content.startsWith("\n") && tag.is(HtmlRules.DROPS_NEWLINE)) {
                return false;
            }
            content = decode(content, false);
        }
        VNode[] kids = content.isEmpty() ? NO_CHILDREN : new VNode[] {new VText(share ? SharedStrings.share(content) : content)};
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

    /**
     * An open element: its tag, attributes, children so far (on the parser's {@link NodeStack}, from {@code start})
     * and the text not yet added.
     */
    static final class Frame {
        String tag;
        int rules;
        private String[] attrs;
        private final NodeStack nodes;
        private int start;
        /** Where the element's markup starts, when it is recorded ({@link VElement.Source}); else -1. */
        private int sourceStart;
        /** What start tags inside it find about it and the elements around it ({@link HtmlRules#inside}). */
        int inside;
        private String text;
        private StringBuilder moreText;
        /** Whether {@link #text} is a shared whitespace run ({@link Names#space}), alone. */
        private boolean textIsSpace;
        private final boolean share;

        Frame(NodeStack nodes, boolean share) {
            this.nodes = nodes;
            this.share = share;
        }

        /**
         * Starts the element {@code name}, inside one whose {@link HtmlRules#inside} bits are {@code outside}: its
         * children are the nodes pushed from now on.
         */
        Frame open(Names.Name name, String[] attributes, int outside) {
            this.inside = HtmlRules.inside(outside, name);
            this.tag = name.text();
            this.rules = name.rules();
            this.attrs = attributes;
            this.start = nodes.size();
            this.sourceStart = -1;
            return this;
        }

        /** The element's markup starts at {@code lt}. */
        void recordFrom(int lt) {
            this.sourceStart = lt;
        }

        /** Lets go of the ended element's attributes, to be opened again for another element. */
        Frame close() {
            attrs = null;
            return this;
        }

        void text(String t) {
            if (t.isEmpty()) {
                return;
            }
            textIsSpace = false;
            if (text == null) {
                text = t;
            } else {
                if (moreText == null) {
                    moreText = new StringBuilder(text);
                }
                moreText.append(t);
            }
        }

        /** Text that is already a shared whitespace run ({@link Names#space}). */
        void space(String t) {
            boolean alone = text == null;
            text(t);
            textIsSpace = alone;
        }

        /** Adds the pending text as a node; always true (a convenience for the parser's conditions). */
        boolean flush() {
            if (text != null) {
                String t = moreText == null ? text : moreText.toString();
                if (textIsSpace) {
                    textIsSpace = false; // shared already
                } else if (Names.isSharedSpace(t, 0, t.length())) {
                    t = Names.space(t, 0, t.length());
                } else if (share) {
                    t = SharedStrings.share(t);
                }
                nodes.push(new VText(t));
                text = null;
                moreText = null;
            }
            return true;
        }

        void element(VElement e) {
            nodes.push(e);
        }

        /** Its children, taken off the stack. */
        VNode[] children() {
            return nodes.popFrom(start);
        }

        /**
         * The element, whose end tag ends before {@code end} of {@code page}, inside a parent whose
         * {@link HtmlRules#inside} bits are {@code context}.
         */
        VElement build(String page, int end, int context) {
            if (sourceStart < 0) {
                return VElement.adopt(tag, Namespace.HTML, attrs, children());
            }
            return VElement.adopt(tag, Namespace.HTML, attrs, children(), end - sourceStart,
                    SourcePrint.of(page, sourceStart, end), context);
        }
    }

    /** The children of the open elements, in one array: an element's children are copied out once, when it ends. */
    static final class NodeStack {
        private VNode[] nodes = new VNode[64];
        private int size;

        int size() {
            return size;
        }

        void push(VNode n) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            nodes[size++] = n;
        }

        VNode[] popFrom(int start) {
            if (start == size) {
                return NO_CHILDREN;
            }
            VNode[] out = Arrays.copyOfRange(nodes, start, size);
            Arrays.fill(nodes, start, size, null);
            size = start;
            return out;
        }
    }
}
