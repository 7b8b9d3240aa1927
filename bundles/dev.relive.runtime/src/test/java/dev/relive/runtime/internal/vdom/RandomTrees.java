package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random view trees for property tests, and random mutations of them. Trees are canonicalized through the
 * writer and the parser, so they are trees the parser can produce.
 */
final class RandomTrees {

    private static final String[] TEXTS = {"a", "b", "hello", " ", "\n  ", "x & y", "1 < 2", "\u00a0", "\"q\"",
            "tab\there", "", "42", "é", "<b>", "a\nb"};
    private static final String[] ATTRS = {"class", "id", "title", "data-x", "value", "checked", "hidden",
            "style", "href"};
    private static final String[] VALUES = {"", "a", "b", "x y", "a&b", "\"", "<>", "1", "'"};
    private static final String[] FLOW = {"div", "section", "span", "b", "i", "p", "button", "label"};

    private final Random rnd;
    private int nextKey;

    RandomTrees(long seed) {
        this.rnd = new Random(seed);
    }

    static VElement canonical(VElement tree) {
        return HtmlParser.parse(HtmlWriter.writeInner(tree));
    }

    /** A random view root with about {@code size} nodes. */
    VElement tree(int size) {
        return canonical(VElement.of("div", Map.of(), flowChildren(size, 0).toArray(VNode[]::new)));
    }

    private List<VNode> flowChildren(int budget, int depth) {
        List<VNode> out = new ArrayList<>();
        while (budget > 0) {
            int used = 1 + rnd.nextInt(Math.max(1, Math.min(budget, 12)));
            out.add(flowNode(used, depth));
            budget -= used;
        }
        return out;
    }

    private VNode flowNode(int budget, int depth) {
        int pick = rnd.nextInt(10);
        if (budget <= 1 || depth > 5 || pick < 3) {
            return pick < 2 && budget <= 1 ? voidElement() : text();
        }
        if (pick == 3) {
            return list(budget, depth);
        }
        if (pick == 4) {
            return table(budget, depth);
        }
        if (pick == 5 && rnd.nextInt(3) == 0) {
            return select(budget);
        }
        String tag = FLOW[rnd.nextInt(FLOW.length)];
        return element(tag, attributes(), flowChildren(budget - 1, depth + 1));
    }

    private VNode voidElement() {
        return switch (rnd.nextInt(3)) {
            case 0 -> element("br", Map.of(), List.of());
            case 1 -> element("input", attributes(), List.of());
            default -> element("img", attributes(), List.of());
        };
    }

    private VElement list(int budget, int depth) {
        List<VNode> items = new ArrayList<>();
        boolean whitespace = rnd.nextBoolean();
        boolean keyed = rnd.nextInt(4) != 0;
        for (int used = 1; used < budget; ) {
            if (whitespace) {
                items.add(VText.of("\n  "));
            }
            int size = 1 + rnd.nextInt(4);
            items.add(item("li", keyed, flowChildren(size, depth + 2)));
            used += size + 1;
        }
        return element(rnd.nextBoolean() ? "ul" : "ol", attributes(), items);
    }

    private VElement table(int budget, int depth) {
        List<VNode> rows = new ArrayList<>();
        boolean keyed = rnd.nextInt(4) != 0;
        for (int used = 2; used < budget; ) {
            List<VNode> cells = new ArrayList<>();
            int n = 1 + rnd.nextInt(3);
            for (int c = 0; c < n; c++) {
                cells.add(element("td", Map.of(), List.of(text())));
            }
            rows.add(item("tr", keyed, cells));
            used += 1 + 2 * n;
        }
        return element("table", attributes(), List.of(element("tbody", Map.of(), rows)));
    }

    private VElement select(int budget) {
        List<VNode> options = new ArrayList<>();
        for (int i = 0; i < Math.max(1, budget / 2); i++) {
            options.add(item("option", rnd.nextBoolean(), List.of(VText.of("o" + i))));
        }
        return element("select", attributes(), options);
    }

    private VElement item(String tag, boolean keyed, List<VNode> children) {
        Map<String, String> attrs = attributes();
        if (keyed) {
            attrs.put(VElement.KEY_ATTRIBUTE, freshKey());
        }
        return element(tag, attrs, children);
    }

    String freshKey() {
        return "k" + nextKey++;
    }

    private VText text() {
        String s = TEXTS[rnd.nextInt(TEXTS.length)];
        return VText.of(s.isEmpty() ? "t" + rnd.nextInt(100) : s);
    }

