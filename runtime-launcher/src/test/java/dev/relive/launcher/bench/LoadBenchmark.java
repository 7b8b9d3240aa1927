package dev.relive.launcher.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.relive.launcher.DevWorkspace;
import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.TestFolders;

/**
 * Load over loopback: N concurrent WebSocket sessions mounted on the test view {@code /test/echo}, each sending
 * {@code add(1)} events at a steady rate; prints events/s, round-trip p50/p99, lost and doubled answers, whether
 * every session's final count is exact, the server heap per idle mounted session, and the CPU the server and the
 * load generator (this process) took while sending, and the round trip p99 of each second's events (the JIT compiles
 * the event path in the first seconds) and of the second half. Sessions mount 16 at a time; then the run waits until the
 * runtime is warm (HVR's warm-up over in dev runs, and a second with the server nearly idle) and prints how long
 * that took, so that the events measure the runtime and not its start-up. Before the runs it prints the heap
 * per idle session of the examples {@code /counter} and {@code /list}. With {@code --dev} the
 * runtime runs in dev mode on a workspace copy, and {@code --save-every S} saves a view source every S seconds
 * during the load (Hot View Replacement swaps under load): {@code BaseView.java}, which no session's view uses but
 * whose bundle they show, or with {@code --save-file EchoView.java} the sessions' own view; a save changes a method's
 * body (redefined in place), or with {@code --full-swaps} adds a method (the bundle is updated and every session on it
 * swapped). With {@code --before JAR} all of it runs first with that
 * launcher jar, then with this build's. {@code --java-options "OPTIONS"} starts the runtime (production or dev) with those
 * JVM options (a flight recording: {@code -XX:StartFlightRecording=filename=server.jfr,settings=profile});
 * with {@code --page-get} each session loads its page (and so gets a token of its own) before it mounts, as a
 * browser does, instead of all sharing one page's token. With {@code --timeline} it prints, for each swap under
 * load, when the sessions were released and where their held events' time went ({@link SwapTimeline}). No timing
 * decides anything: it only prints.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl runtime-launcher exec:exec@load -Dbench.args="--sessions 1,100,1000 --seconds 20 --rate 2"
 * </pre>
 */
public final class LoadBenchmark {

