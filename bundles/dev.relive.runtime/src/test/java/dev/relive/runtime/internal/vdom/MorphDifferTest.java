package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Template edits that wrap, unwrap, move and reorder elements around inputs keep every element with an id. */
class MorphDifferTest {

    @Property(tries = 1000)
    void editsAroundElementsWithIdsNeverRecreateThem(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int edits) {
        Random rnd = new Random(seed);
        Node page = page(rnd);
        VElement a = HtmlParser.parse(page.html());
        for (int i = 0; i < edits; i++) {
            edit(page, rnd);
        }
        VElement b = HtmlParser.parse(page.html());
        List<Patch> patches = Differ.diff(a, b);
        assertThat(PatchApplier.apply(patches, a)).isEqualTo(b);
        assertThat(PatchJson.fromJson(PatchJson.toJson(patches))).isEqualTo(patches);
        Set<String> kept = new HashSet<>();
        collectIds(a, kept);
        assertThat(createdIds(patches)).as("ids in inserted html: %s", patches).noneMatch(kept::contains);
    }

    @Test
    void aShellNeverPutsTwoTextsSideBySide() {
        VElement a = HtmlParser.parse("<div class=\"c\">\n  <section id=\"s\"></section>\n  </div>");
        VElement b = HtmlParser.parse("<div class=\"w\"><div class=\"c\">\n  <section id=\"s\"></section>\n  </div></div>");
        assertThat(PatchApplier.apply(Differ.diff(a, b), a)).isEqualTo(b);
    }

    @Test
    void aRepeatedIdIsNotKeptSoThePositionalPatchesStay() {
        VElement a = HtmlParser.parse("<form><input id=\"x\"><input id=\"x\"></form>");
        VElement b = HtmlParser.parse("<p>new</p><form><input id=\"x\"><input id=\"x\"></form>");
        List<Patch> patches = Differ.diff(a, b);
        assertThat(patches).isEqualTo(Differ.byPosition(a, b).patches);
        assertThat(PatchApplier.apply(patches, a)).isEqualTo(b);
    }

    @Test
    void swappingTheIdsOfTwoInputsMovesTheNodesInsteadOfRenamingThem() {
        VElement a = HtmlParser.parse("<input id=\"a\" name=\"a\"><input id=\"b\" name=\"b\">");
        VElement b = HtmlParser.parse("<input id=\"b\" name=\"b\"><input id=\"a\" name=\"a\">");
        List<Patch> patches = Differ.diff(a, b);
        assertThat(patches).containsExactly(new Patch.Move(List.of(), 1, 0));
    }

    @Test
    void anElementMovedIntoALaterSiblingIsReparented() {
        VElement a = HtmlParser.parse("<div class=\"a\"><input id=\"q\"></div><div class=\"b\"><p>x</p></div>");
        VElement b = HtmlParser.parse("<div class=\"a\"></div><div class=\"b\"><p>x</p><input id=\"q\"></div>");
        List<Patch> patches = Differ.diff(a, b);
        assertThat(PatchApplier.apply(patches, a)).isEqualTo(b);
        assertThat(patches).containsExactly(new Patch.Reparent(List.of(1), 1, List.of(0, 0)));
    }

    private static Set<String> createdIds(List<Patch> patches) {
        Set<String> ids = new HashSet<>();
        for (Patch p : patches) {
            String html = p instanceof Patch.Insert i ? i.html() : p instanceof Patch.Replace r ? r.html() : null;
            if (html != null) {
                collectIds(HtmlParser.parse(html), ids);
            }
        }
        return ids;
    }

    private static void collectIds(VElement e, Set<String> into) {
        String id = e.attribute("id");
        if (id != null) {
            into.add(id);
        }
        for (VNode c : e.children()) {
            if (c instanceof VElement ce) {
                collectIds(ce, into);
            }
        }
    }

    /** A mutable page: an element with attributes and children, or a text. */
    private static final class Node {
        final String tag;
        final String text;
        final Map<String, String> attrs = new LinkedHashMap<>();
        final List<Node> kids = new ArrayList<>();
        Node parent;

