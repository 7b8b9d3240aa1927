package dev.relive.runtime.internal.vdom;

import java.util.HashMap;
import java.util.List;

/**
 * Pairs new children with old ones. Children with an {@code rl-key} are matched by key (an element whose key
 * repeats an earlier sibling's counts as unkeyed). Unkeyed children are matched by their order among the
 * unkeyed siblings; when keyed and unkeyed children are mixed (typically rows with whitespace text between
 * them), two more pairings are tried, by order among the unkeyed children that follow the same keyed
 * sibling, and among those that precede it, and the pairing that needs the fewest patches is taken. So a row
 * moved with the whitespace before it costs two moves, not three, and a reversal still costs n - 1.
 */
final class ChildMatcher {

    private static final String START = "\u0000start";
    private static final String END = "\u0000end";

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
        Side old = new Side(oldChildren);
        Side neu = new Side(newChildren);
        int n = newChildren.size();
        int[] match = new int[n];
        int nextUnkeyed = 0;
        for (int j = 0; j < n; j++) {
            String k = neu.keys[j];
            if (k != null) {
                Integer i = old.keyed.get(k);
                match[j] = i == null ? -1 : i;
            } else {
                match[j] = nextUnkeyed < old.unkeyedCount ? old.unkeyed[nextUnkeyed++] : -1;
            }
        }
        if (old.keyed.isEmpty() || neu.keyed.isEmpty() || old.unkeyedCount == 0 || neu.unkeyedCount == 0) {
            return match;
        }
        int[] best = match;
        int bestCost = cost(match, oldChildren, newChildren);
        for (boolean following : new boolean[] {true, false}) {
            int[] anchored = matchAnchored(old, neu, following);
            int c = cost(anchored, oldChildren, newChildren);
            if (c < bestCost) {
                best = anchored;
                bestCost = c;
            }
        }
        return best;
    }

    /**
     * Keyed children by key; each unkeyed child to the old unkeyed child at the same place in the run of
     * unkeyed children before ({@code following}) or after the same keyed sibling; leftovers by order.
     */
    private static int[] matchAnchored(Side old, Side neu, boolean following) {
        String[] oldAnchor = old.anchors(following);
        String[] newAnchor = neu.anchors(following);
        int[] oldRank = old.runRanks();
        int[] newRank = neu.runRanks();
        HashMap<String, Integer> oldSlots = new HashMap<>();
        for (int u = 0; u < old.unkeyedCount; u++) {
            int i = old.unkeyed[u];
            oldSlots.put(oldAnchor[i] + '\u0000' + oldRank[i], i);
        }
        int n = neu.keys.length;
        int[] match = new int[n];
        boolean[] used = new boolean[old.keys.length];
        boolean leftovers = false;
        for (int j = 0; j < n; j++) {
            String k = neu.keys[j];
            if (k != null) {
                Integer i = old.keyed.get(k);
                match[j] = i == null ? -1 : i;
            } else {
                Integer i = oldSlots.get(newAnchor[j] + '\u0000' + newRank[j]);
                match[j] = i == null ? -1 : i;
                if (i != null) {
                    used[i] = true;
                } else {
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
                        match[j] = old.unkeyed[u++];
                    }
                }
            }
        }
        return match;
    }

    /** Patches a pairing needs: removals, inserts, moves, text changes and replacements. */
    static int cost(int[] match, List<VNode> oldChildren, List<VNode> newChildren) {
        int m = oldChildren.size();
        boolean[] kept = new boolean[m];
        int matched = 0;
        int changes = 0;
        for (int j = 0; j < match.length; j++) {
            int i = match[j];
            if (i >= 0) {
                kept[i] = true;
                matched++;
                VNode a = oldChildren.get(i);
                VNode b = newChildren.get(j);
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
        final int[] unkeyed;
        final int unkeyedCount;

        Side(List<VNode> children) {
            int n = children.size();
            keys = new String[n];
            keyed = new HashMap<>(Math.max(16, n * 2));
            unkeyed = new int[n];
            int u = 0;
            for (int i = 0; i < n; i++) {
                String k = keyOf(children.get(i));
                if (k != null && keyed.putIfAbsent(k, i) == null) {
                    keys[i] = k;
                } else {
                    unkeyed[u++] = i;
                }
            }
            unkeyedCount = u;
        }

        /** Per child, the key of the nearest keyed sibling after it ({@code following}) or before it. */
        String[] anchors(boolean following) {
            int n = keys.length;
            String[] anchor = new String[n];
            String current = following ? END : START;
            if (following) {
                for (int i = n - 1; i >= 0; i--) {
                    if (keys[i] != null) {
                        current = keys[i];
                    } else {
                        anchor[i] = current;
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (keys[i] != null) {
                        current = keys[i];
                    } else {
                        anchor[i] = current;
                    }
                }
            }
            return anchor;
        }

        /** Per unkeyed child, its index within its run of unkeyed siblings (runs end at keyed children). */
        int[] runRanks() {
            int n = keys.length;
            int[] rank = new int[n];
            int run = 0;
            for (int i = 0; i < n; i++) {
                if (keys[i] != null) {
                    run = 0;
                } else {
                    rank[i] = run++;
                }
            }
            return rank;
        }
    }
}
