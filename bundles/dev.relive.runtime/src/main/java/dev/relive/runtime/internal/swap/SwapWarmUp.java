package dev.relive.runtime.internal.swap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.runtime.internal.protocol.ServerFrames;
import dev.relive.runtime.internal.state.ClassShape;
import dev.relive.runtime.internal.state.Restoration;
import dev.relive.runtime.internal.state.Compatibility;
import dev.relive.runtime.internal.state.StateMapper;
import dev.relive.runtime.internal.state.StateRestorer;
import dev.relive.runtime.internal.state.StateSnapshot;
import dev.relive.runtime.spi.HvrApplied;

/**
 * Captures and restores the state of a sample view-like object, with the kinds of fields views hold (numbers, text,
 * enums, records, lists and maps of them), a fixed number of times, and writes an {@code hvr-applied} frame: the
 * first real swap then finds Jackson's classes loaded and the capture and restore code compiled by the JIT.
 */
final class SwapWarmUp {

    private static final int ROUNDS = 50;

    private SwapWarmUp() {
    }

    static void run() {
        run(ROUNDS);
        // the frame every session gets after a save, written once so that the first save's are not the first
        ServerFrames.hvrApplied(new HvrApplied("sample.View", 1, "View.java", 1, "sample",
                Map.of("compile", 1L, "redefine/jvm", 1L), List.of()));
    }

    /** Returns how many rounds carried every field across (all of them, unless the state code is broken). */
    static int run(int rounds) {
        int carried = 0;
        for (int round = 0; round < rounds && !Thread.currentThread().isInterrupted(); round++) {
            ObjectMapper mapper = StateMapper.create();
            Sample old = new Sample(round);
            StateSnapshot snapshot = StateSnapshot.capture(old, mapper, Set.of());
            Sample fresh = new Sample(0);
            Compatibility.check(ClassShape.of(Sample.class), ClassShape.of(fresh.getClass()));
            Restoration restored = StateRestorer.restore(snapshot, fresh, mapper, Set.of());
            if (restored.failure().isEmpty() && restored.dropped().isEmpty() && fresh.sameAs(old)) {
                carried++;
            }
        }
        return carried;
    }

    /** Fields of the kinds views hold. */
    @SuppressWarnings("unused")
    private static final class Sample {

        enum Mood { CALM, HAPPY }

        record Entry(String text, Mood mood, int weight) {
        }

        private int count;
        private long total;
        private String caption;
        private boolean open;
        private Mood mood = Mood.CALM;
        private Entry last;
        private List<Entry> entries = new ArrayList<>();
        private Map<String, Integer> counts = new LinkedHashMap<>();
        private transient String draft;

        Sample(int n) {
            count = n;
            total = n * 31L;
            caption = "sample " + n;
            open = n % 2 == 0;
            mood = n % 3 == 0 ? Mood.HAPPY : Mood.CALM;
            for (int i = 0; i < n % 8; i++) {
                entries.add(new Entry("entry " + i, mood, i));
                counts.put("k" + i, i);
            }
            last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            draft = caption;
        }

        boolean sameAs(Sample other) {
            return count == other.count && total == other.total && caption.equals(other.caption)
                    && open == other.open && mood == other.mood && Objects.equals(last, other.last)
                    && entries.equals(other.entries) && counts.equals(other.counts);
        }
    }
}
