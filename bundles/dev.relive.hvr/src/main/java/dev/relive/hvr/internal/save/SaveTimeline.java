package dev.relive.hvr.internal.save;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The phases of one save and how long each took, in milliseconds, in the order they ran. Owned by the pipeline:
 * stages return their results, and the pipeline marks the end of each phase here.
 */
final class SaveTimeline {

    private final long savedAt;
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** @param savedAt when the save happened, in epoch milliseconds: the {@code watch} phase runs from then to now */
    SaveTimeline(long savedAt) {
        this.savedAt = savedAt;
        phases.put("watch", Math.max(0, System.currentTimeMillis() - savedAt));
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

    /** Milliseconds from the save to now. */
    long sinceSaved() {
        return Math.max(0, System.currentTimeMillis() - savedAt);
    }

    Map<String, Long> phases() {
        return new LinkedHashMap<>(phases);
    }
}
