package dev.relive.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.launcher.DevWorkspace;
import dev.relive.launcher.EditorSaves;
import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.TestFolders;
import dev.relive.launcher.WsClient;

/**
 * Save-to-applied latency of Hot View Replacement: a view's .java file is written, and the clock stops when a
 * WebSocket client mounted on the view receives {@code hvr-applied}. Prints, split by phase: the first save, made
 * {@code --first-save-after} ms after the view first rendered (while the runtime warms up); p50/p95 over handler body
 * edits (the common save: one source compiled, the last jar rewritten), over saves that add a handler (the view's API
 * changes), over saves that change a component property (bnd runs); then the same handler body edits once
 * {@code --big} generated classes are added to the view's bundle (cost that grows with the bundle, not the change);
 * then body edits of a real application's view ({@link TasksAppLatency}: the tasks app, or the app of
 * {@code --app DIR} laid out as it is); and, in the same run, what a user does without HVR: stop the runtime, start it again and mount the view again.
 * With {@code --before JAR} (or {@code --compare JAR}) every figure is measured first with that launcher jar (e.g. a build of the previous
 * commit, with its {@code third-party} folder beside it), then with this build's, and printed side by side. On a
 * small machine the jar measured second tends to be slower (a jar against a copy of itself differed by up to 30 ms
 * in a section): {@code --rounds N} measures both N times, every other round in the opposite order ("before, after,
 * after, before" for 2), and labels each figure with its round.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl runtime-launcher exec:exec@hvr-latency -Dbench.args="--saves 25 --restarts 5 --before OLD/relive.jar"
 * </pre>
 */
public final class HvrLatencyBenchmark {

    private final int saves;
    private final int restarts;
    private final int big;
    private final long firstSaveAfterMs;
    private final Path app;
    private final Map<String, Map<String, List<String>>> report = new LinkedHashMap<>();
    private int bodyEdits;

    private HvrLatencyBenchmark(int saves, int restarts, int big, long firstSaveAfterMs, Path app) {
        this.app = app;
        this.saves = saves;
        this.restarts = restarts;
        this.big = big;
        this.firstSaveAfterMs = firstSaveAfterMs;
    }

    public static void main(String[] args) throws Exception {
        int saves = 25;
        int restarts = 5;
        int big = 300;
        int rounds = 1;
        long firstSaveAfterMs = 5000;
        List<Path> jars = new ArrayList<>();
        Path app = Path.of(HvrLatencyBenchmark.class.getResource("/tasks-app").toURI());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--saves" -> saves = Integer.parseInt(args[++i]);
                case "--restarts" -> restarts = Integer.parseInt(args[++i]);
                case "--big" -> big = Integer.parseInt(args[++i]);
                case "--first-save-after" -> firstSaveAfterMs = Long.parseLong(args[++i]);
                case "--before", "--compare" -> jars.add(Path.of(args[++i]).toAbsolutePath());
                case "--app" -> app = Path.of(args[++i]).toAbsolutePath();
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        jars.add(LauncherProcess.jar());
        HvrLatencyBenchmark bench = new HvrLatencyBenchmark(saves, restarts, big, firstSaveAfterMs, app);
        for (int round = 1; round <= rounds; round++) {
            List<Path> order = new ArrayList<>(jars);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (Path jar : order) {
                System.setProperty("relive.jar", jar.toString());
                String label = jars.size() == 1 ? "" : jar.equals(jars.get(jars.size() - 1)) ? "after " : "before";
                bench.run(rounds == 1 ? label : label + " #" + round);
            }
        }
        bench.report.forEach((title, byLabel) -> {
            System.out.println(title);
            byLabel.forEach((label, lines) -> lines.forEach(line -> System.out.println(
                    (label.isEmpty() ? "" : "  [" + label + "]") + line)));
        });
    }

