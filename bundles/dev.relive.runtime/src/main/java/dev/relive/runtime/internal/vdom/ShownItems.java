package dev.relive.runtime.internal.vdom;

/**
 * The items of one stream container as the browser has them: for each {@code rl-key}, a 32-bit fingerprint of the
 * key, which finds its slot, and a 64-bit one of the item last sent for it ({@link ItemPrint}), never the key or the
 * item themselves. Two arrays with open addressing (12 bytes a slot, at most three quarters full). Remembers at most
 * {@code limit} keys: the items past that are not remembered, so they are sent in full again.
 *
 * <p>Only the item's fingerprint says whether the browser has an item: it covers the item's {@code rl-key}, so two
 * different items, of the same key or not, share it with a probability of about 2<sup>-64</sup>. Two keys whose
 * 32-bit fingerprints are equal share a slot: the later one replaces the other, which is then sent in full again.
 */
final class ShownItems {

    private static final int FIRST_CAPACITY = 16;
    private final int limit;
    /** Key fingerprints; 0 marks a free slot ({@link ItemPrint#ofKey} is never 0). */
    private int[] keys = new int[0];
    private long[] items = new long[0];
    private int size;

    ShownItems(int limit) {
        this.limit = limit;
    }

    int size() {
        return size;
    }

    /** Whether the browser has the item {@code key} as fingerprinted {@code item}, as far as this knows. */
    boolean has(String key, long item) {
        int slot = find(ItemPrint.ofKey(key));
        return slot >= 0 && items[slot] == item;
    }

    /** The browser now has {@code key} as fingerprinted {@code item}; past the limit a new key is not remembered. */
    void put(String key, long item) {
        putPrints(ItemPrint.ofKey(key), item);
    }

    /** The browser no longer has {@code key}. */
    void remove(String key) {
        removeSlot(find(ItemPrint.ofKey(key)));
    }

    /** Whether {@code key} is remembered as {@code item}; it is forgotten either way. */
    boolean take(String key, long item) {
        int slot = find(ItemPrint.ofKey(key));
        boolean had = slot >= 0 && items[slot] == item;
        removeSlot(slot);
        return had;
    }

    private void removeSlot(int slot) {
        if (slot < 0) {
            return;
        }
        // backward shift: move later entries of the probe run into the hole so that lookups still find them
        int mask = keys.length - 1;
        int hole = slot;
        for (int i = (hole + 1) & mask; keys[i] != 0; i = (i + 1) & mask) {
            int home = home(keys[i]);
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = keys[i];
                items[hole] = items[i];
                hole = i;
            }
        }
        keys[hole] = 0;
        items[hole] = 0;
        size--;
    }

    void clear() {
        keys = new int[0];
        items = new long[0];
        size = 0;
    }

    /** Moves every item into {@code other} (replacing its entries for the same keys) and empties this one. */
    void moveInto(ShownItems other) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                other.putPrints(keys[i], items[i]);
            }
        }
        clear();
    }

    private void putPrints(int k, long item) {
        int slot = find(k);
        if (slot >= 0) {
            items[slot] = item;
        } else if (size < limit) {
            if ((size + 1) * 4L > keys.length * 3L) {
                grow();
            }
            insert(k, item);
        }
    }

    private int find(int k) {
        if (size == 0) {
            return -1;
        }
        int mask = keys.length - 1;
        for (int i = home(k); keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return i;
            }
        }
        return -1;
    }

    private void insert(int k, long item) {
        int mask = keys.length - 1;
        int i = home(k);
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = k;
        items[i] = item;
        size++;
    }

    private void grow() {
        int[] oldKeys = keys;
        long[] oldItems = items;
        int capacity = Math.max(FIRST_CAPACITY, oldKeys.length * 2);
        keys = new int[capacity];
        items = new long[capacity];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(oldKeys[i], oldItems[i]);
            }
        }
    }

    private int home(int k) {
        return (k ^ (k >>> 16)) & (keys.length - 1);
    }
}