    private static final AtomicInteger ADDED_METHODS = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(1, 100, 1000);
        int seconds = 20;
        double rate = 2;
        boolean dev = false;
        int saveEvery = 0;
        Path before = null;
        List<String> javaOptions = new ArrayList<>();
        boolean pageGet = false;
        boolean timeline = false;
        String saveFile = "BaseView.java";
        boolean fullSwaps = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sessions" -> sizes = parseList(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--dev" -> dev = true;
                case "--save-every" -> saveEvery = Integer.parseInt(args[++i]);
                case "--before" -> before = Path.of(args[++i]).toAbsolutePath();
                case "--java-options" -> javaOptions.addAll(List.of(args[++i].trim().split("\\s+")));
                case "--page-get" -> pageGet = true;
                case "--timeline" -> timeline = true;
                case "--save-file" -> saveFile = args[++i];
                case "--full-swaps" -> fullSwaps = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path after = LauncherProcess.jar();
        for (Path jar : before == null ? List.of(after) : List.of(before, after)) {
            System.setProperty("relive.jar", jar.toString());
            if (before != null) {
                System.out.println(jar.equals(after) ? "[after] this build" : "[before] " + jar);
            }
            runAll(sizes, seconds, rate, dev, new Saves(saveEvery, saveFile, fullSwaps), javaOptions, pageGet,
                    timeline);
        }
    }

    /**
     * Every {@code seconds} s, a body edit of the test view source {@code file}, or with {@code fullSwaps} a new method
     * in it each time: a change of the class's shape, which updates the bundle and swaps its sessions.
     */
    private record Saves(int seconds, String file, boolean fullSwaps) {
    }

    private static void runAll(List<Integer> sizes, int seconds, double rate, boolean dev, Saves saveEvery,
            List<String> javaOptions, boolean pageGet, boolean timeline) throws Exception {
        DevWorkspace ws = dev ? DevWorkspace.startConfigured("/test/echo", RUNTIME_CONFIG, javaOptions) : null;
        Path dir = dev ? null : Files.createTempDirectory("relive-load");
        LauncherProcess relive;
        try {
            relive = dev ? ws.relive() : startProduction(dir, javaOptions);
        } catch (Exception | Error e) {
            if (dir != null) {
                TestFolders.deleteTree(dir); // the launch failed (bad --java-options): nothing else deletes it
            }
            throw e;
        }
        try {
            System.out.printf("Relive load benchmark: %s run, %d s per size, %.1f events/s per session%n",
                    dev ? "dev" : "production", seconds, rate);
            wireSizes(relive);
            footprint(relive);
            if (ws != null) {
                ws.awaitWarmUp(); // the heap it measures is the sessions', not the warm-up's builds in flight
            }
            viewHeap(relive, HEAP_SESSIONS);
            for (int n : sizes) {
                measure(relive, ws, n, seconds, rate, saveEvery, pageGet, timeline ? new SwapTimeline() : null);
            }
        } finally {
            if (ws != null) {
                ws.close();
            } else {
                relive.close();
                TestFolders.deleteTree(dir);
            }
        }
    }

    /** What HVR leaves in this runtime: its bundle, compiler classes, watcher threads. */
    private static void footprint(LauncherProcess relive) throws Exception {
        relive.command("lb -s");
        // the console runs commands in order: once this one answers, the bundle list is complete
        String lb = relive.run("relive:loaded end-of-bundle-list", l -> l.startsWith("prefix=end-of-bundle-list"),
                Duration.ofSeconds(10));
        boolean hvr = relive.stdout().contains("|dev.relive.hvr (");
        String javac = relive.run("relive:loaded com.sun.tools.javac", l -> l.startsWith("prefix="),
                Duration.ofSeconds(30));
        String ecj = relive.run("relive:loaded org.eclipse.jdt", l -> l.startsWith("prefix="), Duration.ofSeconds(30));
        String watcher = relive.run("relive:loaded relive-hvr", l -> l.startsWith("prefix="), Duration.ofSeconds(10));
        System.out.printf("footprint: dev.relive.hvr installed: %s; %s; %s; %s%n", hvr ? "yes" : "no", javac, ecj,
                watcher);
        if (lb == null) {
            throw new IllegalStateException("no lb output");
        }
    }

    private static final int HEAP_SESSIONS = 40;

    /**
     * Sessions opened after the first {@link #HEAP_SESSIONS}: what each of them adds is the cost of one more session,
     * without what the page's first sessions fill once (its template, shared strings and subtrees, buffer pools).
     */
    private static final int MORE_HEAP_SESSIONS = 200;

    /**
     * Heap per idle mounted session of the examples {@code /counter} and {@code /list} (500 rows), and of {@code /list}
     * after each session appended rows up to 10,000 (the example's "more" button, in batches of 1,000). Then what each
     * of {@link #MORE_HEAP_SESSIONS} more sessions adds, the first ones still open.
     */
    private static void viewHeap(LauncherProcess relive, int n) throws Exception {
        StringBuilder line = new StringBuilder("heap per idle session (" + n + " sessions each):");
        for (String path : List.of("/counter", "/list")) {
            long before = heap(relive);
            List<LoadSession> sessions = new ArrayList<>();
            String token = token(relive, path);
            for (int i = 0; i < n; i++) {
                sessions.add(LoadSession.open(relive, path, token));
            }
            long after = heap(relive);
            line.append(String.format(" %s %.1f KiB;", path, (after - before) / 1024.0 / n));
            if (path.equals("/list")) {
                for (int batch = 0; batch < 10; batch++) {
                    for (LoadSession s : sessions) {
                        s.send("more");
                    }
                    for (LoadSession s : sessions) {
                        s.awaitAll(Duration.ofSeconds(60));
                    }
                }
                long appended = heap(relive);
                line.append(String.format(" /list after appending to 10,000 rows %.1f KiB;", (appended - before) / 1024.0 / n));
            }
            long more = heap(relive);
            List<LoadSession> next = new ArrayList<>();
            for (int i = 0; i < MORE_HEAP_SESSIONS; i++) {
                next.add(LoadSession.open(relive, path, token));
            }
            line.append(String.format(" %s each of %d more %.1f KiB;", path, MORE_HEAP_SESSIONS,
                    (heap(relive) - more) / 1024.0 / MORE_HEAP_SESSIONS));
            sessions.addAll(next);
            for (LoadSession s : sessions) {
                s.close();
            }
            Thread.sleep(500);
        }
        System.out.println(line);
    }

    /** Every simulated user connects from 127.0.0.1: the per-address cap must let them all in. */
    private static final String RUNTIME_CONFIG = "max_sessions_per_address=20000\n";

    private static LauncherProcess startProduction(Path dir, List<String> javaOptions) throws Exception {
        Files.createDirectories(dir.resolve("deploy"));
        Path thirdParty = LauncherProcess.thirdParty();
        Files.copy(thirdParty.resolve("dev.relive.testlib.jar"), dir.resolve("deploy/testlib.jar"));
        Files.copy(thirdParty.resolve("dev.relive.testviews.jar"), dir.resolve("deploy/testviews.jar"));
        Files.writeString(dir.resolve("deploy/dev.relive.runtime.cfg"), RUNTIME_CONFIG);
        LauncherProcess relive = javaOptions.isEmpty() ? LauncherProcess.start(dir)
                : LauncherProcess.start(withOptions(javaOptions, dir));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (relive.get("/test/echo").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return relive;
    }

    /** The production launch of {@link LauncherProcess#start(Path, String...)}, with JVM options before the jar. */
    private static ProcessBuilder withOptions(List<String> javaOptions, Path dir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaOptions);
        cmd.addAll(List.of("-jar", LauncherProcess.jar().toString(), "--port", "0", "--deploy",
                dir.resolve("deploy").toString()));
        return new ProcessBuilder(cmd).directory(dir.toFile());
    }

    /** Bytes on the wire for one counter click, against the page's full HTML. */
    private static void wireSizes(LauncherProcess relive) throws Exception {
        String page = relive.get("/counter").body();
        LoadSession s = LoadSession.open(relive, "/counter", null);
        s.send("increment");
        s.awaitAll(Duration.ofSeconds(5));
        System.out.printf("wire: counter click patch frame %d bytes; full /counter page %d bytes (%.1fx smaller)%n",
                s.lastFrameBytes, page.length(), page.length() / (double) s.lastFrameBytes);
        s.close();
    }

    private static void measure(LauncherProcess relive, DevWorkspace ws, int n, int seconds,
            double rate, Saves saveEvery, boolean pageGet, SwapTimeline timeline) throws Exception {
        long heapBefore = heap(relive);
        Stats rtt = new Stats();
        List<LoadSession> sessions = new ArrayList<>();
        String token = pageGet ? null : token(relive, "/test/echo");
        long mountServerCpu0 = cpuNanos(relive.process().toHandle());
        long mountGeneratorCpu0 = cpuNanos(ProcessHandle.current());
        long t0 = System.nanoTime();
        sessions.addAll(openConcurrently(relive, "/test/echo", token, rtt, n));
        long mountMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        long mountedServerCpu = cpuNanos(relive.process().toHandle());
        long mountedGeneratorCpu = cpuNanos(ProcessHandle.current());
        System.out.printf("sessions=%d mount CPU per session%s: server %.2f ms, load generator %.2f ms%n", n,
                pageGet ? " (its page GET and mount)" : "", (mountedServerCpu - mountServerCpu0) / 1e6 / n,
                (mountedGeneratorCpu - mountGeneratorCpu0) / 1e6 / n);
        settle(relive, ws);
        long serverCpu0 = cpuNanos(relive.process().toHandle());
        long generatorCpu0 = cpuNanos(ProcessHandle.current());
        long heapAfter = heap(relive);
        for (LoadSession s : sessions) {
            s.timeline = timeline;
        }
        ScheduledExecutorService cpuSampler = Executors.newSingleThreadScheduledExecutor();
        if (timeline != null) {
            ProcessHandle server = relive.process().toHandle();
            cpuSampler.scheduleAtFixedRate(() -> timeline.cpu(System.nanoTime(), cpuNanos(server),
                    cpuNanos(ProcessHandle.current())), 0, 50, TimeUnit.MILLISECONDS);
        }
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
        long periodMicros = (long) (1_000_000 / rate);
        for (int i = 0; i < n; i++) {
            LoadSession s = sessions.get(i);
            senders.scheduleAtFixedRate(() -> s.send("add"), (periodMicros * i) / Math.max(1, n), periodMicros,
                    TimeUnit.MICROSECONDS);
        }
        AtomicInteger saves = new AtomicInteger();
        ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor();
        if (ws != null && saveEvery.seconds() > 0) {
            saver.scheduleAtFixedRate(() -> save(ws, saveEvery, saves), saveEvery.seconds(),
                    saveEvery.seconds(), TimeUnit.SECONDS);
        }
        long start = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        senders.shutdownNow();
        saver.shutdownNow();
        cpuSampler.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double serverCpu = (cpuNanos(relive.process().toHandle()) - serverCpu0) / 1e9;
        double generatorCpu = (cpuNanos(ProcessHandle.current()) - generatorCpu0) / 1e9;
        long sent = 0;
        long answered = 0;
        long doubled = 0;
        int lost = 0;
        int wrong = 0;
        for (LoadSession s : sessions) {
            s.awaitAll(Duration.ofSeconds(30));
            sent += s.sent.get();
            answered += s.answered.get();
            doubled += s.doubled.get();
            lost += s.pending.size();
        }
        for (LoadSession s : sessions) {
            int count = s.renderCount(Duration.ofSeconds(30));
            if (count != s.sent.get()) {
                wrong++;
            }
        }
        System.out.printf("sessions=%d mounted in %d ms; events sent=%d answered=%d lost=%d doubled=%d; "
                + "%.0f events/s; round trip p50=%s p99=%s max=%s; final counts exact: %d/%d; "
                + "heap per idle session %.1f KiB; CPU while sending: server %.0f%%, load generator %.0f%% of one core%s%n",
                n, mountMs, sent, answered, lost, doubled, sent / elapsed, Stats.ms(rtt.percentile(50)),
                Stats.ms(rtt.percentile(99)), Stats.ms(rtt.percentile(100)), n - wrong, n,
                (heapAfter - heapBefore) / 1024.0 / n, 100 * serverCpu / elapsed, 100 * generatorCpu / elapsed,
                saves.get() > 0 ? "; HVR saves during load: " + saves.get()
                        : "");
        System.out.println("round trip p99 by second of sending (events sent in that second; the first seconds "
                + "include the JIT's compiles of the event path): " + p99BySecond(sessions, start, seconds));
        if (saves.get() > 0) {
            System.out.println("last swap, hvr:status phases: " + lastSavePhases(relive));
        }
        if (timeline != null) {
            timeline.print();
        }
        for (LoadSession s : sessions) {
            s.close();
        }
        Thread.sleep(500);
    }

    /** A second in which the server used less than this share of one core: its JIT and warm-up are done. */
    private static final double IDLE_CORE_SHARE = 0.25;

    /**
     * Waits until the runtime is warm before the measured part: HVR's warm-up over (dev runs) and then a second in
     * which the server, with the sessions mounted and idle, used less than {@value #IDLE_CORE_SHARE} of one core
     * (the JIT's compiles of the mount and warm-up are done), 60 s at most. Prints how long that took: on a slow
     * machine, a runtime that just started is still busy with its own warm-up, and events sent then measure that.
     */
    private static void settle(LauncherProcess relive, DevWorkspace ws) throws Exception {
        long t0 = System.nanoTime();
        String warmUp = "";
        if (ws != null) {
            ws.awaitWarmUp();
            String line = relive.run("hvr:status", l -> l.startsWith("Warm-up: ") || l.startsWith("Bundles:"),
                    Duration.ofSeconds(30));
            warmUp = line != null && line.startsWith("Warm-up: ") ? "; hvr:status " + line.trim() : "";
        }
        ProcessHandle server = relive.process().toHandle();
        double share = 1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (share >= IDLE_CORE_SHARE && System.nanoTime() < deadline) {
            long cpu0 = cpuNanos(server);
            long w0 = System.nanoTime();
            Thread.sleep(1000);
            share = (cpuNanos(server) - cpu0) / (double) (System.nanoTime() - w0);
        }
        System.out.printf("settled %d ms after the mount (last second: server %.0f%% of a core)%s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), 100 * share, warmUp);
    }

    /** The phases of the last save, in milliseconds, as {@code hvr:status} prints them. */
    private static String lastSavePhases(LauncherProcess relive) throws Exception {
        // a swap restores the sessions; a save of method bodies only redefines the classes and renders them again
        String line = relive.run("hvr:status", l -> l.trim().startsWith("ms:")
                && (l.contains("restore") || l.contains("redefine")), Duration.ofSeconds(30));
        return line == null ? "(none)" : line.trim().substring(3).trim();
    }

    /**
     * Opens {@code n} sessions with up to {@value #MOUNTS_IN_FLIGHT} mounts in flight at once, as users arriving
     * together would, and waits until every one is mounted.
     */
    private static List<LoadSession> openConcurrently(LauncherProcess relive, String path, String token,
            Stats rtt, int n) throws Exception {
        ExecutorService openers = Executors.newFixedThreadPool(MOUNTS_IN_FLIGHT);
        try {
            List<java.util.concurrent.Future<LoadSession>> opened = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                opened.add(openers.submit(() -> LoadSession.open(relive, path, token, rtt)));
            }
            List<LoadSession> sessions = new ArrayList<>();
            for (java.util.concurrent.Future<LoadSession> f : opened) {
                sessions.add(f.get(60, TimeUnit.SECONDS));
            }
            return sessions;
        } finally {
            openers.shutdownNow();
        }
    }

    private static final int MOUNTS_IN_FLIGHT = 16;

    /** The round trip p99, in ms, of the events sent in each second from {@code start}, and of the second half. */
    private static String p99BySecond(List<LoadSession> sessions, long start, int seconds) {
        Stats[] bySecond = new Stats[seconds];
        Stats secondHalf = new Stats();
        for (int i = 0; i < seconds; i++) {
            bySecond[i] = new Stats();
        }
        for (LoadSession s : sessions) {
            synchronized (s.events) {
                for (long[] e : s.events) {
                    long second = (e[0] - start) / 1_000_000_000L;
                    if (second >= 0 && second < seconds) {
                        bySecond[(int) second].add((e[1] - e[0]) / 1000);
                        if (second >= seconds / 2) {
                            secondHalf.add((e[1] - e[0]) / 1000);
                        }
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (Stats st : bySecond) {
            out.append(out.length() == 0 ? "" : ", ").append(String.format("%.1f", st.percentile(99) / 1000.0));
        }
        return out.append(String.format(" ms; second half p99=%s", Stats.ms(secondHalf.percentile(99)))).toString();
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /**
     * Changes the string that the test view source's method {@code revision()} returns, adding the method to the class
     * on the first save; for full swaps, adds a method {@code revisionN()} on every save instead.
     */
    private static void save(DevWorkspace ws, Saves how, AtomicInteger saves) {
        try {
            int n = saves.incrementAndGet();
            Path base = ws.view(how.file());
            String text = Files.readString(base);
            if (how.fullSwaps()) {
                int m = ADDED_METHODS.incrementAndGet(); // the workspace keeps the methods of earlier runs
                ws.save(base, withMethod(text, "revision" + m, "HVR " + m));
                return;
            }
            if (!text.contains("return \"HVR")) {
                text = withMethod(text, "revision", "HVR");
            }
            ws.save(base, text.replaceAll("return \"HVR[^\"]*\";", "return \"HVR " + n + "\";"));
        } catch (Exception e) {
            System.out.println("save failed: " + e);
        }
    }

    /** {@code source} with a method {@code name()} returning {@code value} added before the class's last brace. */
    private static String withMethod(String source, String name, String value) {
        int end = source.lastIndexOf('}');
        return source.substring(0, end) + "\n    String " + name + "() {\n        return \"" + value
                + "\";\n    }\n}\n";
    }

    private static long heap(LauncherProcess relive) throws Exception {
        String line = relive.run("relive:stats gc", l -> l.startsWith("sessions="), Duration.ofSeconds(30));
        Matcher m = Pattern.compile("heapUsedBytes=(\\d+)").matcher(line);
        m.find();
        return Long.parseLong(m.group(1));
    }

    static String token(LauncherProcess relive, String path) throws Exception {
        String page = PlainPageGet.body(URI.create(relive.baseUrl() + path.substring(1)));
        Matcher m = Pattern.compile("rl-token=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no token on " + path);
        }
        return m.group(1);
    }

    private static List<Integer> parseList(String s) {
        List<Integer> list = new ArrayList<>();
        for (String p : s.split(",")) {
            list.add(Integer.parseInt(p.trim()));
        }
        return list;
    }
}
