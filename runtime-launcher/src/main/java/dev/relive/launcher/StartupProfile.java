package dev.relive.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where start-up time goes ({@code --profile-startup}): named steps with their start and end, printed as a table
 * once HTTP answers, to {@code ready}. Times count from the process's start where the operating system says it
 * precisely enough (Linux: {@code /proc}, to 10 ms), else from {@code main}. Off, it records nothing.
 */
final class StartupProfile {

    private record Step(String name, long from, long to) {
    }

    /** Linux's USER_HZ, the unit of {@code /proc/self/stat}'s times: 100 on every architecture the JDK runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

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
        long processToMain = processToMainMillis();
        long origin = Math.max(0, processToMain);
        StringBuilder out = new StringBuilder("relive: start-up profile (ms since the "
                + (processToMain < 0 ? "launcher's main" : "process started") + "; took)\n");
        if (processToMain >= 0) {
            out.append(String.format("  %6d %6d  %s%n", processToMain, processToMain,
                    "process start to main (JVM start, class loading, to 10 ms)"));
        }
        synchronized (steps) {
            for (Step s : steps) {
                long at = millis(s.to() - mainNanos) + origin;
                long took = millis(s.to() - s.from());
                out.append(String.format("  %6d %6s  %s%n", at, s.to() == s.from() ? "" : Long.toString(took),
                        s.name()));
            }
        }
        System.out.print(out);
        System.out.flush();
    }

    /**
     * From the process's start to {@code main}, or -1 where that is not known to better than a second. Linux counts a
     * process's start in clock ticks since boot ({@code /proc/self/stat}) and the time since boot in
     * {@code /proc/uptime}, both to 10 ms; the JDK's process start instant adds the boot time, which it knows to the
     * second only.
     */
    private long processToMainMillis() {
        long sinceMain = millis(System.nanoTime() - mainNanos);
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            String uptime = Files.readString(Path.of("/proc/uptime")).split(" ")[0];
            long uptimeMillis = Math.round(Double.parseDouble(uptime) * 1000);
            long processMillis = uptimeMillis - startTicks * 1000 / CLOCK_TICKS_PER_SECOND;
            return processMillis >= sinceMain ? processMillis - sinceMain : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
