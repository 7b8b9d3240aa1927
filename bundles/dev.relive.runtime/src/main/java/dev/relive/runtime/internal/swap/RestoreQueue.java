package dev.relive.runtime.internal.swap;

import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * The held sessions of one round of a swap not restored yet, handed out most urgent first: those with events waiting,
 * the longest waiting first, then the idle ones in the order they were captured. A session whose user acts while the
 * others are being restored moves ahead of the idle ones left: every {@value #RANK_EVERY} sessions taken, the idle
 * ones are looked at again. A held session runs no events, so one found waiting stays waiting, with the same start,
 * until it is taken: only the idle ones need a second look, and nothing is sorted again. Thread-safe.
 */
final class RestoreQueue {

    /** Sessions taken between two looks at the idle ones left. */
    static final int RANK_EVERY = 8;

    private final int size;
    private final PriorityQueue<Waiting> waiting = new PriorityQueue<>(RestoreQueue::longerWaiting);
    /** In capture order; {@code null} once taken or found waiting. */
    private final CapturedSession[] idle;
    private int firstIdle;
    private int taken;

    RestoreQueue(List<CapturedSession> round) {
        this.size = round.size();
        this.idle = round.toArray(new CapturedSession[0]);
        lookAtIdle();
    }

    int size() {
        return size;
    }

    /** The most urgent session not taken yet; {@code null} when every one is taken. */
    synchronized CapturedSession next() {
        if (taken == size) {
            return null;
        }
        if (taken > 0 && taken % RANK_EVERY == 0) {
            lookAtIdle();
        }
        taken++;
        Waiting first = waiting.poll();
        if (first != null) {
            return first.session();
        }
        while (idle[firstIdle] == null) {
            firstIdle++;
        }
        CapturedSession next = idle[firstIdle];
        idle[firstIdle++] = null;
        return next;
    }

    /** Moves the idle sessions that have an event waiting now to {@link #waiting}. */
    private void lookAtIdle() {
        for (int i = firstIdle; i < idle.length; i++) {
            CapturedSession session = idle[i];
            if (session == null) {
                continue;
            }
            OptionalLong since = session.session().waitingSince();
            if (since.isPresent()) {
                waiting.add(new Waiting(session, since.getAsLong(), i));
                idle[i] = null;
            }
        }
    }

    /** Compares waiting times as {@link System#nanoTime()} values are compared (by their difference), then by capture. */
    private static int longerWaiting(Waiting a, Waiting b) {
        int bySince = Long.signum(a.since() - b.since());
        return bySince != 0 ? bySince : Integer.compare(a.index(), b.index());
    }

    /** A session found waiting, with the start of its wait read once. */
    private record Waiting(CapturedSession session, long since, int index) {
    }
}
