package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Computes the patches that turn the client's DOM for one tree into the DOM for another, in the order and
 * shape of docs/protocol.md: for each element its attribute patches, then the structural patches of its
 * children (removals from the highest index down, then moves and inserts in increasing target index), then
 * the patches inside each child by the child's final index.
 *
 * <p>Children are paired in place over the longest common prefix and suffix of the same keys (or no key);
 * in between, {@link ChildMatcher} pairs keyed children ({@code rl-key}) by key and the others by their
 * order. Of the paired children only those off a longest increasing subsequence (of their old order taken
 * in new order) move, so a reorder of {@code n} keyed children costs {@code n - LIS} moves. A node is
 * replaced when its tag, namespace or kind differs, when it is a {@code <template>} whose content changed
 * (browsers keep that content out of {@code childNodes}), or when an attribute to patch has a name
 * {@code setAttribute} could refuse.
 *
 * <p>When that would re-create an element whose {@code id} is on both pages (it moved into a new parent, out of
 * one, or past a sibling paired with it by position), {@link MorphDiffer} computes the patches instead, so that
 * the element's DOM node stays.
 *
 * <p>Stateless and thread-safe.
 */
public final class Differ {

    /** What was emitted, in order. */
    final List<Patch> patches;
    private final IdChanges ids = new IdChanges();
    /**
     * The new tree takes the old tree's nodes where they are equal, and shares its other strings; off while inside a
     * node of {@link #taken}.
     */
    private boolean adopt;
    /** Nodes of the new tree that its parse took from the old one ({@link HtmlParser#parseReusing}): never written. */
    private final Set<VNode> taken;
    private int[] path = new int[32];
    private int depth;

    private Differ(List<Patch> patches, boolean adopt) {
        this(patches, adopt, Set.of());
    }

    private Differ(List<Patch> patches, boolean adopt, Set<VNode> taken) {
        this.patches = patches;
        this.adopt = adopt;
        this.taken = taken;
    }

    /**
     * The patches from {@code oldRoot} to {@code newRoot}, both view roots (their tags must be equal: a root is
     * never replaced). Applying them to {@code oldRoot} yields a tree equal to {@code newRoot}.
     */
    public static List<Patch> diff(VElement oldRoot, VElement newRoot) {
        return diff(oldRoot, newRoot, false);
    }

    /**
     * {@link #diff}, and {@code newRoot}, a tree the caller made (with {@link HtmlParser#parseUnshared}) and has not
     * handed out, is changed into an equal tree that holds {@code oldRoot}'s nodes wherever they are equal to its
     * own, and shared strings ({@link SharedStrings}) and small subtrees ({@link SharedSubtrees}) elsewhere: a
     * session that keeps the new tree keeps what did not change as it kept it before, shared with the other sessions
     * that rendered it, without the parse paying for sharing every string of the page. The nodes it adopts are never
     * written to.
     */
    public static List<Patch> diffSharing(VElement oldRoot, VElement newRoot) {
        return diff(oldRoot, newRoot, true, Set.of());
    }

    /**
     * {@link #diffSharing(VElement, VElement)} of a tree {@link HtmlParser#parseReusing} made from {@code oldRoot}:
     * {@code taken}, the nodes it took from {@code oldRoot}, are left as they are (a node taken where it was is not
     * even looked into).
     */
    public static List<Patch> diffSharing(VElement oldRoot, HtmlParser.Reparsed newTree) {
        return diff(oldRoot, newTree.root(), true, newTree.taken());
    }

    private static List<Patch> diff(VElement oldRoot, VElement newRoot, boolean adopt) {
        return diff(oldRoot, newRoot, adopt, Set.of());
    }

    private static List<Patch> diff(VElement oldRoot, VElement newRoot, boolean adopt, Set<VNode> taken) {
        if (!oldRoot.tag().equals(newRoot.tag()) || oldRoot.namespace() != newRoot.namespace()) {
            throw new IllegalArgumentException("roots differ: <" + oldRoot.tag() + "> and <" + newRoot.tag() + ">");
        }
        Differ d = new Differ(new ArrayList<>(), adopt, taken);
        d.attributes(oldRoot, newRoot, true);
        if (adopt) {
            SharedTrees.shareAttributes(newRoot);
        }
        d.children(oldRoot, newRoot);
        return MorphDiffer.diff(oldRoot, newRoot, d.ids.recreated(), d.patches);
    }

    /** The patches that pair children by key and position only. */
    static Differ byPosition(VElement oldRoot, VElement newRoot) {
        Differ d = new Differ(new ArrayList<>(), false);
        d.attributes(oldRoot, newRoot, true);
        d.children(oldRoot, newRoot);
        return d;
    }


