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
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.parser.TagSet;

/**
 * Parses HTML fragments into trees with jsoup's HTML5 tree builder, the way a browser parses
 * {@code element.innerHTML = html}: implicit {@code <tbody>}, foster parenting, adoption agency, foreign
 * content, and so on.
 *
 * <p>Comments (and other non-element, non-text nodes) are dropped and the text around them merged, so that
 * the tree is what the browser builds from the tree's own serialization. Every text node is kept exactly,
 * whitespace included; the contents of {@code <script>}/{@code <style>} become text nodes. Carriage returns
 * are normalized to line feeds as browsers do.
 *
 * <p>Markup with parse errors can yield trees that do not survive serialization (nested {@code <form>}s,
 * for instance). When jsoup reports an error, the tree is re-parsed from its own serialization until it is
 * stable, so that every tree returned here satisfies {@code parse(HtmlWriter.writeInner(t)).equals(t)}.
 */
public final class HtmlParser {

    /** A view's root element. */
    public static final String ROOT_TAG = "div";

    private static final int MAX_CANONICALIZE_ROUNDS = 4;
    private static final String[] NO_ATTRIBUTES = new String[0];
    private static final VNode[] NO_CHILDREN = new VNode[0];
    private static final Pattern NOSCRIPT_END = Pattern.compile("</noscript", Pattern.CASE_INSENSITIVE);

    private HtmlParser() {
    }

    /** Parses the inner HTML of a view root into a {@code <div>} root element holding the parsed children. */
    public static VElement parse(String innerHtml) {
        Element context = new Element(Tag.valueOf(ROOT_TAG, Parser.NamespaceHtml, ParseSettings.htmlDefault), "");
        return VElement.adopt(ROOT_TAG, Namespace.HTML, NO_ATTRIBUTES, parseFragment(innerHtml, context).toArray(NO_CHILDREN));
    }

    /**
     * Parses the {@code html} of an {@code insert} or {@code replace} patch into the one node it must be, as
     * a child of {@code parent}: in a {@code <template>} (which takes any HTML element, {@code <tr>} and
     * {@code <td>} included, and never applies the parent's raw-text or select/table rules to it), or for SVG
     * and MathML parents (other than HTML integration points such as {@code <foreignObject>}) in the parent
     * itself, so that the node lands in the parent's namespace.
     *
     * @throws IllegalArgumentException if the HTML does not parse to exactly one node
     */
    public static VNode parseNode(String html, VElement parent) {
        Element context;
        if (HtmlElements.takesHtmlChildren(parent)) {
            context = new Element(Tag.valueOf("template", Parser.NamespaceHtml, ParseSettings.htmlDefault), "");
        } else {
            context = new Element(Tag.valueOf(parent.tag(), parent.namespace().uri(), ParseSettings.htmlDefault), "");
            parent.attributes().forEach(context::attr); // annotation-xml's encoding decides how it parses
        }
        List<VNode> nodes = parseFragment(html, context);
        if (nodes.size() != 1) {
            throw new IllegalArgumentException("html parses to " + nodes.size() + " nodes, not 1, in <"
                    + parent.tag() + ">: " + html);
        }
        return nodes.get(0);
    }

    private static List<VNode> parseFragment(String html, Element context) {
        String input = normalizeNewlines(html);
        Parser parser = newParser(true);
        List<VNode> nodes = convertChildren(parser.parseFragmentInput(input, context, ""));
        if (parser.getErrors().isEmpty()) {
            return nodes;
        }
        for (int round = 0; round < MAX_CANONICALIZE_ROUNDS; round++) {
            List<VNode> again = convertChildren(newParser(false).parseFragmentInput(HtmlWriter.write(nodes), context, ""));
            if (again.equals(nodes)) {
                break;
            }
            nodes = again;
        }
        return nodes;
    }

    /**
     * A parser for one parse (jsoup parsers are not thread-safe). Its tag set makes jsoup parse as browsers
     * do: {@code <noscript>} content is raw text (jsoup parses as if scripting were off, browsers run with it
     * on), and an SVG {@code <script>}'s content is markup like any other foreign element's (jsoup reads it
     * as raw text). {@link TagSet#get} copies the shared tag into this set, so the change stays local.
     */
    private static Parser newParser(boolean trackErrors) {
        TagSet tags = TagSet.Html();
        Tag svgScript = tags.get("script", Parser.NamespaceSvg);
        if (svgScript != null) {
            svgScript.clear(Tag.Data);
        }
        Tag noscript = tags.get("noscript", Parser.NamespaceHtml);
        if (noscript != null) {
            noscript.set(Tag.Data);
        }
        return Parser.htmlParser().tagSet(tags).setTrackErrors(trackErrors ? 1 : 0);
    }

    private static List<VNode> convertChildren(List<Node> nodes) {
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
            attrs[i++] = a.getValue();
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
                list.set(last, new VText(t.text() + s));
            } else {
                list.add(new VText(s));
            }
        }

        void element(VElement e) {
            list.add(e);
        }
    }

    static String normalizeNewlines(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
