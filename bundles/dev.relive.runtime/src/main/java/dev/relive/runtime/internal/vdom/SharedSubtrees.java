package dev.relive.runtime.internal.vdom;

import java.util.Arrays;
import java.util.Set;

/**
 * Makes equal small subtrees of different trees one object: the sessions of a view keep the same static markup (a
 * layout's navigation, a form's labels, a page's buttons) and would each keep their own elements of it. A lossy table
 * of fixed size, indexed by hash, like {@link SharedStrings}: an element replaces the one in its slot when they
 * differ, so what pages vary takes slots for a while but never grows it. Only subtrees of up to {@value #MAX_NODES}
 * nodes are kept, which bounds what the table can pin ({@value #SLOTS} of them); a larger element is not shared,
 * its small parts are. Give it what sessions keep, not what they only send (stream items): the table would pin
 * them.
 *
 * <p>An element is only ever replaced by one exactly equal to it (attributes in the same order), so nothing one
 * session renders is shown to another. Only trees nobody changes any more may be given: a session's tree once
 * diffed ({@link Differ#diffSharing} writes only into the new tree, never into the nodes it adopts), or a new tree
 * after its last change. Safe without locks: a slot holds an element that no one changes, and a lost write only
 * costs a copy that is not shared.
 */
public final class SharedSubtrees {

    static final int MAX_NODES = 32;
    static final int SLOTS = 4096;
    private static final VElement[] TABLE = new VElement[SLOTS];

    private SharedSubtrees() {
    }

    /**
     * {@code root} with its small subtrees replaced, bottom-up and in place, by equal ones other trees hold; the root
     * itself stays (a view's root is never shared).
     */
    public static VElement shareWithin(VElement root) {
        shareChildren(root);
        return root;
    }

    /** {@code node} with its small subtrees shared, itself included: the node or an equal one another tree holds. */
    static VNode share(VNode node) {
        return share(node, Set.of());
    }

    /** {@link #share(VNode)}, leaving the nodes of {@code keep} (and what is under them) as they are. */
    static VNode share(VNode node, Set<VNode> keep) {
        if (!(node instanceof VElement e) || keep.contains(node)) {
            return node;
        }
        return shareChildren(e, keep) <= MAX_NODES ? intern(e) : e;
    }

    /** {@code e}, whose children are shared already, or an equal element another tree holds when it is small. */
    static VElement shareTop(VElement e) {
        return size(e, MAX_NODES + 1) <= MAX_NODES ? intern(e) : e;
    }

    /** Shares the small subtrees under {@code e}; returns the size of {@code e}'s subtree, capped past the limit. */
    private static int shareChildren(VElement e) {
        return shareChildren(e, Set.of());
    }

    /** {@link #shareChildren(VElement)}, not looking into the nodes of {@code keep}. */
    private static int shareChildren(VElement e, Set<VNode> keep) {
        VNode[] kids = e.childArray();
        int size = 1;
        for (int i = 0; i < kids.length; i++) {
            if (kids[i] instanceof VElement c) {
                int n = keep.contains(c) ? size(c, MAX_NODES + 1) : shareChildren(c, keep);
                if (n <= MAX_NODES) {
                    kids[i] = intern(c);
                }
                size += n;
            } else {
                size++;
            }
        }
        return Math.min(size, MAX_NODES + 1);
    }

    private static int size(VElement e, int cap) {
        int size = 1;
        for (VNode kid : e.childArray()) {
            size += kid instanceof VElement c ? size(c, cap - size) : 1;
            if (size >= cap) {
                return cap;
            }
        }
        return size;
    }

    private static VElement intern(VElement e) {
        int h = e.hashCode();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        VElement known = TABLE[slot];
        if (known == e) {
            return e;
        }
        if (known != null && exactly(known, e)) {
            return known;
        }
        TABLE[slot] = e;
        return e;
    }

    /** Equal, with attributes in the same order (which {@link VElement#equals} does not ask). */
    private static boolean exactly(VNode a, VNode b) {
        if (a == b) {
            return true;
        }
        if (a instanceof VText ta) {
            return b instanceof VText tb && ta.text().equals(tb.text());
        }
        if (!(b instanceof VElement eb)) {
            return false;
        }
        VElement ea = (VElement) a;
        if (ea.hashCode() != eb.hashCode() || !ea.tag().equals(eb.tag()) || ea.namespace() != eb.namespace()
                || !Arrays.equals(ea.attributeArray(), eb.attributeArray())) {
            return false;
        }
        VNode[] ka = ea.childArray();
        VNode[] kb = eb.childArray();
        if (ka.length != kb.length) {
            return false;
        }
        for (int i = 0; i < ka.length; i++) {
            if (!exactly(ka[i], kb[i])) {
                return false;
            }
        }
        return true;
    }
}
