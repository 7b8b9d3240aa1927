package dev.relive.runtime.internal.vdom;

/**
 * The items of one stream container as the browser has them: for each {@code rl-key}, a 64-bit fingerprint of the
 * key and one of the HTML last sent for it, never the key or the HTML themselves. Two arrays with open addressing
 * (16 bytes a slot, at most three quarters full). Remembers at most {@code limit} keys: the items past that are not
 * remembered, so they are sent in full again.
 *
 * <p>A fingerprint pair that matches is taken to be the same key and HTML: two different strings share both 64-bit
 * fingerprints with a probability of about 2<sup>-64</sup>.
 */
final class ShownItems {

    private static final int FIRST_CAPACITY = 16;
    private final int limit;
    /** Key fingerprints; 0 marks a free slot ({@link #keyPrint} is never 0). */
    private long[] keys = new long[0];
    private long[] htmls = new long[0];
    private int size;

    ShownItems(int limit) {
        this.limit = limit;
    }

    int size() {
        return size;
    }

    /** Whether the browser has the item {@code key} with the HTML {@code html}, as far as this knows. */
    boolean has(String key, String html) {
        int slot = find(keyPrint(key));
        return slot >= 0 && htmls[slot] == htmlPrint(html);
    }

    /** The browser now has {@code key} with {@code html}; past the limit a new key is not remembered. */
    void put(String key, String html) {
        long k = keyPrint(key);
        int slot = find(k);
        if (slot >= 0) {
            htmls[slot] = htmlPrint(html);
            return;
        }
        if (size >= limit) {
            return;
        }
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        insert(k, htmlPrint(html));
    }

    /** The browser no longer has {@code key}. */
    void remove(String key) {
        int slot = find(keyPrint(key));
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
                htmls[hole] = htmls[i];
                hole = i;
            }
        }
        keys[hole] = 0;
        htmls[hole] = 0;
        size--;
    }

    /** Whether {@code key} is remembered with {@code html}; it is forgotten either way. */
    boolean take(String key, String html) {
        boolean had = has(key, html);
        remove(key);
        return had;
    }

    void clear() {
        keys = new long[0];
        htmls = new long[0];
        size = 0;
    }

    /** Moves every item into {@code other} (replacing its entries for the same keys) and empties this one. */
    void moveInto(ShownItems other) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                other.putPrints(keys[i], htmls[i]);
            }
        }
        clear();
    }

    private void putPrints(long k, long html) {
        int slot = find(k);
        if (slot >= 0) {
            htmls[slot] = html;
        } else if (size < limit) {
            if ((size + 1) * 4L > keys.length * 3L) {
                grow();
            }
            insert(k, html);
        }
    }

    private int find(long k) {
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

    private void insert(long k, long html) {
        int mask = keys.length - 1;
        int i = home(k);
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = k;
        htmls[i] = html;
        size++;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldHtmls = htmls;
        int capacity = Math.max(FIRST_CAPACITY, oldKeys.length * 2);
        keys = new long[capacity];
        htmls = new long[capacity];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(oldKeys[i], oldHtmls[i]);
            }
        }
    }

    private int home(long k) {
        return (int) (k ^ (k >>> 32)) & (keys.length - 1);
    }

    static long keyPrint(String key) {
        long h = print(key, 0x9E3779B97F4A7C15L);
        return h == 0 ? 1 : h;
    }

    static long htmlPrint(String html) {
        return print(html, 0xCBF29CE484222325L);
    }

    /** FNV-1a over the UTF-16 code units from {@code seed}, then MurmurHash3's 64-bit finalizer. */
    private static long print(String s, long seed) {
        long h = seed;
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
