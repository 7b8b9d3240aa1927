package dev.relive.runtime.internal.vdom;

/**
 * Counts per slot with prefix sums in O(log n) (a Fenwick tree). The differ uses it to know the current
 * index of a child while it plans moves and inserts.
 */
final class SlotCounter {

    private final int[] tree;

    /** {@code slots} slots, slot {@code s} initially holding {@code 1} for {@code from <= s < slots}. */
    SlotCounter(int slots, int from) {
        tree = new int[slots + 1];
        for (int i = 1; i <= slots; i++) {
            tree[i] += i - 1 >= from ? 1 : 0;
            int parent = i + (i & -i);
            if (parent <= slots) {
                tree[parent] += tree[i];
            }
        }
    }

    void add(int slot, int delta) {
        for (int i = slot + 1; i < tree.length; i += i & -i) {
            tree[i] += delta;
        }
    }

    /** Sum of slots {@code 0..slot}, inclusive. */
    int sumThrough(int slot) {
        int s = 0;
        for (int i = slot + 1; i > 0; i -= i & -i) {
            s += tree[i];
        }
        return s;
    }
}
