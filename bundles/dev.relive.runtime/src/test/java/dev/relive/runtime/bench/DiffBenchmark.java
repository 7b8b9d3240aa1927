package dev.relive.runtime.bench;

import dev.relive.runtime.internal.vdom.Differ;
import dev.relive.runtime.internal.vdom.HtmlParser;
import dev.relive.runtime.internal.vdom.HtmlWriter;
import dev.relive.runtime.internal.vdom.Patch;
import dev.relive.runtime.internal.vdom.PatchApplier;
import dev.relive.runtime.internal.vdom.PatchJson;
import dev.relive.runtime.internal.vdom.VElement;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Benchmark of the virtual DOM on a 1,000-row keyed table, with a non-diffing baseline (sending the whole
 * HTML). Prints median and p99 per operation, the heap it allocates (a figure the machine's load does not change),
 * the spread of the medians of the windows its time is cut into, and the bytes of the patches JSON against the full
 * HTML. "a render taking the unchanged rows" is what a session does on each event of a page without streams: its
 * parse takes the keyed rows whose markup did not change from its last tree ({@link HtmlParser#parseReusing});
 * "(a render)" is the same without that, as sessions rendered before; "parse + diff + JSON" is that work with a parse
 * that shares every string, as before {@link Differ#diffSharing}.
 * Not a test: it asserts nothing.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -q -pl bundles/dev.relive.runtime -am install -DskipTests     (once, so dev.relive.api resolves)
 * mvn -q -pl bundles/dev.relive.runtime test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.relive.runtime.bench.DiffBenchmark
 * </pre>
 * Optional arguments: rows (default 1000), seconds measured per case (default 2), windows the measured time is cut
 * into (default 3; each window's median is kept, and the lowest and highest printed).
 */
public final class DiffBenchmark {

    private static volatile Object sink;
    private static int rounds = 3;

    private DiffBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        rounds = args.length > 2 ? Math.max(1, Integer.parseInt(args[2])) : 3;
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        int[] reversed = new int[rows];
        for (int i = 0; i < rows; i++) {
            reversed[i] = rows - 1 - i;
        }
        List<Integer> movedList = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            movedList.add(i);
        }
        movedList.add(rows * 9 / 10, movedList.remove(rows / 100)); // one row moved far down
        int[] moved = movedList.stream().mapToInt(Integer::intValue).toArray();

        String baseHtml = table(order, -1);
        String changedHtml = table(order, rows / 2);
        String reversedHtml = table(reversed, -1);
        String movedHtml = table(moved, -1);
        VElement base = HtmlParser.parse(baseHtml);
        VElement changed = HtmlParser.parse(changedHtml);
        VElement reversedTree = HtmlParser.parse(reversedHtml);
        VElement movedTree = HtmlParser.parse(movedHtml);
        String field = "<div class=\"field\"><label for=\"q\">Search</label><input id=\"q\" name=\"q\"></div>";
        VElement formAbove = HtmlParser.parse("<form>" + field + "</form>" + baseHtml);
        VElement formWrapped = HtmlParser.parse("<form><section class=\"card\">" + field + "</section></form>" + baseHtml);

        System.out.printf(Locale.ROOT, "Relive vdom benchmark: %d keyed rows, %s, %d cores%n", rows,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s %10s   %s%n", "operation", "median", "p99", "samples",
                "heap/op", "medians of " + rounds + " windows, lowest - highest");
        run("diff, 1 row changed", seconds, () -> Differ.diff(base, changed));
        run("diff, 1 row moved", seconds, () -> Differ.diff(base, movedTree));
        run("diff, all rows reversed", seconds, () -> Differ.diff(base, reversedTree));
        run("diff, form field above wrapped (id kept)", seconds, () -> Differ.diff(formAbove, formWrapped));
        run("parse, 1 row changed", seconds, () -> HtmlParser.parse(changedHtml));
        run("parse + diff, 1 row changed", seconds, () -> Differ.diff(base, HtmlParser.parse(changedHtml)));
        run("parse + diff + JSON, 1 row changed", seconds,
                () -> PatchJson.toJson(Differ.diff(base, HtmlParser.parse(changedHtml))));
        // what a session does on each render: the parse shares no strings, the diff gives the new tree the old's
        // equal nodes and shares the rest
        run("unshared parse + diffSharing + JSON (a render)", seconds,
                () -> PatchJson.toJson(Differ.diffSharing(base, HtmlParser.parseUnshared(changedHtml))));
        // what a session does since it takes the keyed rows whose markup did not change from its last tree
        VElement lastRender = HtmlParser.parseReusing(baseHtml, null, true).root();
        run("a render taking the unchanged rows", seconds, () -> PatchJson.toJson(
                Differ.diffSharing(lastRender, HtmlParser.parseReusing(changedHtml, lastRender, false))));
        List<Patch> changedPatches = Differ.diff(base, changed);
        run("apply patches (server copy), 1 row changed", seconds, () -> PatchApplier.apply(changedPatches, base));
        run("baseline: write full HTML", seconds, () -> HtmlWriter.writeInner(changed));
        run("baseline: parse + write full HTML", seconds, () -> HtmlWriter.writeInner(HtmlParser.parse(changedHtml)));

        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %12s %12s %8s%n", "payload", "patches B", "full HTML B", "patches");
        bytes("1 row changed", base, changed);
        bytes("1 row moved", base, movedTree);
        bytes("all rows reversed", base, reversedTree);
        bytes("form field above wrapped (id kept)", formAbove, formWrapped);
    }

    private static String table(int[] order, int changed) {
        StringBuilder sb = new StringBuilder("<table><thead><tr><th>Id</th><th>Label</th></tr></thead><tbody>");
        for (int id : order) {
            sb.append("\n  <tr rl-key=\"row-").append(id).append("\"><td>").append(id).append("</td><td>")
                    .append(id == changed ? "changed label " : "label ").append(id).append("</td></tr>");
        }
        return sb.append("\n</tbody></table>").toString();
    }

    /**
     * Times {@code op} after a warm-up: the measured time is cut into {@link #rounds} windows, and besides the median
     * and p99 of all samples the lowest and highest of the windows' medians are printed, which show how much the
     * machine itself varied while the case ran.
     */
    private static void run(String name, double seconds, Supplier<Object> op) {
        long warmupEnd = System.nanoTime() + (long) (seconds * 0.75e9);
        while (System.nanoTime() < warmupEnd) {
            sink = op.get();
        }
        long[] samples = new long[200_000];
        int n = 0;
        long allocatedBefore = allocatedBytes();
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        for (int round = 0; round < rounds; round++) {
            int first = n;
            long end = System.nanoTime() + (long) (seconds * 1e9 / rounds);
            while (n < samples.length && (n - first < 20 || System.nanoTime() < end)) {
                long t0 = System.nanoTime();
                sink = op.get();
                samples[n++] = System.nanoTime() - t0;
            }
            long[] window = Arrays.copyOfRange(samples, first, n);
            Arrays.sort(window);
            lowest = Math.min(lowest, window[window.length / 2]);
            highest = Math.max(highest, window[window.length / 2]);
        }
        // the windows' copies and sorts are counted too: a few KB per window, against the samples' total
        long allocated = allocatedBefore < 0 ? -1 : (allocatedBytes() - allocatedBefore) / n;
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %10d %10s   %s - %s%n", name, micros(s[n / 2]),
                micros(s[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)]), n,
                allocated < 0 ? "-" : String.format(Locale.ROOT, "%.1f KB", allocated / 1000.0), micros(lowest).trim(),
                micros(highest).trim());
    }

    /** The heap this thread has allocated so far, where the JVM counts it (HotSpot does); else -1. */
    private static long allocatedBytes() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                ? mx.getCurrentThreadAllocatedBytes() : -1;
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1000.0);
    }

    private static void bytes(String name, VElement from, VElement to) {
        List<Patch> patches = Differ.diff(from, to);
        int json = PatchJson.toJson(patches).getBytes(StandardCharsets.UTF_8).length;
        int html = HtmlWriter.writeInner(to).getBytes(StandardCharsets.UTF_8).length;
        System.out.printf(Locale.ROOT, "%-44s %12d %12d %8d%n", name, json, html, patches.size());
    }
}