    private Map<String, String> attributes() {
        Map<String, String> attrs = new LinkedHashMap<>();
        int n = rnd.nextInt(4) == 0 ? rnd.nextInt(3) + 1 : 0;
        for (int i = 0; i < n; i++) {
            attrs.put(ATTRS[rnd.nextInt(ATTRS.length)], VALUES[rnd.nextInt(VALUES.length)]);
        }
        return attrs;
    }

    private static VElement element(String tag, Map<String, String> attrs, List<VNode> children) {
        return new VElement(tag, Namespace.HTML, attrs, children);
    }

    /** {@code tree} with random changes at random places: keys of kept children stay. */
    VElement mutate(VElement tree, int intensity) {
        return canonical((VElement) mutateNode(tree, intensity, 0));
    }

    private VNode mutateNode(VNode node, int intensity, int depth) {
        if (node instanceof VText t) {
            return rnd.nextInt(10) < 2 ? text() : t;
        }
        VElement e = (VElement) node;
        if (depth > 0 && rnd.nextInt(40) == 0) {
            return flowNode(1 + rnd.nextInt(4), depth); // replaced by something else
        }
        Map<String, String> attrs = new LinkedHashMap<>(e.attributes());
        if (rnd.nextInt(6) == 0) {
            attrs.put(ATTRS[rnd.nextInt(ATTRS.length)], VALUES[rnd.nextInt(VALUES.length)]);
        }
        if (rnd.nextInt(6) == 0 && !attrs.isEmpty()) {
            List<String> names = new ArrayList<>(attrs.keySet());
            names.remove(VElement.KEY_ATTRIBUTE);
            if (!names.isEmpty()) {
                attrs.remove(names.get(rnd.nextInt(names.size())));
            }
        }
        List<VNode> children = new ArrayList<>(e.children());
        if (!children.isEmpty() && rnd.nextInt(4) < intensity) {
            reorder(children);
        }
        if (rnd.nextInt(5) < intensity) {
            int removals = rnd.nextInt(3);
            for (int i = 0; i < removals && !children.isEmpty(); i++) {
                children.remove(rnd.nextInt(children.size()));
            }
        }
        if (rnd.nextInt(5) < intensity) {
            int inserts = 1 + rnd.nextInt(3);
            for (int i = 0; i < inserts; i++) {
                children.add(rnd.nextInt(children.size() + 1), newSibling(e, children));
            }
        }
        for (int i = 0; i < children.size(); i++) {
            if (rnd.nextInt(3) == 0) {
                children.set(i, mutateNode(children.get(i), intensity, depth + 1));
            }
        }
        return new VElement(e.tag(), e.namespace(), attrs, children);
    }

    private void reorder(List<VNode> children) {
        int n = children.size();
        switch (rnd.nextInt(5)) {
            case 0 -> Collections.shuffle(children, rnd);
            case 1 -> Collections.reverse(children);
            case 2 -> children.add(rnd.nextInt(n), children.remove(rnd.nextInt(n)));
            case 3 -> Collections.rotate(children, rnd.nextInt(n + 1));
            default -> Collections.swap(children, rnd.nextInt(n), rnd.nextInt(n));
        }
    }

    /** A new child fitting the parent: rows in tbody, items in lists, anything elsewhere. */
    private VNode newSibling(VElement parent, List<VNode> siblings) {
        String keyFrom = null;
        if (rnd.nextInt(8) == 0 && !siblings.isEmpty()) {
            keyFrom = ChildMatcher.keyOf(siblings.get(rnd.nextInt(siblings.size()))); // a duplicate key
        }
        Map<String, String> attrs = attributes();
        attrs.put(VElement.KEY_ATTRIBUTE, keyFrom != null ? keyFrom : freshKey());
        if (rnd.nextInt(5) == 0) {
            attrs.remove(VElement.KEY_ATTRIBUTE);
        }
        return switch (parent.tag()) {
            case "tbody" -> element("tr", attrs, List.of(element("td", Map.of(), List.of(text()))));
            case "ul", "ol" -> rnd.nextInt(4) == 0 ? VText.of(" ") : element("li", attrs, List.of(text()));
            case "select" -> element("option", attrs, List.of(text()));
            case "tr" -> element("td", Map.of(), List.of(text()));
            case "table" -> VText.of(" ");
            default -> rnd.nextInt(3) == 0 ? text() : element(FLOW[rnd.nextInt(FLOW.length)], attrs,
                    flowChildren(rnd.nextInt(4), 3));
        };
    }
}
