package dev.relive.launcher.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the time of the events held by a swap goes, seen from the load generator: for each swap, when the hold
 * began, when the sessions were released, how long their held events waited for the release and then for their
 * answers, how the events sent just after a release fared, and the CPU the server and the generator took meanwhile.
 *
 * <p>The hold's start is worked out from each session's {@code hvr-applied} frame: it arrives {@code restore} ms
 * (plus the render and the send) after the end of the update, which took {@code update} (and {@code refresh}) ms
 * after the {@code snapshot} phase, during which the sessions were held. The earliest such estimate of a swap is its
 * hold's start; a session's release is when its frame arrived (it is rendered, then released). Both processes read
 * the same monotonic clock, so the server's CPU samples line up with the generator's.
 */
final class SwapTimeline {

    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern PHASE = Pattern.compile("\"(snapshot|update|refresh|restore)\":(\\d+)");

    /** One session's {@code hvr-applied}: when it arrived, how long after its hold began, and its events. */
    record Applied(int version, long arrived, long sinceHold, String phases, List<long[]> events) {
    }

    private final List<Applied> applied = new ArrayList<>();
    private final List<long[]> cpu = new ArrayList<>();

    /** Reads an {@code hvr-applied} frame that arrived at {@code arrived} for a session whose events are those. */
    synchronized void applied(String frame, long arrived, List<long[]> events) {
        Matcher v = VERSION.matcher(frame);
        if (!v.find()) {
            return;
        }
        long sinceHold = 0;
        StringBuilder phases = new StringBuilder();
        Matcher p = PHASE.matcher(frame.substring(frame.indexOf("\"phases\"")));
        while (p.find()) {
            sinceHold += Long.parseLong(p.group(2));
            phases.append(phases.isEmpty() ? "" : " ").append(p.group(1)).append('=').append(p.group(2));
        }
        applied.add(new Applied(Integer.parseInt(v.group(1)), arrived, sinceHold * 1_000_000, phases.toString(),
                events));
    }

    /** A sample of both processes' CPU time so far, in nanoseconds. */
    synchronized void cpu(long at, long server, long generator) {
        cpu.add(new long[] {at, server, generator});
    }

    synchronized void print() {
        Map<Integer, List<Applied>> swaps = new TreeMap<>();
        for (Applied a : applied) {
            swaps.computeIfAbsent(a.version(), k -> new ArrayList<>()).add(a);
        }
        swaps.forEach(this::printSwap);
    }

    private void printSwap(int version, List<Applied> sessions) {
        long hold = sessions.stream().mapToLong(a -> a.arrived() - a.sinceHold()).min().orElse(0);
        Stats released = new Stats();
        Stats waited = new Stats();
        Stats drained = new Stats();
        Stats heldRtt = new Stats();
        Stats afterRtt = new Stats();
        Stats beforeRtt = new Stats();
        long lastAnswer = hold;
        for (Applied a : sessions) {
            released.add(micros(a.arrived() - hold));
            synchronized (a.events()) {
                for (long[] e : a.events()) {
                    long sent = e[0];
                    long answered = e[1];
                    if (sent >= hold && sent < a.arrived()) {
                        waited.add(micros(a.arrived() - sent));
                        drained.add(micros(Math.max(0, answered - a.arrived())));
                        heldRtt.add(micros(answered - sent));
                        lastAnswer = Math.max(lastAnswer, answered);
                    } else if (sent >= a.arrived() && sent < a.arrived() + 1_000_000_000L) {
                        afterRtt.add(micros(answered - sent));
                    } else if (sent < hold && sent >= hold - 1_000_000_000L) {
                        beforeRtt.add(micros(answered - sent));
                    }
                }
            }
        }
        Instant began = Instant.now().minusNanos(System.nanoTime() - hold);
        Applied first = sessions.stream().min((a, b) -> Long.compare(a.arrived(), b.arrived())).orElseThrow();
        System.out.printf("swap v%d (%d sessions), hold began %s (nanoTime %d): released %s after it (first, median, p99, last);"
                + " last held event answered at +%.0f ms; CPU from the hold to then: %s; first frame's phases: %s%n",
                version, sessions.size(), began, hold, spread(released), (lastAnswer - hold) / 1e6,
                cpuBetween(hold, lastAnswer), first.phases());
        System.out.printf("  %d held events: waited for their release %s, then for their answer %s; round trip %s%n",
                waited.count(), spread(waited), spread(drained), spread(heldRtt));
        System.out.printf("  round trip of the %d events sent in the 1 s after their session's release %s, of the %d"
                + " sent in the 1 s before the hold %s%n", afterRtt.count(), spread(afterRtt), beforeRtt.count(),
                spread(beforeRtt));
    }

    /** Server and generator CPU between two instants, in % of one core. */
    private String cpuBetween(long from, long to) {
        long[] a = null;
        long[] b = null;
        for (long[] s : cpu) {
            if (s[0] <= from) {
                a = s;
            }
            if (b == null && s[0] >= to) {
                b = s;
            }
        }
        if (a == null || b == null || b[0] == a[0]) {
            return "(no samples)";
        }
        double span = b[0] - a[0];
        return String.format("server %.0f%%, load generator %.0f%% of one core over %.0f ms", 100 * (b[1] - a[1]) / span,
                100 * (b[2] - a[2]) / span, span / 1e6);
    }

    private static String spread(Stats s) {
        return s.count() == 0 ? "-" : String.format("%.0f/%.0f/%.0f/%.0f ms", s.percentile(0) / 1e3,
                s.percentile(50) / 1e3, s.percentile(99) / 1e3, s.percentile(100) / 1e3);
    }

    private static long micros(long nanos) {
        return nanos / 1000;
    }
}
