package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Turns jsoup nodes into the tree: elements and text only, adjacent text merged, {@code <noscript>} content
 * as the raw text browsers hold.
 */
final class JsoupConversion {

    private static final String[] NO_ATTRIBUTES = new String[0];
    private static final VNode[] NO_CHILDREN = new VNode[0];
    private static final Pattern NOSCRIPT_END = Pattern.compile("</noscript", Pattern.CASE_INSENSITIVE);

    private JsoupConversion() {
    }

    /** The tree's nodes for jsoup's {@code nodes}. */
    static List<VNode> children(List<Node> nodes) {
        Children out = new Children(nodes.size());
        convertInto(nodes, out, false);
        return out.list;
    }

    /**
     * Adds the tree's nodes for jsoup's {@code nodes} to {@code out}: comments and the like dropped,
     * adjacent text merged, and inside a {@code <noscript>} nested {@code <noscript>} elements unwrapped.
     */
    private static void convertInto(List<Node> nodes, Children out, boolean inNoscript) {
        for (Node n : nodes) {
            if (n instanceof TextNode t) {
                out.text(t.getWholeText());
            } else if (n instanceof DataNode d) {
                out.text(d.getWholeData());
            } else if (n instanceof Element e) {
                if (isNoscript(e) || (inNoscript && isPlaintext(e))) {
                    if (inNoscript) {
                        convertInto(e.childNodes(), out, true);
                    } else {
                        out.element(noscript(e));
                    }
                } else {
                    VElement converted = convert(e, inNoscript);
                    if (inNoscript && HtmlElements.isScript(converted)
                            && !ScriptText.isClosable(HtmlWriter.textOf(converted))) {
                        // would run past the end of the noscript's raw text: keep the element, not its text
                        converted = VElement.adopt("script", Namespace.HTML, converted.attributeArray(), NO_CHILDREN);
                    }
                    out.element(converted);
                }
            }
            // comments, doctypes, XML declarations: not part of the tree
        }
    }

    private static VElement convert(Element e, boolean inNoscript) {
        VNode[] children = NO_CHILDREN;
        if (e.childNodeSize() > 0) {
            Children out = new Children(e.childNodeSize());
            convertInto(e.childNodes(), out, inNoscript);
            children = out.list.toArray(NO_CHILDREN);
        }
        return VElement.adopt(e.normalName(), Namespace.ofUri(e.tag().namespace()), attributes(e), children);
    }

    /**
     * Browsers parse with scripting enabled, so a {@code <noscript>}'s content is raw text to them, up to the
     * first {@code </noscript}. jsoup parses it as elements: they are serialized back into the one text node
     * a browser would hold, with no {@code </noscript} inside (nested noscript and plaintext elements are
     * unwrapped, other occurrences escaped).
     */
    private static VElement noscript(Element e) {
        Children content = new Children(e.childNodeSize());
        convertInto(e.childNodes(), content, true);
        String raw = NOSCRIPT_END.matcher(HtmlWriter.writeNoscriptContent(content.list)).replaceAll("&lt;/noscript");
        return VElement.adopt("noscript", Namespace.HTML, attributes(e),
                raw.isEmpty() ? NO_CHILDREN : new VNode[] {new VText(raw)});
    }

    private static boolean isPlaintext(Element e) {
        return e.normalName().equals("plaintext") && Parser.NamespaceHtml.equals(e.tag().namespace());
    }

    private static boolean isNoscript(Element e) {
        return e.normalName().equals("noscript") && Parser.NamespaceHtml.equals(e.tag().namespace());
    }

    /** Names and values, alternating; the parser already dropped duplicate names. */
    private static String[] attributes(Element e) {
        int n = e.attributesSize();
        if (n == 0) {
            return NO_ATTRIBUTES;
        }
        String[] attrs = new String[n * 2];
        int i = 0;
        for (Attribute a : e.attributes()) {
            if (i == attrs.length) {
                attrs = Arrays.copyOf(attrs, i * 2);
            }
            attrs[i++] = a.getKey();
            attrs[i++] = SharedStrings.share(a.getValue());
        }
        return i == attrs.length ? attrs : Arrays.copyOf(attrs, i);
    }

    /** A child list being built: merges adjacent text, skips empty text. */
    private static final class Children {
        final List<VNode> list;

        Children(int capacity) {
            list = new ArrayList<>(capacity);
        }

        void text(String s) {
            if (s.isEmpty()) {
                return;
            }
            int last = list.size() - 1;
            if (last >= 0 && list.get(last) instanceof VText t) {
                list.set(last, new VText(SharedStrings.share(t.text() + s)));
            } else {
                list.add(new VText(SharedStrings.share(s)));
            }
        }

        void element(VElement e) {
            list.add(e);
        }
    }
}
