package dev.relive.runtime.internal.session;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.runtime.internal.cluster.MemoryStateStore;
import dev.relive.runtime.internal.cluster.StateWriter;
import dev.relive.runtime.internal.cluster.TabStateCodec;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.StubReference;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.render.TemplateRenderer;

/**
 * The cost of writing tab state behind events: the same events on the same tabs (a chat view keeping its last 50
 * lines and a draft), run by two worker threads to their end, without a state store, with an in-JVM store written at
 * most every 200 ms per tab (the default), and with one written after every event (delay 0), in one run. Prints
 * events per second (until every tab has run all its events) and the process's CPU time per event (events, renders,
 * diffs, captures, serialization and the store's puts), then the time of one capture and its JSON alone. Not a test:
 * it asserts nothing, and exits by itself.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -q -pl bundles/dev.relive.runtime test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.relive.runtime.internal.session.StateWriteBenchmark
 * </pre>
 * Optional arguments: tabs (default 100), events per tab (default 100), rounds (default 5).
 */
public final class StateWriteBenchmark {

    /** A chat tab: its last 50 lines, a draft and a count. */
    public static class ChatTabView extends LiveView {
        public List<String> lines = new ArrayList<>();
        public String draft = "";
        public int sent;

        @EventHandler
        public void say(String text) {
            lines.add(text);
            if (lines.size() > 50) {
                lines.remove(0);
            }
            sent++;
            draft = text.substring(0, Math.min(8, text.length()));
        }

        @Override
        public String template() {
            return "<p>{{ sent }}</p><input value=\"{{ draft }}\"><ul>{% for l in lines %}<li>{{ l }}</li>"
                    + "{% endfor %}</ul>";
        }
    }

    private record Result(String mode, int events, double seconds, double cpuMicrosPerEvent, int puts, int bytes) {
    }