    /** Appends to {@code out} the patches from {@code oldNode} to {@code newNode}, found at {@code path}. */
    static void diffAt(List<Patch> out, List<Integer> path, VElement oldNode, VElement newNode) {
        Differ d = new Differ(out, false);
        for (int i : path) {
            d.push(i);
        }
        d.node(oldNode, newNode);
    }

    /**
     * Diffs two nodes at the current path. Returns the node the new tree is to hold there: {@code newNode}, or when
     * adopting, {@code oldNode} if the two are equal (same attributes in the same order), else {@code newNode} with
     * its strings shared.
     */
    private VNode node(VNode oldNode, VNode newNode) {
        if (oldNode == newNode) {
            return oldNode;
        }
        if (adopt && taken.contains(newNode)) {
            adopt = false;
            try {
                node(oldNode, newNode);
            } finally {
                adopt = true;
            }
            return newNode;
        }
        if (oldNode instanceof VText ot) {
            if (newNode instanceof VText nt) {
                if (ot.text().equals(nt.text())) {
                    return adopt ? ot : nt;
                }
                patches.add(new Patch.Text(currentPath(), nt.text()));
                return adopt ? SharedTrees.shared(nt) : nt;
            }
            return replace(oldNode, newNode);
        }
        VElement oe = (VElement) oldNode;
        if (!(newNode instanceof VElement ne) || !oe.tag().equals(ne.tag()) || oe.namespace() != ne.namespace()) {
            return replace(oe, newNode);
        }
        boolean sameAttributes = adopt && Arrays.equals(oe.attributeArray(), ne.attributeArray());
        if (HtmlElements.isOpaque(oe)) {
            if (!Arrays.equals(oe.childArray(), ne.childArray()) || !attributes(oe, ne, false)) {
                return replace(oe, ne);
            }
            return !adopt ? ne : sameAttributes ? oe : shared(ne);
        }
        if (!attributes(oe, ne, false)) {
            return replace(oe, ne);
        }
        boolean sameChildren = children(oe, ne);
        if (!adopt) {
            return ne;
        }
        if (sameAttributes && sameChildren) {
            return oe;
        }
        SharedTrees.shareAttributes(ne);
        return SharedSubtrees.shareTop(ne);
    }

    private VNode replace(VNode oldNode, VNode newNode) {
        ids.dropped(oldNode);
        ids.created(newNode);
        patches.add(new Patch.Replace(currentPath(), HtmlWriter.write(newNode)));
        return adopt ? shared(newNode) : newNode;
    }

    /** A node of the new tree that adopts nothing of the old one, with its strings and small subtrees shared. */
    private VNode shared(VNode n) {
        return SharedSubtrees.share(SharedTrees.share(n, taken), taken);
    }

    /**
     * Emits the attribute patches. Returns false, having emitted nothing, if a name to patch is not one every
     * browser's {@code setAttribute} accepts (unless {@code root}, which cannot be replaced).
     */
    private boolean attributes(VElement oe, VElement ne, boolean root) {
        String[] oa = oe.attributeArray();
        String[] na = ne.attributeArray();
        if (Arrays.equals(oa, na)) {
            return true; // the common case: same attributes in the same order
        }
        int mark = patches.size();
        for (int i = 0; i < na.length; i += 2) {
            String name = na[i];
            String value = na[i + 1];
            String oldValue = oe.attribute(name);
            if (!value.equals(oldValue)) {
                if (!root && !HtmlElements.isSafeAttributeName(name)) {
                    patches.subList(mark, patches.size()).clear();
                    return false;
                }
                ids.attributeChanged(name, oldValue, value);
                patches.add(new Patch.Attr(currentPath(), name, value));
            }
        }
        for (int i = 0; i < oa.length; i += 2) {
            String name = oa[i];
            if (ne.attribute(name) == null) {
                if (!root && !HtmlElements.isSafeAttributeName(name)) {
                    patches.subList(mark, patches.size()).clear();
                    return false;
                }
                ids.attributeChanged(name, oa[i + 1], null);
                patches.add(new Patch.RemoveAttr(currentPath(), name));
            }
        }
        return true;
    }

