package dev.relive.runtime.internal.vdom;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The kept ids of a change from one page to another: the {@code id}s found once on the old page and once on the
 * new one, whose elements {@link MorphDiffer} keeps. Knows which nodes of the new page hold which of them.
 */
final class KeptIds {

    static final String ID = "id";

    private final Set<String> ids;
    private final Map<VNode, Set<String>> inNewNodes = new IdentityHashMap<>();

    KeptIds(VElement oldRoot, VElement newRoot) {
        Map<String, Integer> before = new HashMap<>();
        Map<String, Integer> after = new HashMap<>();
        count(oldRoot, before);
        count(newRoot, after);
        ids = new HashSet<>();
        before.forEach((id, n) -> {
            if (n == 1 && Integer.valueOf(1).equals(after.get(id))) {
                ids.add(id);
            }
        });
        collect(newRoot);
    }

    private static void count(VElement e, Map<String, Integer> counts) {
        String id = e.attribute(ID);
        if (id != null) {
            counts.merge(id, 1, Integer::sum);
        }
        for (VNode child : e.childArray()) {
            if (child instanceof VElement ce) {
                count(ce, counts);
            }
        }
    }

    private Set<String> collect(VNode node) {
        if (!(node instanceof VElement e)) {
            return Set.of();
        }
        Set<String> inside = new HashSet<>();
        String id = keptId(e);
        if (id != null) {
            inside.add(id);
        }
        for (VNode child : e.childArray()) {
            inside.addAll(collect(child));
        }
        if (inside.isEmpty()) {
            return Set.of();
        }
        inNewNodes.put(node, inside);
        return inside;
    }

    /** All of them. */
    Set<String> all() {
        return ids;
    }

    /** The kept ids in a node of the new page, its own included. */
    Set<String> in(VNode newNode) {
        return inNewNodes.getOrDefault(newNode, Set.of());
    }

    /** The element's id if it is a kept one, else null. */
    String keptId(VElement e) {
        String id = e.attribute(ID);
        return id != null && ids.contains(id) ? id : null;
    }
}