        Node(String tag, String text) {
            this.tag = tag;
            this.text = text;
        }

        static Node element(String tag, String... attrs) {
            Node n = new Node(tag, null);
            for (int i = 0; i < attrs.length; i += 2) {
                n.attrs.put(attrs[i], attrs[i + 1]);
            }
            return n;
        }

        Node add(int index, Node child) {
            child.parent = this;
            kids.add(index, child);
            return this;
        }

        Node add(Node child) {
            return add(kids.size(), child);
        }

        boolean isContainer() {
            return tag != null && (tag.equals("div") || tag.equals("section"));
        }

        boolean contains(Node other) {
            for (Node n = other; n != null; n = n.parent) {
                if (n == this) {
                    return true;
                }
            }
            return false;
        }

        String html() {
            StringBuilder sb = new StringBuilder();
            for (Node k : kids) {
                k.write(sb);
            }
            return sb.toString();
        }

        private void write(StringBuilder sb) {
            if (text != null) {
                sb.append(text);
                return;
            }
            sb.append('<').append(tag);
            attrs.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(v).append('"'));
            sb.append('>');
            if (!tag.equals("input")) {
                for (Node k : kids) {
                    k.write(sb);
                }
                sb.append("</").append(tag).append('>');
            }
        }
    }

    private static int ids;

    private static Node page(Random rnd) {
        ids = 0;
        Node root = Node.element("div");
        for (int i = rnd.nextInt(4); i >= 0; i--) {
            root.add(block(rnd, 0));
        }
        return root;
    }

    private static Node block(Random rnd, int depth) {
        switch (depth > 2 ? rnd.nextInt(3) : rnd.nextInt(5)) {
            case 0:
                ids++;
                return Node.element("div", "class", "field").add(Node.element("label").add(new Node(null, "F" + ids)))
                        .add(Node.element("input", "id", "f" + ids, "name", "f" + ids));
            case 1:
                return Node.element("p").add(new Node(null, "text " + rnd.nextInt(3)));
            case 2:
                return new Node(null, "\n  ");
            default:
                Node c = rnd.nextBoolean() ? Node.element("div", "class", "c" + rnd.nextInt(3))
                        : Node.element("section", "id", "s" + ++ids);
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    c.add(block(rnd, depth + 1));
                }
                return c;
        }
    }

    private static List<Node> all(Node n, List<Node> out) {
        for (Node k : n.kids) {
            out.add(k);
            all(k, out);
        }
        return out;
    }

    private static void edit(Node root, Random rnd) {
        List<Node> nodes = all(root, new ArrayList<>());
        nodes.removeIf(n -> n.parent.tag.equals("label") || n.parent.tag.equals("p"));
        List<Node> containers = new ArrayList<>(List.of(root));
        nodes.stream().filter(Node::isContainer).forEach(containers::add);
        if (nodes.isEmpty()) {
            root.add(Node.element("p").add(new Node(null, "new")));
            return;
        }
        Node x = nodes.get(rnd.nextInt(nodes.size()));
        Node parent = x.parent;
        int at = parent.kids.indexOf(x);
        switch (rnd.nextInt(5)) {
            case 0 -> { // wrap
                parent.kids.remove(at);
                parent.add(at, Node.element("div", "class", "wrap").add(x));
            }
            case 1 -> { // unwrap
                if (x.isContainer()) {
                    parent.kids.remove(at);
                    for (Node k : new ArrayList<>(x.kids)) {
                        parent.add(at++, k);
                    }
                }
            }
            case 2 -> { // move into another container
                List<Node> targets = containers.stream().filter(c -> !x.contains(c)).toList();
                Node target = targets.get(rnd.nextInt(targets.size()));
                parent.kids.remove(at);
                target.add(rnd.nextInt(target.kids.size() + 1), x);
            }
            case 3 -> parent.add(at, Node.element("p", "class", "notice").add(new Node(null, "new")));
            default -> Collections.shuffle(parent.kids, rnd);
        }
    }
}
