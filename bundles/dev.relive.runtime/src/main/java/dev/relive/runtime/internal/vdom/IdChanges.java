package dev.relive.runtime.internal.vdom;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code id}s a diff takes off the page (in removed or replaced nodes, or an element whose {@code id} changes)
 * and the ones it puts on (in inserted or replacing nodes, or as a changed {@code id}). An id in both is an element
 * that the diff would re-create: its DOM node, and what the user typed into it, would be lost.
 */
final class IdChanges {

    private static final String ID = "id";

    private Set<String> dropped;
    private Set<String> created;

    void dropped(VNode node) {
        dropped = collect(node, dropped);
    }

    void created(VNode node) {
        created = collect(node, created);
    }

    /** Notes an attribute patch of {@code name} from {@code oldValue} (null: absent) to {@code newValue} (null: removed). */
    void attributeChanged(String name, String oldValue, String newValue) {
        if (!name.equals(ID)) {
            return;
        }
        if (oldValue != null) {
            dropped = add(dropped, oldValue);
        }
        if (newValue != null) {
            created = add(created, newValue);
        }
    }

    /** The ids both dropped and created. */
    Set<String> recreated() {
        if (dropped == null || created == null) {
            return Set.of();
        }
        Set<String> both = new HashSet<>(dropped);
        both.retainAll(created);
        return both;
    }

    private static Set<String> collect(VNode node, Set<String> into) {
        if (node instanceof VElement e) {
            String id = e.attribute(ID);
            if (id != null) {
                into = add(into, id);
            }
            for (VNode child : e.childArray()) {
                into = collect(child, into);
            }
        }
        return into;
    }

    private static Set<String> add(Set<String> set, String id) {
        Set<String> s = set == null ? new HashSet<>() : set;
        s.add(id);
        return s;
    }
}
