package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
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
 * are normalized to line feeds as browsers do. Where jsoup parses differently from browsers, the tree
 * follows the browsers: a {@code <noscript>} holds its content as one raw text node (browsers parse with
 * scripting on), an SVG {@code <script>} holds markup.
 *
 * <p>Markup with parse errors can yield trees that do not survive serialization (nested {@code <form>}s,
 * for instance). When jsoup reports an error, the tree is re-parsed from its own serialization until it is
 * stable, so that every tree returned here satisfies {@code parse(HtmlWriter.writeInner(t)).equals(t)}.
 *
 * <p>Template output that is well-formed (see {@link WellFormedParser}) is parsed without jsoup, to the same tree.
 */
public final class HtmlParser {

    /** A view's root element. */
    public static final String ROOT_TAG = "div";

    private static final int MAX_CANONICALIZE_ROUNDS = 4;
    private static final String[] NO_ATTRIBUTES = new String[0];
    private static final VNode[] NO_CHILDREN = new VNode[0];

    private HtmlParser() {
    }

    /** Parses the inner HTML of a view root into a {@code <div>} root element holding the parsed children. */
    public static VElement parse(String innerHtml) {
        return parse(innerHtml, true);
    }

    /**
     * {@link #parse}, leaving text and attribute values of well-formed markup unshared with other trees: for a tree
     * that {@link Differ#diffSharing} is to give the old tree's equal nodes, which shares the rest.
     */
    public static VElement parseUnshared(String innerHtml) {
        return parse(innerHtml, false);
    }

    /**
     * {@link #parse} ({@code share}) or {@link #parseUnshared}, for a session that parses its page again and again:
     * each keyed element ({@code rl-key}) keeps where it came from, and a keyed element of {@code last} (the session's
     * tree from the last such parse, or null) whose markup is found again unchanged, in the same context, is taken as
     * it is instead of being parsed, so a page whose keyed rows did not change costs a fingerprint of their markup
     * rather than a parse. The tree is equal to what {@link #parse} makes of {@code innerHtml}.
     */
    public static Reparsed parseReusing(String innerHtml, VElement last, boolean share) {
        LastKeyed reusable = last == null ? null : new LastKeyed(last);
        List<VElement> taken = new ArrayList<>();
        VNode[] children = WellFormedParser.parseChildren(normalizeNewlines(innerHtml), share, true, reusable, taken);
        if (children == null) {
            return new Reparsed(parseWithJsoup(innerHtml), Set.of());
        }
        Set<VNode> takenSet = Set.of();
        if (!taken.isEmpty()) {
            takenSet = Collections.newSetFromMap(new IdentityHashMap<>(taken.size() * 2));
            takenSet.addAll(taken);
        }
        return new Reparsed(VElement.adopt(ROOT_TAG, Namespace.HTML, NO_ATTRIBUTES, children), takenSet);
    }

    /**
     * A tree {@link #parseReusing} made, and the elements of the last tree it took as they are (by identity): a
     * {@link Differ#diffSharing(VElement, Reparsed)} of it leaves them untouched.
     */
    public record Reparsed(VElement root, Set<VNode> taken) {
    }

    private static VElement parse(String innerHtml, boolean share) {
        VNode[] children = WellFormedParser.parseChildren(normalizeNewlines(innerHtml), share);
        if (children != null) {
            return VElement.adopt(ROOT_TAG, Namespace.HTML, NO_ATTRIBUTES, children);
        }
        return parseWithJsoup(innerHtml);
    }

    /** {@link #parse}, always with jsoup's tree builder. */
    static VElement parseWithJsoup(String innerHtml) {
        Element context = new Element(Tag.valueOf(ROOT_TAG, Parser.NamespaceHtml, ParseSettings.htmlDefault), "");
        return VElement.adopt(ROOT_TAG, Namespace.HTML, NO_ATTRIBUTES,
                parseFragment(innerHtml, context).toArray(NO_CHILDREN));
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
        List<VNode> nodes = JsoupConversion.children(parser.parseFragmentInput(input, context, ""));
        if (parser.getErrors().isEmpty()) {
            return nodes;
        }
        for (int round = 0; round < MAX_CANONICALIZE_ROUNDS; round++) {
            List<VNode> again = JsoupConversion.children(
                    newParser(false).parseFragmentInput(HtmlWriter.write(nodes), context, ""));
            if (again.equals(nodes)) {
                break;
            }
            nodes = again;
        }
        return nodes;
    }

    /**
     * A parser for one parse (jsoup parsers are not thread-safe). Its tag set makes an SVG {@code <script>}'s
     * content markup like any other foreign element's, as the HTML standard has it (jsoup reads it as raw
     * text). {@link TagSet#get} copies the shared tag into this set, so the change stays local.
     */
    private static Parser newParser(boolean trackErrors) {
        TagSet tags = TagSet.Html();
        Tag svgScript = tags.get("script", Parser.NamespaceSvg);
        if (svgScript != null) {
            svgScript.clear(Tag.Data);
        }
        return Parser.htmlParser().tagSet(tags).setTrackErrors(trackErrors ? 1 : 0);
    }

    static String normalizeNewlines(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
