package dev.relive.runtime.internal.vdom;

import java.util.Set;

/**
 * Makes the text and attribute values of a tree that {@link HtmlParser#parseUnshared} made one instance with equal
 * values of other trees, as {@link HtmlParser#parse} would have ({@link SharedStrings}; class names and the
 * like interned). Only for a tree its caller
 * made and has not handed out: attribute values are replaced in the element's own array, and text nodes in their
 * parent's, each by an equal value, so the tree stays equal to what it was (and its hash codes valid).
 */
final class SharedTrees {

    private SharedTrees() {
    }

    /** {@code node} with its strings shared, the whole subtree: the node itself, or for a text an equal new one. */
    static VNode share(VNode node) {
        return share(node, Set.of());
    }

    /** {@link #share(VNode)}, leaving the nodes of {@code keep} (and what is under them) as they are. */
    static VNode share(VNode node, Set<VNode> keep) {
        if (keep.contains(node)) {
            return node;
        }
        if (node instanceof VText t) {
            return shared(t);
        }
        VElement e = (VElement) node;
        shareAttributes(e);
        VNode[] kids = e.childArray();
        for (int i = 0; i < kids.length; i++) {
            kids[i] = share(kids[i], keep);
        }
        return e;
    }

    /** {@code e}'s attribute values shared; its children left as they are. */
    static void shareAttributes(VElement e) {
        String[] attrs = e.attributeArray();
        for (int i = 0; i < attrs.length; i += 2) {
            String name = attrs[i];
            boolean repeats = Names.of(name, 0, name.length()).is(HtmlRules.SHARED_VALUE);
            attrs[i + 1] = repeats ? HtmlRules.intern(attrs[i + 1]) : SharedStrings.share(attrs[i + 1]);
        }
    }

    /** A text node equal to {@code t} with its string shared. */
    static VText shared(VText t) {
        String s = SharedStrings.share(t.text());
        return s == t.text() ? t : new VText(s);
    }
}
