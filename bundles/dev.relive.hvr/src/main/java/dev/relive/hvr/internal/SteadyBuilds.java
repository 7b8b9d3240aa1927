package dev.relive.hvr.internal;

import java.util.Arrays;

/**
 * Tells when the warm-up's builds have stopped getting faster, so that the JIT has compiled what they run: the
 * projects are built round-robin, and after {@link #STEADY_ROUNDS} rounds in a row in which no build was
 * {@link #FASTER_PERCENT} % faster than its project's best so far (and at least {@link #FASTER_MS} ms faster, so that
 * the jitter of a project with little to build does not count), and {@link #MIN_BUILDS} builds at least, they are
 * steady.
 */
final class SteadyBuilds {

    static final int MIN_BUILDS = 6;
    static final int FASTER_PERCENT = 10;
    static final int FASTER_MS = 5;
    static final int STEADY_ROUNDS = 3;

    private final long[] best;
    private int builds;
    private int steadyRounds;
    private boolean fasterThisRound;

    SteadyBuilds(int projects) {
        best = new long[projects];
        Arrays.fill(best, Long.MAX_VALUE);
    }

    /** Records that project {@code project} (in round-robin order) took {@code ms}; true once the builds are steady. */
    boolean record(int project, long ms) {
        builds++;
        if (best[project] == Long.MAX_VALUE
                || (ms * 100 < best[project] * (100 - FASTER_PERCENT) && best[project] - ms >= FASTER_MS)) {
            fasterThisRound = true;
        }
        best[project] = Math.min(best[project], ms);
        if (project == best.length - 1) {
            steadyRounds = fasterThisRound ? 0 : steadyRounds + 1;
            fasterThisRound = false;
        }
        return steadyRounds >= STEADY_ROUNDS && builds >= MIN_BUILDS;
    }
}
