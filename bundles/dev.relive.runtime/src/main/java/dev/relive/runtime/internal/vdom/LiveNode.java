package dev.relive.runtime.internal.vdom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of the client's DOM while {@link MorphDiffer} changes it: mutable and linked to its parent, so that each
 * patch's path is computed against the DOM as the patches before it left it.
 */
final class LiveNode {

    /** The old node it stands for, or the new node it was inserted as. */
    final VNode source;
    /** Null for a text node. */
    final List<LiveNode> children;
    /** The kept ids (on both pages, once each) in its subtree, its own included; shrinks as they move out. */
    final Set<String> ids;
    LiveNode parent;
    /** Matched with a node of the new page, or inserted from one. */
    boolean placed;
    /** No node was taken out of its subtree. */
    boolean pristine = true;

    private LiveNode(VNode source, List<LiveNode> children, Set<String> ids) {
        this.source = source;
        this.children = children;
        this.ids = ids;
    }

    /** A copy of {@code node}'s tree; each element whose id is {@code kept} is entered in {@code byId}. */
    static LiveNode copyOf(VNode node, Set<String> kept, Map<String, LiveNode> byId) {
        if (!(node instanceof VElement e)) {
            return new LiveNode(node, null, Set.of());
        }
        VNode[] kids = e.childArray();
        List<LiveNode> children = new ArrayList<>(kids.length);
        String id = e.attribute(KeptIds.ID);
        Set<String> ids = id != null && kept.contains(id) ? new HashSet<>(Set.of(id)) : null;
        for (VNode kid : kids) {
            LiveNode child = copyOf(kid, kept, byId);
            children.add(child);
            if (!child.ids.isEmpty()) {
                ids = ids == null ? new HashSet<>() : ids;
                ids.addAll(child.ids);
            }
        }
        LiveNode self = new LiveNode(node, children, ids == null ? Set.of() : ids);
        for (LiveNode child : children) {
            child.parent = self;
        }
        if (id != null && kept.contains(id)) {
            byId.put(id, self);
        }
        return self;
    }

    /** A copy of a node inserted from the new page: placed, with no kept ids. */
    static LiveNode inserted(VNode node) {
        LiveNode n = copyOf(node, Set.of(), Map.of());
        n.placed = true;
        return n;
    }

    VElement element() {
        return (VElement) source;
    }

    /** Child indexes from the root. */
    List<Integer> path() {
        ArrayDeque<Integer> path = new ArrayDeque<>();
        for (LiveNode n = this; n.parent != null; n = n.parent) {
            path.addFirst(n.parent.children.indexOf(n));
        }
        return List.copyOf(path);
    }

    boolean isUnder(LiveNode root) {
        LiveNode n = this;
        while (n.parent != null) {
            n = n.parent;
        }
        return n == root;
    }

    /** Takes the node out of its parent; its kept ids leave its ancestors' sets. */
    void detach() {
        for (LiveNode a = parent; a != null; a = a.parent) {
            a.pristine = false;
            if (!a.ids.isEmpty()) {
                a.ids.removeAll(ids);
            }
        }
        parent.children.remove(this);
        parent = null;
    }

    void insertInto(LiveNode newParent, int index) {
        newParent.children.add(index, this);
        parent = newParent;
    }
}
