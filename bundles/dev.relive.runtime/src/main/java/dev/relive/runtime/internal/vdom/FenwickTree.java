package dev.relive.runtime.internal.vdom;

/**
 * A Fenwick tree (binary indexed tree): counts per position with prefix sums in O(log n). The differ uses it to
 * know the current index of a child while it plans moves and inserts.
 */
final class FenwickTree {

    private final int[] tree;

    /** {@code size} positions, position {@code p} initially holding {@code 1} for {@code from <= p < size}. */
    FenwickTree(int size, int from) {
        tree = new int[size + 1];
        for (int i = 1; i <= size; i++) {
            tree[i] += i - 1 >= from ? 1 : 0;
            int parent = i + (i & -i);
            if (parent <= size) {
                tree[parent] += tree[i];
            }
        }
    }

    void add(int position, int delta) {
        for (int i = position + 1; i < tree.length; i += i & -i) {
            tree[i] += delta;
        }
    }

    /** Sum of positions {@code 0..position}, inclusive. */
    int sumThrough(int position) {
        int s = 0;
        for (int i = position + 1; i > 0; i -= i & -i) {
            s += tree[i];
        }
        return s;
    }
}
