package dev.relive.runtime.internal.vdom;

import java.util.List;

/**
 * Serializes a tree to HTML that the HTML parser turns back into the same tree: for every tree that
 * {@link HtmlParser} produced, {@code HtmlParser.parse(HtmlWriter.writeInner(t)).equals(t)}.
 *
 * <p>It follows the HTML fragment serialization algorithm, with three differences that make the round trip
 * exact: a line feed is added after the start tag of {@code pre}, {@code textarea} and {@code listing} when
 * their text starts with one (the parser drops the first), carriage returns are written as {@code &#13;}
 * (the parser turns a literal one into a line feed), and nothing is written after a {@code <plaintext>}
 * element's text, or a {@code <script>}'s that the parser reads to the end of input (see {@link ScriptText}):
 * no end tag can close them. Attributes are always written {@code name="value"}. A {@code <noscript>}'s
 * text is written raw, as browsers parse it with scripting enabled.
 */
public final class HtmlWriter {

    private final StringBuilder out;
    /** Whether to add the line feed the parser drops after a pre-like start tag (not in noscript content). */
    private boolean leadingNewlines = true;
    /** Set once an element the parser reads to the end of input was written: nothing may follow. */
    private boolean ended;

    private HtmlWriter(StringBuilder out) {
        this.out = out;
    }

    /** The inner HTML of {@code element}: its children, serialized. */
    public static String writeInner(VElement element) {
        StringBuilder sb = new StringBuilder(256);
        writeInner(element, sb);
        return sb.toString();
    }

    /** Appends the inner HTML of {@code element} to {@code out}. */
    public static void writeInner(VElement element, StringBuilder out) {
        new HtmlWriter(out).children(element);
    }

    /**
     * The HTML of one node, as sent in the {@code html} field of {@code insert} and {@code replace}: an
     * element's outer HTML, or a text node's escaped text (escaped even if its parent is a raw-text element,
     * because the client parses it outside of that element).
     */
    public static String write(VNode node) {
        StringBuilder sb = new StringBuilder(64);
        write(node, sb);
        return sb.toString();
    }

    /** Appends the HTML of one node to {@code out}, like {@link #write(VNode)}. */
    public static void write(VNode node, StringBuilder out) {
        HtmlWriter w = new HtmlWriter(out);
        if (node instanceof VElement e) {
            w.element(e);
        } else {
            HtmlEscaper.text(((VText) node).text(), out);
        }
    }

    /** Concatenates the HTML of several nodes (an inner HTML given as a node list). */
    public static String write(List<? extends VNode> nodes) {
        StringBuilder sb = new StringBuilder(256);
        new HtmlWriter(sb).nodes(nodes);
        return sb.toString();
    }

    /**
     * The content of a {@code <noscript>} as the raw text it is to browsers: the nodes' HTML, without the
     * extra line feed after {@code <pre>}-like start tags (jsoup, unlike browsers, parses noscript content as
     * markup, and there keeps that line feed).
     */
    static String writeNoscriptContent(List<VNode> nodes) {
        StringBuilder sb = new StringBuilder(64);
        HtmlWriter w = new HtmlWriter(sb);
        w.leadingNewlines = false;
        w.nodes(nodes);
        return sb.toString();
    }

    private void nodes(List<? extends VNode> nodes) {
        for (VNode n : nodes) {
            if (ended) {
                return;
            }
            if (n instanceof VElement e) {
                element(e);
            } else {
                HtmlEscaper.text(((VText) n).text(), out);
            }
        }
    }

    private void element(VElement e) {
        String tag = e.tag();
        out.append('<').append(tag);
        String[] attrs = e.attributeArray();
        for (int i = 0; i < attrs.length; i += 2) {
            out.append(' ').append(attrs[i]).append("=\"");
            HtmlEscaper.attribute(attrs[i + 1], out);
            out.append('"');
        }
        out.append('>');
        if (HtmlElements.isVoid(e)) {
            return;
        }
        if (leadingNewlines && HtmlElements.dropsLeadingNewline(e) && !e.children().isEmpty()
                && e.children().get(0) instanceof VText t && t.text().startsWith("\n")) {
            out.append('\n');
        }
        children(e);
        if (HtmlElements.isPlaintext(e) || (HtmlElements.isScript(e) && !ScriptText.isClosable(textOf(e)))) {
            ended = true; // the parser reads all that follows as this element's text
        }
        if (!ended) {
            out.append("</").append(tag).append('>');
        }
    }

    private void children(VElement parent) {
        boolean raw = HtmlElements.isRawText(parent);
        for (VNode child : parent.childArray()) {
            if (ended) {
                return;
            }
            if (child instanceof VElement e) {
                element(e);
            } else if (raw) {
                out.append(((VText) child).text());
            } else {
                HtmlEscaper.text(((VText) child).text(), out);
            }
        }
    }

    /** The concatenated text of the text children of {@code e}. */
    static String textOf(VElement e) {
        List<VNode> children = e.children();
        if (children.size() == 1 && children.get(0) instanceof VText t) {
            return t.text();
        }
        StringBuilder sb = new StringBuilder();
        for (VNode c : children) {
            if (c instanceof VText t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }
}