    private void run(String label) throws Exception {
        Stats first = new Stats();
        Map<String, Stats> firstPhases = new LinkedHashMap<>();
        Stats total = new Stats();
        Map<String, Stats> phases = new LinkedHashMap<>();
        Stats apiTotal = new Stats();
        Map<String, Stats> apiPhases = new LinkedHashMap<>();
        Stats bndTotal = new Stats();
        Map<String, Stats> bndPhases = new LinkedHashMap<>();
        Stats bigTotal = new Stats();
        Map<String, Stats> bigPhases = new LinkedHashMap<>();
        String warmUp;
        int apiSaves = Math.max(5, saves / 3);
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr");
                WsClient ws = WsClient.connect(dev.relive().baseUrl()).keepAlive()) {
            long ready = System.nanoTime();
            ws.mount(dev.relive(), "/test/hvr");
            Path file = dev.view("HvrView.java");
            // a developer's first save, while the runtime may still be warming up
            Thread.sleep(Math.max(0, firstSaveAfterMs - (System.nanoTime() - ready) / 1_000_000));
            save(dev, ws, file, bodyEdit(file), first, firstPhases);
            dev.awaitWarmUp();
            // how far the warm-up got before the first save ended it
            warmUp = dev.relive().run("hvr:status", l -> l.trim().startsWith("Warm-up:"), Duration.ofSeconds(30))
                    .trim();
            for (int i = 1; i <= saves; i++) {
                save(dev, ws, file, bodyEdit(file), total, phases);
            }
            for (int i = 1; i <= apiSaves; i++) {
                // a new handler: the view's API changes (the classes using it would compile again; none do)
                String text = Files.readString(file);
                int end = text.lastIndexOf('}');
                String next = text.substring(0, end) + "\n    @EventHandler\n    public void extra" + i
                        + "() {\n        count += " + i + ";\n    }\n}\n";
                save(dev, ws, file, next, apiTotal, apiPhases);
            }
            for (int i = 1; i <= apiSaves; i++) {
                // a component property: the component XML changes, so bnd runs
                String text = Files.readString(file);
                String next = text.replaceAll("scope = ServiceScope.PROTOTYPE(, property = \"bench=\\d+\")?\\)",
                        "scope = ServiceScope.PROTOTYPE, property = \"bench=" + i + "\")");
                save(dev, ws, file, next, bndTotal, bndPhases);
            }
            if (big > 0) {
                // the bundle grows by a few hundred classes; the first save after builds them all
                GeneratedClasses.write(file.getParent().getParent().getParent().getParent(), big);
                Thread.sleep(1000);
                save(dev, ws, file, bodyEdit(file), new Stats(), new LinkedHashMap<>());
                for (int i = 1; i <= saves; i++) {
                    save(dev, ws, file, bodyEdit(file), bigTotal, bigPhases);
                }
            }
        }
        String firstTitle = "HVR first save -> hvr-applied, " + firstSaveAfterMs + " ms after the view first rendered";
        print(label, firstTitle, first, firstPhases);
        line(label, firstTitle, "    " + warmUp);
        print(label, "HVR save -> hvr-applied, handler body edits", total, phases);
        print(label, "HVR save -> hvr-applied, a new handler each save", apiTotal, apiPhases);
        print(label, "HVR save -> hvr-applied, a new component property each save (bnd runs)", bndTotal, bndPhases);
        if (big > 0) {
            print(label, "HVR save -> hvr-applied, handler body edits, " + big + " more classes in the bundle",
                    bigTotal, bigPhases);
        }
        Stats tasks = new Stats();
        Map<String, Stats> tasksPhases = new LinkedHashMap<>();
        TasksAppLatency.run(app, saves, tasks, tasksPhases);
        print(label, "HVR save -> hvr-applied, body edits of the tasks app's view (" + app.getFileName() + ")", tasks,
                tasksPhases);
        if (restarts > 0) {
            restarts(label);
        }
    }

    /** The common save: a handler body edit of {@code increment}, another text than the last one. */
    private String bodyEdit(Path file) throws Exception {
        bodyEdits++;
        return Files.readString(file).replaceAll(
                "count \\+= \\d+;\\n    }\\n\\n    @EventHandler\\n    public void add",
                "count += " + (bodyEdits % 2 == 0 ? 1 : 2) + ";\n    }\n\n    @EventHandler\n    public void add");
    }

    private void restarts(String label) throws Exception {
        if (restarts == 0) {
            return;
        }
        Path dir = Files.createTempDirectory("relive-restart");
        try {
            restarts(label, dir);
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    private void restarts(String label, Path dir) throws Exception {
        Stats restart = new Stats();
        Files.createDirectories(dir.resolve("deploy"));
        Path thirdParty = LauncherProcess.thirdParty();
        Files.copy(thirdParty.resolve("dev.relive.testlib.jar"), dir.resolve("deploy/testlib.jar"));
        Files.copy(thirdParty.resolve("dev.relive.testviews.jar"), dir.resolve("deploy/testviews.jar"));
        LauncherProcess relive = LauncherProcess.start(dir, "--dev", "--workspace", dir.toString());
        awaitRoute(relive);
        for (int i = 0; i < restarts; i++) {
            long t0 = System.nanoTime();
            relive.process().destroy();
            relive.process().waitFor(10, TimeUnit.SECONDS);
            relive = LauncherProcess.start(dir, "--dev", "--workspace", dir.toString());
            awaitRoute(relive);
            try (WsClient ws = WsClient.connect(relive.baseUrl())) {
                ws.mount(relive, "/test/hvr");
            }
            restart.add((System.nanoTime() - t0) / 1000);
        }
        relive.close();
        line(label, "restart runtime + mount again", String.format("over %d restarts: p50=%s p95=%s",
                restart.count(), Stats.ms(restart.percentile(50)), Stats.ms(restart.percentile(95))));
    }

    private static void save(DevWorkspace dev, WsClient ws, Path file, String text, Stats total,
            Map<String, Stats> phases) throws Exception {
        save(dev.relive(), ws, file, text, total, phases);
    }

    /** Saves {@code file} as an editor does and adds the time to {@code hvr-applied} and its phases. */
    static void save(LauncherProcess relive, WsClient ws, Path file, String text, Stats total,
            Map<String, Stats> phases) throws Exception {
        while (ws.poll(Duration.ZERO) != null) {
            // frames of earlier builds (e.g. of files written in several bursts) are not this save's
        }
        String name = file.getFileName().toString();
        long t0 = System.nanoTime();
        EditorSaves.save(file, text);
        JsonNode applied;
        try {
            applied = ws.next(f -> "hvr-applied".equals(f.path("type").asText())
                    && Path.of(f.path("file").asText()).getFileName().toString().equals(name), Duration.ofSeconds(60));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nruntime log:\n" + relive.stderr(), e);
        }
        long micros = (System.nanoTime() - t0) / 1000;
        total.add(micros);
        applied.path("phases").fields().forEachRemaining(e -> phases
                .computeIfAbsent(e.getKey(), k -> new Stats()).add(e.getValue().asLong() * 1000));
        // the frame's "ms" runs from the file's modification time to the frame's creation; what is left of the time
        // measured here is rendering, sending and receiving it
        phases.computeIfAbsent("render+send", k -> new Stats())
                .add(Math.max(0, micros - applied.path("ms").asLong() * 1000));
        StringBuilder line = new StringBuilder(String.format("%.0f ms:", micros / 1000.0));
        applied.path("phases").fields().forEachRemaining(e -> line.append(' ').append(e.getKey()).append('=')
                .append(e.getValue().asLong()));
        synchronized (EACH_SAVE) {
            EACH_SAVE.computeIfAbsent(total, k -> new ArrayList<>()).add(new Object[] {micros, line.toString()});
        }
        Thread.sleep(300);
    }

    /** Each save's time and phases, by the figure it counts in: the slowest are printed beside the median one. */
    private static final Map<Stats, List<Object[]>> EACH_SAVE = new java.util.IdentityHashMap<>();

    private void print(String label, String title, Stats total, Map<String, Stats> phases) {
        line(label, title, String.format(", over %d saves: p50=%s p95=%s max=%s", total.count(),
                Stats.ms(total.percentile(50)), Stats.ms(total.percentile(95)), Stats.ms(total.percentile(100))));
        phases.forEach((name, s) -> line(label, title, String.format("    phase %-16s p50=%s p95=%s", name,
                Stats.ms(s.percentile(50)), Stats.ms(s.percentile(95)))));
        List<Object[]> each;
        synchronized (EACH_SAVE) {
            each = new ArrayList<>(EACH_SAVE.getOrDefault(total, List.of()));
        }
        if (each.size() > 3) {
            each.sort((a, b) -> Long.compare((Long) b[0], (Long) a[0]));
            for (int i = 0; i < 3; i++) {
                line(label, title, "    slowest save " + (i + 1) + ": " + each.get(i)[1]);
            }
            line(label, title, "    median save:    " + each.get(each.size() / 2)[1]);
        }
    }

    private void line(String label, String title, String text) {
        report.computeIfAbsent(title, t -> new LinkedHashMap<>()).computeIfAbsent(label, l -> new ArrayList<>())
                .add(text);
    }

    private static void awaitRoute(LauncherProcess relive) throws Exception {
        while (relive.get("/test/hvr").statusCode() != 200) {
            Thread.sleep(10);
        }
    }
}
