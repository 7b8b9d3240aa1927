package dev.relive.runtime.internal.vdom;

import java.security.SecureRandom;

/**
 * A 64-bit fingerprint of a stretch of markup, for {@link WellFormedParser} to tell that a keyed element's markup is
 * the same as at the last parse without keeping that markup. Two lanes, each taking two UTF-16 code units per step
 * (xor, multiply by an odd constant, rotate), from seeds drawn at random for each runtime so that content cannot be
 * chosen ahead to collide, then mixed with the length by MurmurHash3's finalizer ({@link ItemPrint#finish}). Two
 * stretches of different markup have the same print about once in 2<sup>64</sup>, as {@link ItemPrint}'s; the two
 * lanes let the processor work on both at once.
 */
final class SourcePrint {

    private static final long M = 0x9E3779B97F4A7C15L;
    private static final long SEED_A;
    private static final long SEED_B;

    static {
        SecureRandom random = new SecureRandom();
        SEED_A = random.nextLong();
        SEED_B = random.nextLong();
    }

    private SourcePrint() {
    }

    /** The print of {@code s} from {@code from} (inclusive) to {@code to} (exclusive). */
    static long of(String s, int from, int to) {
        long a = SEED_A;
        long b = SEED_B;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            a = Long.rotateLeft((a ^ (s.charAt(i) | (long) s.charAt(i + 1) << 16)) * M, 27);
            b = Long.rotateLeft((b ^ (s.charAt(i + 2) | (long) s.charAt(i + 3) << 16)) * M, 27);
        }
        for (; i < to; i++) {
            a = Long.rotateLeft((a ^ s.charAt(i)) * M, 27);
        }
        return ItemPrint.finish(ItemPrint.finish(a ^ (to - from)) + b * M);
    }
}