    /**
     * Emits the patches of the children; returns whether they are equal, each child of {@code ne} then being the
     * old one when adopting.
     */
    private boolean children(VElement oe, VElement ne) {
        VNode[] oc = oe.childArray();
        VNode[] nc = ne.childArray();
        int m = oc.length;
        int n = nc.length;
        // Common prefix and suffix of children with the same keys at the same places: paired in place.
        int start = 0;
        int limit = Math.min(m, n);
        while (start < limit && ChildMatcher.sameKey(oc[start], nc[start])) {
            start++;
        }
        if (start == m && m == n) {
            boolean same = true;
            for (int i = 0; i < n; i++) {
                push(i);
                VNode kept = node(oc[i], nc[i]);
                pop();
                if (adopt) {
                    same &= kept == oc[i];
                    nc[i] = kept;
                }
            }
            return adopt && same;
        }
        int oldEnd = m;
        int newEnd = n;
        while (oldEnd > start && newEnd > start && ChildMatcher.sameKey(oc[oldEnd - 1], nc[newEnd - 1])) {
            oldEnd--;
            newEnd--;
        }
        VNode[] oldMiddle = Arrays.copyOfRange(oc, start, oldEnd);
        VNode[] newMiddle = Arrays.copyOfRange(nc, start, newEnd);
        int[] match = ChildMatcher.match(oldMiddle, newMiddle); // indexes within the middles
        int mm = oldMiddle.length;
        int nm = newMiddle.length;

        // Removals, from the highest index down.
        boolean[] kept = new boolean[mm];
        for (int j = 0; j < nm; j++) {
            if (match[j] >= 0) {
                kept[match[j]] = true;
            }
        }
        for (int i = mm - 1; i >= 0; i--) {
            if (!kept[i]) {
                ids.dropped(oldMiddle[i]);
                patches.add(new Patch.Remove(pathPlus(start + i)));
            }
        }

        // Index of each kept old child (within the middle) once the removed ones are gone.
        int[] rank = new int[mm];
        int remaining = 0;
        for (int i = 0; i < mm; i++) {
            rank[i] = kept[i] ? remaining++ : -1;
        }
        int[] seq = new int[nm];
        boolean ordered = true;
        int last = -1;
        for (int j = 0; j < nm; j++) {
            seq[j] = match[j] >= 0 ? rank[match[j]] : -1;
            if (seq[j] >= 0) {
                ordered &= seq[j] > last;
                last = seq[j];
            }
        }
        if (!ordered || remaining != nm) {
            placeChildren(newMiddle, seq, ordered, remaining, start);
        }

        // Patches inside the children, by final index.
        for (int j = 0; j < n; j++) {
            int i;
            if (j < start) {
                i = j;
            } else if (j >= newEnd) {
                i = j - newEnd + oldEnd;
            } else {
                i = match[j - start];
                if (i < 0) {
                    if (adopt) {
                        nc[j] = shared(nc[j]); // inserted whole
                    }
                    continue;
                }
                i += start;
            }
            push(j);
            VNode held = node(oc[i], nc[j]);
            pop();
            if (adopt) {
                nc[j] = held;
            }
        }
        return false;
    }

    /**
     * Moves and inserts in increasing target index. Each goes right after the child that precedes it in the
     * new order. Children that stay are anchors: slot a + 1 counts the anchor of old rank a plus the children
     * placed after it so far, slot 0 those placed before every anchor. A child still to move sits in its own
     * slot (its rank + 1) until it moves. {@code offset} is the index of the first child of the middle.
     */
    private void placeChildren(VNode[] newMiddle, int[] seq, boolean ordered, int remaining, int offset) {
        int nm = newMiddle.length;
        boolean[] stays;
        if (ordered) {
            stays = new boolean[nm];
            for (int j = 0; j < nm; j++) {
                stays[j] = seq[j] >= 0;
            }
        } else {
            stays = LongestIncreasingSubsequence.mark(seq);
        }
        FenwickTree slots = new FenwickTree(remaining + 1, 1);
        int anchor = -1;
        List<Integer> parentPath = currentPath();
        for (int j = 0; j < nm; j++) {
            int r = seq[j];
            if (r >= 0 && stays[j]) {
                anchor = r;
                continue;
            }
            if (r >= 0) {
                int from = slots.sumThrough(r);
                slots.add(r + 1, -1);
                int to = slots.sumThrough(anchor + 1);
                slots.add(anchor + 1, 1);
                if (from != to) {
                    patches.add(new Patch.Move(parentPath, offset + from, offset + to));
                }
            } else {
                int to = slots.sumThrough(anchor + 1);
                slots.add(anchor + 1, 1);
                ids.created(newMiddle[j]);
                patches.add(new Patch.Insert(parentPath, offset + to, HtmlWriter.write(newMiddle[j])));
            }
        }
    }

    private void push(int index) {
        if (depth == path.length) {
            path = Arrays.copyOf(path, depth * 2);
        }
        path[depth++] = index;
    }

    private void pop() {
        depth--;
    }

    private List<Integer> currentPath() {
        Integer[] p = new Integer[depth];
        for (int i = 0; i < depth; i++) {
            p[i] = path[i];
        }
        return List.of(p);
    }

    private List<Integer> pathPlus(int index) {
        push(index);
        List<Integer> p = currentPath();
        pop();
        return p;
    }
}
