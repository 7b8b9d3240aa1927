package dev.relive.runtime.internal.vdom;

import java.util.HashMap;

/**
 * Pairs new children with old ones. Children with an {@code rl-key} are matched by key (an element whose key
 * repeats an earlier sibling's counts as unkeyed). Unkeyed children are matched by their order among the
 * unkeyed siblings; when keyed and unkeyed children are mixed (typically rows with whitespace text between
 * them), two more pairings are tried, by place in the run of unkeyed children after the same keyed sibling,
 * and before it, and the pairing that needs the fewest patches is taken. So a row moved with the whitespace
 * before it costs two moves, not three, and a reversal still costs the n - 1 or n moves it needs.
 */
final class ChildMatcher {

    private ChildMatcher() {
    }

    static String keyOf(VNode n) {
        return n instanceof VElement e ? e.key() : null;
    }

    static boolean sameKey(VNode a, VNode b) {
        String ka = keyOf(a);
        String kb = keyOf(b);
        return ka == null ? kb == null : ka.equals(kb);
    }

    /** True when both lists have the same length and the same key (or no key) at each index. */
    static boolean sameKeys(VNode[] oldChildren, VNode[] newChildren) {
        int n = oldChildren.length;
        if (n != newChildren.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!sameKey(oldChildren[i], newChildren[i])) {
                return false;
            }
        }
        return true;
    }

    /** For each new child, the index of its old child, or -1 if it has none (it is inserted). */
    static int[] match(VNode[] oldChildren, VNode[] newChildren) {
        Side old = new Side(oldChildren);
        Side neu = new Side(newChildren);
        int n = newChildren.length;
        int[] keyedMatch = new int[n]; // old index of each keyed new child, -1 otherwise
        boolean mixed = old.keyedCount > 0 && old.unkeyedCount > 0 && neu.keyedCount > 0 && neu.unkeyedCount > 0;
        for (int j = 0; j < n; j++) {
            String k = neu.keys[j];
            if (k != null) {
                Integer i = old.keyed.get(k);
                keyedMatch[j] = i == null ? -1 : i;
            } else {
                keyedMatch[j] = -1;
            }
        }
        int[] best = byOrder(old, neu, keyedMatch);
        if (!mixed) {
            return best;
        }
        int bestCost = cost(best, oldChildren, newChildren);
        for (boolean after : new boolean[] {true, false}) {
            int[] candidate = byRun(old, neu, keyedMatch, after);
            int c = cost(candidate, oldChildren, newChildren);
            if (c < bestCost) {
                best = candidate;
                bestCost = c;
            }
        }
        return best;
    }

    /** Unkeyed children by their order among all unkeyed siblings. */
    private static int[] byOrder(Side old, Side neu, int[] keyedMatch) {
        int n = keyedMatch.length;
        int[] match = keyedMatch.clone();
        int next = 0;
        for (int j = 0; j < n; j++) {
            if (neu.keys[j] == null) {
                match[j] = next < old.unkeyedCount ? old.unkeyed[next++] : -1;
            }
        }
        return match;
    }

    /**
     * Each unkeyed child to the old unkeyed child at the same place in the run of unkeyed children right
     * after ({@code after}) or right before the same keyed sibling; the rest by order.
     */
    private static int[] byRun(Side old, Side neu, int[] keyedMatch, boolean after) {
        int n = keyedMatch.length;
        int m = old.keys.length;
        int[] match = keyedMatch.clone();
        boolean[] used = new boolean[m];
        boolean leftovers = false;
        if (after) {
            int anchor = -1; // old index of the keyed sibling before, -1 for the start
            boolean anchored = true;
            int offset = 0;
            for (int j = 0; j < n; j++) {
                if (neu.keys[j] != null) {
                    anchor = keyedMatch[j];
                    anchored = anchor >= 0;
                    offset = 0;
                    continue;
                }
                int i = anchor + 1 + offset++;
                if (anchored && i < m && old.keys[i] == null) {
                    match[j] = i;
                    used[i] = true;
                } else {
                    anchored = false; // past the end of the old run: the rest of this run is left over
                    match[j] = -1;
                    leftovers = true;
                }
            }
        } else {
            int anchor = m; // old index of the keyed sibling after, m for the end
            boolean anchored = true;
            int offset = 0;
            for (int j = n - 1; j >= 0; j--) {
                if (neu.keys[j] != null) {
                    anchor = keyedMatch[j];
                    anchored = anchor >= 0;
                    offset = 0;
                    continue;
                }
                int i = anchor - 1 - offset++;
                if (anchored && i >= 0 && old.keys[i] == null) {
                    match[j] = i;
                    used[i] = true;
                } else {
                    anchored = false; // past the start of the old run: the rest of this run is left over
                    match[j] = -1;
                    leftovers = true;
                }
            }
        }
        if (leftovers) {
            int u = 0;
            for (int j = 0; j < n; j++) {
                if (neu.keys[j] == null && match[j] < 0) {
                    while (u < old.unkeyedCount && used[old.unkeyed[u]]) {
                        u++;
                    }
                    if (u < old.unkeyedCount) {
                        match[j] = old.unkeyed[u];
                        used[old.unkeyed[u++]] = true;
                    }
                }
            }
        }
        return match;
    }

    /** Patches a pairing needs: removals, inserts, moves, text changes and replacements. */
    static int cost(int[] match, VNode[] oldChildren, VNode[] newChildren) {
        int m = oldChildren.length;
        boolean[] kept = new boolean[m];
        int matched = 0;
        int changes = 0;
        for (int j = 0; j < match.length; j++) {
            int i = match[j];
            if (i >= 0) {
                kept[i] = true;
                matched++;
                VNode a = oldChildren[i];
                VNode b = newChildren[j];
                if (a instanceof VText ta) {
                    if (!(b instanceof VText tb) || !ta.text().equals(tb.text())) {
                        changes++;
                    }
                } else if (!(b instanceof VElement eb) || !((VElement) a).tag().equals(eb.tag())) {
                    changes++;
                }
            }
        }
        int[] rank = new int[m];
        int r = 0;
        for (int i = 0; i < m; i++) {
            rank[i] = kept[i] ? r++ : -1;
        }
        int[] seq = new int[match.length];
        for (int j = 0; j < match.length; j++) {
            seq[j] = match[j] >= 0 ? rank[match[j]] : -1;
        }
        int moves = matched - LongestIncreasingSubsequence.length(seq);
        return (m - matched) + (match.length - matched) + moves + changes;
    }

    /** One side's children: keys of the keyed ones (first occurrences), indexes of the unkeyed ones. */
    private static final class Side {
        /** Per child: its key if it is keyed (first occurrence), else null. */
        final String[] keys;
        final HashMap<String, Integer> keyed;
        final int keyedCount;
        final int[] unkeyed;
        final int unkeyedCount;

        Side(VNode[] children) {
            int n = children.length;
            keys = new String[n];
            keyed = new HashMap<>(Math.max(16, n * 2));
            unkeyed = new int[n];
            int u = 0;
            for (int i = 0; i < n; i++) {
                String k = keyOf(children[i]);
                if (k != null && keyed.putIfAbsent(k, i) == null) {
                    keys[i] = k;
                } else {
                    unkeyed[u++] = i;
                }
            }
            unkeyedCount = u;
            keyedCount = n - u;
        }
    }
}
