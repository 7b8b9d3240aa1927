package dev.relive.runtime.internal.swap;

import java.util.List;

/**
 * The held sessions of one round of a swap not restored yet, handed out most urgent first ({@link ReleaseOrder}).
 * The order is worked out again every {@value #RANK_EVERY} sessions taken, so that a session whose user acts while
 * the others are being restored moves ahead of the idle ones, instead of waiting for its place in the order of the
 * round's start. Thread-safe.
 */
final class RestoreQueue {

    /** Sessions taken between two rankings: each costs a look at every session left. */
    static final int RANK_EVERY = 8;

    private final int size;
    private List<CapturedSession> left;
    private int next;
    private int taken;

    RestoreQueue(List<CapturedSession> round) {
        this.size = round.size();
        this.left = round;
    }

    int size() {
        return size;
    }

    /** The most urgent session not taken yet; {@code null} when every one is taken. */
    synchronized CapturedSession next() {
        if (next == left.size()) {
            return null;
        }
        if (taken++ % RANK_EVERY == 0) {
            left = ReleaseOrder.of(left.subList(next, left.size()));
            next = 0;
        }
        return left.get(next++);
    }
}
