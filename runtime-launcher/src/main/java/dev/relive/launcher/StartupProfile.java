package dev.relive.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where start-up time goes ({@code --profile-startup}): named steps with their start and end, printed as a table
 * once HTTP answers, from the JVM's start (as the operating system saw it) to {@code ready}. Off, it records nothing.
 */
final class StartupProfile {

    private record Step(String name, long from, long to) {
    }

    private final boolean enabled;
    private final long mainNanos;
    private final List<Step> steps = new ArrayList<>();

    StartupProfile(boolean enabled, long mainNanos) {
        this.enabled = enabled;
        this.mainNanos = mainNanos;
    }

    boolean enabled() {
        return enabled;
    }

    /** Records a step that began at {@code fromNanos} and ends now. */
    void step(String name, long fromNanos) {
        if (enabled) {
            long now = System.nanoTime();
            synchronized (steps) {
                steps.add(new Step(name, fromNanos, now));
            }
        }
    }

    /** Records a moment (a step of no length). */
    void moment(String name) {
        if (enabled) {
            long now = System.nanoTime();
            synchronized (steps) {
                steps.add(new Step(name, now, now));
            }
        }
    }

    void print() {
        if (!enabled) {
            return;
        }
        long jvmToMain = jvmToMainMillis();
        StringBuilder out = new StringBuilder("relive: start-up profile (ms since the JVM started; took)\n");
        out.append(String.format("  %6s %6s  %s%n", jvmToMain < 0 ? "?" : "0", jvmToMain < 0 ? "?" : jvmToMain,
                "JVM start to main"));
        synchronized (steps) {
            for (Step s : steps) {
                long at = millis(s.to() - mainNanos) + Math.max(0, jvmToMain);
                long took = millis(s.to() - s.from());
                out.append(String.format("  %6d %6s  %s%n", at, s.to() == s.from() ? "" : Long.toString(took),
                        s.name()));
            }
        }
        System.out.print(out);
        System.out.flush();
    }

    private long jvmToMainMillis() {
        long sinceMain = millis(System.nanoTime() - mainNanos);
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis() - sinceMain)
                .orElse(-1L);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
