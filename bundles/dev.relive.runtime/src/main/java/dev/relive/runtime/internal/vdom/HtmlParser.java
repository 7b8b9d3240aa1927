package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

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

    private HtmlParser() {
    }

    /** Parses the inner HTML of a view root into a {@code <div>} root element holding the parsed children. */
    public static VElement parse(String innerHtml) {
        return VElement.adopt(ROOT_TAG, Namespace.HTML, new LinkedHashMap<>(),
                parseChildren(innerHtml, ROOT_TAG, Namespace.HTML));
    }

    /**
     * Parses {@code html} as the children of an element {@code <contextTag>} of namespace {@code ns}.
     * Tags whose content the tokenizer reads as text ({@code script}, {@code textarea}, ...) are not used as
     * context: the HTML is parsed as in a {@code <template>}, as the client does.
     */
    public static List<VNode> parseChildren(String html, String contextTag, Namespace ns) {
        VElement context = VElement.adopt(contextTag, ns, new LinkedHashMap<>(), List.of());
        if (HtmlElements.hasTextOnlyContent(context) || HtmlElements.isOpaque(context)) {
            contextTag = "template";
            ns = Namespace.HTML;
        }
        String input = normalizeNewlines(html);
        ParseErrorList errors = ParseErrorList.tracking(1);
        List<VNode> nodes = parseOnce(input, contextTag, ns, errors);
        if (errors.isEmpty()) {
            return nodes;
        }
        for (int round = 0; round < MAX_CANONICALIZE_ROUNDS; round++) {
            List<VNode> again = parseOnce(HtmlWriter.write(nodes), contextTag, ns, ParseErrorList.noTracking());
            if (again.equals(nodes)) {
                break;
            }
            nodes = again;
        }
        return nodes;
    }

    /** Parses {@code html} in the context of {@code parent} as the one node it must be; throws otherwise. */
    public static VNode parseNode(String html, VElement parent) {
        List<VNode> nodes = parseChildren(html, parent.tag(), parent.namespace());
        if (nodes.size() != 1) {
            throw new IllegalArgumentException("html parses to " + nodes.size() + " nodes, not 1, in <"
                    + parent.tag() + ">: " + html);
        }
        return nodes.get(0);
    }

    private static List<VNode> parseOnce(String html, String contextTag, Namespace ns, ParseErrorList errors) {
        Element context = new Element(Tag.valueOf(contextTag, ns.uri(), ParseSettings.htmlDefault), "");
        List<Node> nodes = Parser.parseFragment(html, context, "", errors);
        return convertChildren(nodes);
    }

    private static List<VNode> convertChildren(List<Node> nodes) {
        List<VNode> out = new ArrayList<>(nodes.size());
        StringBuilder pendingText = null;
        String singleText = null;
        for (Node n : nodes) {
            String text;
            if (n instanceof TextNode t) {
                text = t.getWholeText();
            } else if (n instanceof DataNode d) {
                text = d.getWholeData();
            } else if (n instanceof Element e) {
                if (singleText != null || pendingText != null) {
                    flushText(out, singleText, pendingText);
                    singleText = null;
                    pendingText = null;
                }
                out.add(convert(e));
                continue;
            } else {
                continue; // comments, doctypes, XML declarations: not part of the tree
            }
            if (text.isEmpty()) {
                continue;
            }
            if (singleText == null && pendingText == null) {
                singleText = text;
            } else {
                if (pendingText == null) {
                    pendingText = new StringBuilder(singleText);
                    singleText = null;
                }
                pendingText.append(text);
            }
        }
        if (singleText != null || pendingText != null) {
            flushText(out, singleText, pendingText);
        }
        return out;
    }

    private static void flushText(List<VNode> out, String single, StringBuilder pending) {
        out.add(new VText(single != null ? single : pending.toString()));
    }

    private static VElement convert(Element e) {
        LinkedHashMap<String, String> attrs = new LinkedHashMap<>();
        if (e.attributesSize() > 0) {
            for (Attribute a : e.attributes()) {
                attrs.putIfAbsent(a.getKey(), a.getValue());
            }
        }
        List<VNode> children = e.childNodeSize() == 0 ? List.of() : convertChildren(e.childNodes());
        return VElement.adopt(e.normalName(), Namespace.ofUri(e.tag().namespace()), attrs,
                children.isEmpty() ? List.of() : children);
    }

    static String normalizeNewlines(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
