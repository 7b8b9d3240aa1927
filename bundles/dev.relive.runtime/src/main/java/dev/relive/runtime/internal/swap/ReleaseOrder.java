package dev.relive.runtime.internal.swap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The order in which a swap restores and releases its held sessions: those with events waiting first, the longest
 * waiting first, then the others in the order they were captured. A session whose user is acting gets the new code
 * (and its answers) before one that is idle, and the events held longest are answered first.
 */
final class ReleaseOrder {

    private ReleaseOrder() {
    }

    static List<CapturedSession> of(List<CapturedSession> captured) {
        List<Waiting> waiting = new ArrayList<>(captured.size());
        for (int i = 0; i < captured.size(); i++) {
            OptionalLong since = captured.get(i).session().waitingSince();
            waiting.add(new Waiting(captured.get(i), since.isPresent(), since.orElse(0), i));
        }
        waiting.sort(Comparator.comparing(Waiting::idle).thenComparing(ReleaseOrder::longerWaiting)
                .thenComparingInt(Waiting::index));
        return waiting.stream().map(Waiting::session).toList();
    }

    /** Compares two waiting times as {@link System#nanoTime()} values are compared: by their difference. */
    private static int longerWaiting(Waiting a, Waiting b) {
        return a.idle() || b.idle() ? 0 : Long.signum(a.since() - b.since());
    }

    /** One session, read once so that the sort sees a fixed value while events keep arriving. */
    private record Waiting(CapturedSession session, boolean queued, long since, int index) {
        boolean idle() {
            return !queued;
        }
    }
}
