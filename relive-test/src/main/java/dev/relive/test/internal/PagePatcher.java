package dev.relive.test.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies the protocol's patch operations to the view root of a jsoup document, as the browser client does to its
 * DOM: paths index {@code childNodes} from the root, each patch resolved against the result of the ones before.
 */
public final class PagePatcher {

    private PagePatcher() {
    }

    /** Applies {@code patches} in order; throws {@link IllegalStateException} when a path does not resolve. */
    public static void apply(Element root, JsonNode patches) {
        for (JsonNode patch : patches) {
            applyOne(root, patch);
        }
    }

    /** Replaces the children of {@code root} by the nodes {@code html} parses to in its context. */
    public static void morph(Element root, String html) {
        root.empty();
        for (Node n : Parser.parseFragment(html, root, root.baseUri())) {
            root.appendChild(n);
        }
    }

    private static void applyOne(Element root, JsonNode patch) {
        Node target = resolve(root, patch.path("path"));
        switch (patch.path("op").asText()) {
            case "text" -> setText(target, patch.path("text").asText());
            case "attr" -> setAttribute((Element) target, patch.path("name").asText(), patch.path("value").asText());
            case "rmattr" -> ((Element) target).attributes().removeIgnoreCase(patch.path("name").asText());
            case "insert" -> insert((Element) target, patch.path("index").asInt(), patch.path("html").asText());
            case "remove" -> target.remove();
            case "replace" -> target.replaceWith(parseOne(parentElement(target), patch.path("html").asText()));
            case "move" -> move((Element) target, patch.path("from").asInt(), patch.path("to").asInt());
            case "reparent" -> reparent((Element) target, patch.path("index").asInt(),
                    resolve(root, patch.path("from")));
            case "stream" -> stream((Element) target, patch.path("changes"));
            default -> throw new IllegalStateException("unknown patch op " + patch);
        }
    }

    /** Text of a text node, or of the data node jsoup makes of a script's or style's content. */
    private static void setText(Node target, String text) {
        if (target instanceof DataNode data) {
            data.setWholeData(text);
        } else {
            ((TextNode) target).text(text);
        }
    }

    /** Sets the attribute under the name the server sent: SVG names such as {@code viewBox} keep their case. */
    private static void setAttribute(Element element, String name, String value) {
        Attributes attributes = element.attributes();
        if (!attributes.hasKey(name)) {
            attributes.removeIgnoreCase(name);
        }
        attributes.put(name, value);
    }

    private static Node resolve(Element root, JsonNode path) {
        Node node = root;
        for (JsonNode index : path) {
            int i = index.asInt();
            if (i < 0 || i >= node.childNodeSize()) {
                throw new IllegalStateException("no node at path " + path);
            }
            node = node.childNode(i);
        }
        return node;
    }

    private static void insert(Element parent, int index, String html) {
        Node node = parseOne(parent, html);
        if (index >= parent.childNodeSize()) {
            parent.appendChild(node);
        } else {
            parent.insertChildren(index, List.of(node));
        }
    }

    private static void move(Element parent, int from, int to) {
        Node node = parent.childNode(from);
        node.remove();
        if (to >= parent.childNodeSize()) {
            parent.appendChild(node);
        } else {
            parent.insertChildren(to, List.of(node));
        }
    }

    /** Both paths were resolved before the node is taken out; {@code index} counts the children without it. */
    private static void reparent(Element parent, int index, Node node) {
        node.remove();
        if (index >= parent.childNodeSize()) {
            parent.appendChild(node);
        } else {
            parent.insertChildren(index, List.of(node));
        }
    }

    /**
     * The changes of a stream container's items, in order, matched by {@code rl-key} (docs/protocol.md): the items
     * a reset removes stay at hand until the patch ends, for the changes that name them by key.
     */
    private static void stream(Element container, JsonNode changes) {
        if (!container.hasAttr("rl-stream")) {
            throw new IllegalStateException("not a stream container: " + container.tagName());
        }
        Map<String, Element> removed = new HashMap<>();
        for (JsonNode change : changes) {
            if (change.path("reset").asBoolean(false)) {
                for (Element item : container.children()) {
                    if (item.hasAttr("rl-key")) {
                        removed.put(item.attr("rl-key"), item);
                    }
                }
                container.empty();
            } else if (change.has("delete")) {
                String key = change.path("delete").asText();
                removed.remove(key);
                Element item = itemWithKey(container, key);
                if (item != null) {
                    item.remove();
                }
            } else if (change.has("keys")) {
                int at = change.path("at").asInt(-1);
                int i = 0;
                for (JsonNode k : change.path("keys")) {
                    String key = k.asText();
                    if (itemWithKey(container, key) == null) {
                        Element item = removed.remove(key);
                        if (item == null) {
                            throw new IllegalStateException("stream patch names a key the page does not have: " + key);
                        }
                        place(container, item, at < 0 ? -1 : at + i);
                    }
                    i++;
                }
            } else {
                Node node = parseOne(container, change.path("html").asText());
                Element old = node instanceof Element e ? itemWithKey(container, e.attr("rl-key")) : null;
                if (node instanceof Element e) {
                    removed.remove(e.attr("rl-key"));
                }
                if (old != null) {
                    old.replaceWith(node);
                } else {
                    place(container, node, change.path("at").asInt(-1));
                }
            }
        }
    }

    private static void place(Element container, Node node, int at) {
        if (at < 0 || at >= container.childrenSize()) {
            container.appendChild(node);
        } else {
            container.child(at).before(node);
        }
    }

    private static Element itemWithKey(Element container, String key) {
        for (Element child : container.children()) {
            if (child.hasAttr("rl-key") && child.attr("rl-key").equals(key)) {
                return child;
            }
        }
        return null;
    }

    private static Element parentElement(Node node) {
        return node.parent() instanceof Element e ? e : new Element("div");
    }

    private static Node parseOne(Element context, String html) {
        List<Node> nodes = Parser.parseFragment(html, context, context.baseUri());
        if (nodes.size() != 1) {
            throw new IllegalStateException("patch html is not one node: " + html);
        }
        return nodes.get(0);
    }
}
