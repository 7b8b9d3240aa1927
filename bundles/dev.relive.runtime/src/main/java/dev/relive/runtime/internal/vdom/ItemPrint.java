package dev.relive.runtime.internal.vdom;

import java.security.SecureRandom;

/**
 * Fingerprints of stream items (64-bit) and of their keys (32-bit), for {@link ShownItems}. An item's is taken over
 * its tree (tag, namespace, attributes in order, children), each string with its length before it, so two items have
 * the same fingerprint when they would be written as the same HTML (up to a collision, about 2<sup>-64</sup>),
 * without writing it. The seeds are drawn at random for each runtime, so that content cannot be chosen ahead to
 * collide.
 */
final class ItemPrint {

    private static final long PRIME = 0x100000001B3L;
    private static final long KEY_SEED;
    private static final long ITEM_SEED;

    static {
        SecureRandom random = new SecureRandom();
        KEY_SEED = random.nextLong();
        ITEM_SEED = random.nextLong();
    }

    private ItemPrint() {
    }

    /** A key's 32-bit fingerprint, never 0. */
    static int ofKey(String key) {
        int h = (int) (finish(string(KEY_SEED, key)) >>> 32);
        return h == 0 ? 1 : h;
    }

    static long of(VElement item) {
        return finish(element(ITEM_SEED, item));
    }

    private static long element(long h, VElement e) {
        h = string(h, e.tag());
        h = (h ^ e.namespace().ordinal()) * PRIME;
        String[] attrs = e.attributeArray();
        h = (h ^ attrs.length) * PRIME;
        for (String a : attrs) {
            h = string(h, a);
        }
        VNode[] kids = e.childArray();
        h = (h ^ kids.length) * PRIME;
        for (VNode kid : kids) {
            if (kid instanceof VElement child) {
                h = (h ^ 'E') * PRIME;
                h = element(h, child);
            } else {
                h = (h ^ 'T') * PRIME;
                h = string(h, ((VText) kid).text());
            }
        }
        return h;
    }

    /** FNV-1a over the length, then the UTF-16 code units. */
    private static long string(long h, String s) {
        int n = s.length();
        h = (h ^ n) * PRIME;
        for (int i = 0; i < n; i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return h;
    }

    /** MurmurHash3's 64-bit finalizer. */
    static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