    private StateWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tabs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String[] modes = {"no store", "store, 200 ms", "store, every event"};
        long[] delays = {-1, 200, 0};
        for (int m = 0; m < modes.length; m++) {
            run("warm-up", tabs, events, delays[m]);
        }
        List<List<Result>> byMode = new ArrayList<>();
        for (int m = 0; m < modes.length; m++) {
            byMode.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) { // the modes interleaved, so that the machine's load hits all
            for (int m = 0; m < modes.length; m++) {
                byMode.get(m).add(run(modes[m], tabs, events, delays[m]));
            }
        }
        System.out.printf(Locale.ROOT, "%d tabs x %d events (say, on a 50-line chat view), two worker threads, "
                + "median of %d rounds%n", tabs, events, rounds);
        System.out.printf(Locale.ROOT, "%-20s %10s %12s %16s %8s %12s%n", "mode", "events", "events/s",
                "CPU us/event", "puts", "bytes/put");
        for (List<Result> results : byMode) {
            Result r = results.get(0);
            System.out.printf(Locale.ROOT, "%-20s %10d %12.0f %16.1f %8d %12d%n", r.mode(), r.events(),
                    median(results.stream().mapToDouble(x -> x.events() / x.seconds()).toArray()),
                    median(results.stream().mapToDouble(Result::cpuMicrosPerEvent).toArray()),
                    (int) median(results.stream().mapToDouble(Result::puts).toArray()), r.bytes());
        }
        System.out.printf(Locale.ROOT, "capture and JSON of one tab (%d bytes), on the calling thread: %.1f us%n",
                byMode.get(0).get(0).bytes() == 0 ? byMode.get(1).get(0).bytes() : byMode.get(0).get(0).bytes(),
                captureMicros(2000));
        System.exit(0);
    }

    /** The median time of one write's own work: the capture of a tab's views and its JSON, over {@code n} runs. */
    private static double captureMicros(int n) throws Exception {
        ObjectMapper json = ProtocolJson.newMapper();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        StateWriter writer = new StateWriter(0, 300, 262144, reference -> Set.of());
        TabSession tab = new TabSession("s", new BrowserChannel(discarding(), false),
                new ViewWorkerBudget(Runnable::run, 1), timer, new TemplateRenderer(), new ViewRegistry(null),
                new HandlerInvoker(json), new FieldBinder(json), Messaging.local());
        ClusterTab cluster = new ClusterTab(tab, writer);
        tab.joinCluster(cluster, "benchmark-resume-key-capture");
        tab.submit(() -> tab.mount(new RouteMatch(StubReference.typeOf(new ChatTabView(), "/chat"), Map.of()),
                "/chat", Map.of()));
        for (int e = 0; e < 60; e++) {
            tab.event(e, null, "say", json.readTree("{\"text\":\"line " + e + " of a chat message of average length\"}"));
        }
        TabStateCodec codec = new TabStateCodec(262144);
        double[] micros = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            codec.encode(cluster.capture(writer.mapper(), writer::injected));
            micros[i] = (System.nanoTime() - start) / 1e3;
        }
        timer.shutdownNow();
        return median(micros);
    }

    private static double median(double[] values) {
        java.util.Arrays.sort(values);
        return values[values.length / 2];
    }

    /** {@code delayMs} negative: no store. */
    private static Result run(String mode, int tabCount, int eventsPerTab, long delayMs) throws Exception {
        ObjectMapper json = ProtocolJson.newMapper();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        MemoryStateStore store = new MemoryStateStore();
        StateWriter writer = new StateWriter(Math.max(0, delayMs), 300, 262144, reference -> Set.of());
        if (delayMs >= 0) {
            writer.setStore(store);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2); // the tabs' workers, as the runtime's pool
        ViewWorkerBudget workers = new ViewWorkerBudget(pool, 2);
        TemplateRenderer renderer = new TemplateRenderer();
        HandlerInvoker invoker = new HandlerInvoker(json);
        FieldBinder binder = new FieldBinder(json);
        List<TabSession> tabs = new ArrayList<>();
        for (int i = 0; i < tabCount; i++) {
            TabSession tab = new TabSession("s" + i, new BrowserChannel(discarding(), false), workers, timer,
                    renderer, new ViewRegistry(null), invoker, binder,
                    Messaging.local());
            tab.joinCluster(new ClusterTab(tab, writer), "benchmark-resume-key-" + i);
            tab.submit(() -> tab.mount(new RouteMatch(StubReference.typeOf(new ChatTabView(), "/chat"), Map.of()),
                    "/chat", Map.of()));
            tabs.add(tab);
        }
        CountDownLatch mounted = new CountDownLatch(tabs.size());
        tabs.forEach(tab -> tab.submit(mounted::countDown));
        mounted.await();
        List<JsonNode> params = new ArrayList<>();
        for (int e = 0; e < 16; e++) {
            params.add(json.readTree("{\"text\":\"line " + e + " of a chat message of average length\"}"));
        }
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        for (int e = 0; e < eventsPerTab; e++) {
            JsonNode p = params.get(e % params.size());
            for (TabSession tab : tabs) {
                long ref = e;
                tab.submit(() -> tab.event(ref, null, "say", p));
            }
        }
        CountDownLatch done = new CountDownLatch(tabs.size());
        tabs.forEach(tab -> tab.submit(done::countDown)); // after each tab's events, in its order
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (delayMs >= 0) {
            Thread.sleep(delayMs + 300); // the writes due after the last events
        }
        long cpu = processCpuNanos() - cpuBefore;
        int events = tabCount * eventsPerTab;
        int puts = store.puts.get();
        int bytes = store.entries.values().stream().mapToInt(b -> b.length).max().orElse(0);
        writer.stop();
        timer.shutdownNow();
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        return new Result(mode, events, seconds, cpu / 1e3 / events, puts, bytes);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Connection discarding() {
        return new Connection() {
            @Override
            public void send(String frame) {
            }

            @Override
            public void close(int status, String reason) {
            }
        };
    }
}
