package dev.relive.hvr.internal.save;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The phases of one save and how long each took, in milliseconds, in the order they ran. Owned by the pipeline:
 * stages return their results, and the pipeline marks the end of each phase here.
 */
final class SaveTimeline {

    private final long savedNanos;
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /**
     * @param savedNanos when the watcher saw the save, in {@link System#nanoTime()} terms: the {@code watch} phase
     *        runs from then to now
     */
    SaveTimeline(long savedNanos) {
        this.savedNanos = savedNanos;
        phases.put("watch", sinceSaved());
    }

    /** Ends {@code phase}: it ran from the end of the previous one to now. */
    void mark(String phase) {
        long now = System.nanoTime();
        phases.put(phase, (now - last) / 1_000_000);
        last = now;
    }

    /** Records {@code phase} as measured by a stage; the next phase starts now. */
    void add(String phase, Duration took) {
        phases.put(phase, took.toMillis());
        last = System.nanoTime();
    }

    /**
     * Records {@code part} of the phase {@code phase} as {@code phase/part}: a detail of a phase already counted,
     * which does not move the start of the next phase.
     */
    void detail(String phase, String part, Duration took) {
        phases.put(phase + "/" + part, took.toMillis());
    }

    /** The phases so far, with {@code running}, the phase in progress, up to now. */
    Map<String, Long> phasesWith(String running) {
        Map<String, Long> all = phases();
        all.put(running, (System.nanoTime() - last) / 1_000_000);
        return all;
    }

    /** Milliseconds from the save to now. */
    long sinceSaved() {
        return Math.max(0, (System.nanoTime() - savedNanos) / 1_000_000);
    }

    Map<String, Long> phases() {
        return new LinkedHashMap<>(phases);
    }
}
