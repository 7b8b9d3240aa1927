package dev.relive.runtime.internal.vdom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Computes the patches that turn the client's DOM for one tree into the DOM for another, in the order and
 * shape of docs/protocol.md: for each element its attribute patches, then the structural patches of its
 * children (removals from the highest index down, then moves and inserts in increasing target index), then
 * the patches inside each child by the child's final index.
 *
 * <p>Children with an {@code rl-key} are matched by key, the others by their order among the unkeyed
 * siblings. Of the matched children only those off a longest increasing subsequence (of their old order
 * taken in new order) move, so a reorder of {@code n} children costs {@code n - LIS} moves. A node is
 * replaced when its tag, namespace or kind differs, when it is a {@code <template>}/{@code <noscript>}
 * whose content changed, or when an attribute to patch has a name {@code setAttribute} could refuse.
 *
 * <p>Stateless and thread-safe.
 */
public final class Differ {

    private final List<Patch> patches = new ArrayList<>();
    private int[] path = new int[32];
    private int depth;

    private Differ() {
    }

    /**
     * The patches from {@code oldRoot} to {@code newRoot}, both view roots (their tags must be equal: a root is
     * never replaced). Applying them to {@code oldRoot} yields a tree equal to {@code newRoot}.
     */
    public static List<Patch> diff(VElement oldRoot, VElement newRoot) {
        if (!oldRoot.tag().equals(newRoot.tag()) || oldRoot.namespace() != newRoot.namespace()) {
            throw new IllegalArgumentException("roots differ: <" + oldRoot.tag() + "> and <" + newRoot.tag() + ">");
        }
        Differ d = new Differ();
        d.attributes(oldRoot, newRoot, true);
        d.children(oldRoot, newRoot);
        return d.patches;
    }

    /** Diffs two nodes at the current path. */
    private void node(VNode oldNode, VNode newNode) {
        if (oldNode instanceof VText ot) {
            if (newNode instanceof VText nt) {
                if (!ot.text().equals(nt.text())) {
                    patches.add(new Patch.Text(currentPath(), nt.text()));
                }
            } else {
                replace(newNode);
            }
            return;
        }
        VElement oe = (VElement) oldNode;
        if (!(newNode instanceof VElement ne) || !oe.tag().equals(ne.tag()) || oe.namespace() != ne.namespace()) {
            replace(newNode);
            return;
        }
        if (HtmlElements.isOpaque(oe)) {
            if (!oe.children().equals(ne.children())) {
                replace(ne);
                return;
            }
            if (!attributes(oe, ne, false)) {
                replace(ne);
            }
            return;
        }
        if (!attributes(oe, ne, false)) {
            replace(ne);
            return;
        }
        children(oe, ne);
    }

    private void replace(VNode newNode) {
        patches.add(new Patch.Replace(currentPath(), HtmlWriter.write(newNode)));
    }

    /**
     * Emits the attribute patches. Returns false, having emitted nothing, if a name to patch is not one every
     * browser's {@code setAttribute} accepts (unless {@code root}, which cannot be replaced).
     */
    private boolean attributes(VElement oe, VElement ne, boolean root) {
        Map<String, String> oa = oe.attributes();
        Map<String, String> na = ne.attributes();
        if (oa.isEmpty() && na.isEmpty()) {
            return true;
        }
        int mark = patches.size();
        for (Map.Entry<String, String> e : na.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (!value.equals(oa.get(name))) {
                if (!root && !isSafeAttributeName(name)) {
                    truncate(mark);
                    return false;
                }
                patches.add(new Patch.Attr(currentPath(), name, value));
            }
        }
        if (na.size() != oa.size() || patches.size() > mark) {
            for (String name : oa.keySet()) {
                if (!na.containsKey(name)) {
                    if (!root && !isSafeAttributeName(name)) {
                        truncate(mark);
                        return false;
                    }
                    patches.add(new Patch.RemoveAttr(currentPath(), name));
                }
            }
        }
        return true;
    }

    private void truncate(int size) {
        patches.subList(size, patches.size()).clear();
    }

    /** ASCII XML names: accepted by {@code setAttribute}/{@code removeAttribute} in every browser. */
    static boolean isSafeAttributeName(String name) {
        int n = name.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private void children(VElement oe, VElement ne) {
        List<VNode> oc = oe.children();
        List<VNode> nc = ne.children();
        if (ChildMatcher.sameKeys(oc, nc)) {
            for (int i = 0, n = nc.size(); i < n; i++) {
                push(i);
                node(oc.get(i), nc.get(i));
                pop();
            }
            return;
        }
        int m = oc.size();
        int n = nc.size();
        int[] match = ChildMatcher.match(oc, nc);

        // Removals, from the highest index down.
        boolean[] kept = new boolean[m];
        for (int j = 0; j < n; j++) {
            if (match[j] >= 0) {
                kept[match[j]] = true;
            }
        }
        for (int i = m - 1; i >= 0; i--) {
            if (!kept[i]) {
                patches.add(new Patch.Remove(pathPlus(i)));
            }
        }

        // Index of each kept old child once the removed ones are gone.
        int[] rank = new int[m];
        int remaining = 0;
        for (int i = 0; i < m; i++) {
            rank[i] = kept[i] ? remaining++ : -1;
        }
        int[] seq = new int[n];
        boolean ordered = true;
        int last = -1;
        for (int j = 0; j < n; j++) {
            seq[j] = match[j] >= 0 ? rank[match[j]] : -1;
            if (seq[j] >= 0) {
                ordered &= seq[j] > last;
                last = seq[j];
            }
        }
        if (ordered && remaining == n) {
            recurse(oc, nc, match);
            return; // nothing removed that left a gap to fill, nothing to move or insert
        }
        boolean[] stays;
        if (ordered) {
            stays = new boolean[n];
            for (int j = 0; j < n; j++) {
                stays[j] = seq[j] >= 0;
            }
        } else {
            stays = LongestIncreasingSubsequence.mark(seq);
        }

        // Moves and inserts in increasing target index. Each goes right after the child that precedes it in
        // the new order. Children that stay are anchors: slot a + 1 counts the anchor with old rank a plus
        // the children placed after it so far; slot 0 those placed before every anchor. Children still to
        // move sit in their own slot (their rank + 1) until they move.
        SlotCounter slots = new SlotCounter(remaining + 1, 1);
        int anchor = -1;
        List<Integer> parentPath = null;
        for (int j = 0; j < n; j++) {
            int r = seq[j];
            if (r >= 0 && stays[j]) {
                anchor = r;
                continue;
            }
            if (parentPath == null) {
                parentPath = currentPath();
            }
            if (r >= 0) {
                int from = slots.sumThrough(r);
                slots.add(r + 1, -1);
                int to = slots.sumThrough(anchor + 1);
                slots.add(anchor + 1, 1);
                if (from != to) {
                    patches.add(new Patch.Move(parentPath, from, to));
                }
            } else {
                int to = slots.sumThrough(anchor + 1);
                slots.add(anchor + 1, 1);
                patches.add(new Patch.Insert(parentPath, to, HtmlWriter.write(nc.get(j))));
            }
        }
        recurse(oc, nc, match);
    }

    private void recurse(List<VNode> oc, List<VNode> nc, int[] match) {
        for (int j = 0, n = nc.size(); j < n; j++) {
            if (match[j] >= 0) {
                push(j);
                node(oc.get(match[j]), nc.get(j));
                pop();
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
        Integer[] p = new Integer[depth + 1];
        for (int i = 0; i < depth; i++) {
            p[i] = path[i];
        }
        p[depth] = index;
        return List.of(p);
    }
}
