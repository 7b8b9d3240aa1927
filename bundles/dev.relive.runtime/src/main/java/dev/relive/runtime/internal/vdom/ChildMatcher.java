package dev.relive.runtime.internal.vdom;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

/**
 * Pairs new children with old ones: children with an {@code rl-key} by key, the others (including
 * elements whose key repeats an earlier sibling's) by their order among the unkeyed siblings.
 */
final class ChildMatcher {

    private ChildMatcher() {
    }

    static String keyOf(VNode n) {
        return n instanceof VElement e ? e.key() : null;
    }

    /** True when both lists have the same length and the same key (or no key) at each index. */
    static boolean sameKeys(List<VNode> oldChildren, List<VNode> newChildren) {
        int n = oldChildren.size();
        if (n != newChildren.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            String a = keyOf(oldChildren.get(i));
            String b = keyOf(newChildren.get(i));
            if (a == null ? b != null : !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    /** For each new child, the index of its old child, or -1 if it has none (it is inserted). */
    static int[] match(List<VNode> oldChildren, List<VNode> newChildren) {
        int m = oldChildren.size();
        int n = newChildren.size();
        HashMap<String, Integer> keyed = new HashMap<>(Math.max(16, m * 2));
        int[] unkeyed = new int[m];
        int unkeyedCount = 0;
        for (int i = 0; i < m; i++) {
            String k = keyOf(oldChildren.get(i));
            if (k == null || keyed.putIfAbsent(k, i) != null) {
                unkeyed[unkeyedCount++] = i;
            }
        }
        HashSet<String> seen = new HashSet<>(Math.max(16, n * 2));
        int[] match = new int[n];
        int nextUnkeyed = 0;
        for (int j = 0; j < n; j++) {
            String k = keyOf(newChildren.get(j));
            if (k != null && seen.add(k)) {
                Integer i = keyed.get(k);
                match[j] = i == null ? -1 : i;
            } else {
                match[j] = nextUnkeyed < unkeyedCount ? unkeyed[nextUnkeyed++] : -1;
            }
        }
        return match;
    }
}
