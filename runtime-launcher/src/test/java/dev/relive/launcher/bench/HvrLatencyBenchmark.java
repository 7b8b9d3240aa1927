package dev.relive.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.launcher.DevWorkspace;
import dev.relive.launcher.EditorSaves;
import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.WsClient;

/**
 * Save-to-applied latency of Hot View Replacement: a view's .java file is written, and the clock stops when a
 * WebSocket client mounted on the view receives {@code hvr-applied}. Prints p50/p95 over the saves, split by phase,
 * first for handler body edits (the common save: one source compiled, the last jar rewritten), then for saves that
 * add a handler (the view's API changes), then for saves that change a component property (bnd runs), then for body
 * edits of a real application's view ({@link TasksAppLatency}: the tasks app, or the app of {@code --app DIR} laid
 * out as it is), and, in the same run, what a user does without HVR: stop the runtime, start it again and mount the
 * view again. {@code --compare JAR} runs the saves with a second launcher jar first, so both print in one run.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl runtime-launcher exec:exec@hvr-latency -Dbench.args="--saves 25 --restarts 5"
 * mvn -B -q -pl runtime-launcher exec:exec@hvr-latency -Dbench.args="--restarts 0 --compare /path/to/old/relive.jar"
 * </pre>
 */
public final class HvrLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int saves = 25;
        int restarts = 5;
        Path app = Path.of(HvrLatencyBenchmark.class.getResource("/tasks-app").toURI());
        Map<String, Path> jars = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--saves" -> saves = Integer.parseInt(args[++i]);
                case "--restarts" -> restarts = Integer.parseInt(args[++i]);
                case "--app" -> app = Path.of(args[++i]).toAbsolutePath();
                case "--compare" -> jars.put("compared jar", Path.of(args[++i]).toAbsolutePath());
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        jars.put("this jar", LauncherProcess.jar());
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            System.setProperty("relive.jar", jar.getValue().toString());
            System.out.println("== " + jar.getKey() + ": " + jar.getValue());
            ownViewSaves(saves);
            Stats tasks = new Stats();
            Map<String, Stats> tasksPhases = new LinkedHashMap<>();
            TasksAppLatency.run(app, saves, tasks, tasksPhases);
            print("HVR save -> hvr-applied, body edits of the tasks app's view (" + app.getFileName() + ")", tasks,
                    tasksPhases);
        }
        if (restarts > 0) {
            restarts(restarts);
        }
    }

    private static void ownViewSaves(int saves) throws Exception {
        Stats total = new Stats();
        Map<String, Stats> phases = new LinkedHashMap<>();
        Stats apiTotal = new Stats();
        Map<String, Stats> apiPhases = new LinkedHashMap<>();
        Stats bndTotal = new Stats();
        Map<String, Stats> bndPhases = new LinkedHashMap<>();
        int apiSaves = Math.max(5, saves / 3);
        try (DevWorkspace dev = DevWorkspace.start("/test/hvr");
                WsClient ws = WsClient.connect(dev.relive().baseUrl())) {
            ws.mount(dev.relive(), "/test/hvr");
            Path file = dev.view("HvrView.java");
            // the compiler and bnd warm up in the background after start-up, as they do while a developer reads
            dev.awaitWarmUp();
            for (int i = 1; i <= saves; i++) {
                // a handler body edit: the common save
                String text = Files.readString(file);
                String next = text.replaceAll("count \\+= \\d+;\\n    }\\n\\n    @EventHandler\\n    public void add",
                        "count += " + (i % 2 == 0 ? 1 : 2) + ";\n    }\n\n    @EventHandler\n    public void add");
                save(ws, file, next, total, phases);
            }
            for (int i = 1; i <= apiSaves; i++) {
                // a new handler: the view's API changes (the classes using it would compile again; none do)
                String text = Files.readString(file);
                int end = text.lastIndexOf('}');
                String next = text.substring(0, end) + "\n    @EventHandler\n    public void extra" + i
                        + "() {\n        count += " + i + ";\n    }\n}\n";
                save(ws, file, next, apiTotal, apiPhases);
            }
            for (int i = 1; i <= apiSaves; i++) {
                // a component property: the component XML changes, so bnd runs
                String text = Files.readString(file);
                String next = text.replaceAll("scope = ServiceScope.PROTOTYPE(, property = \"bench=\\d+\")?\\)",
                        "scope = ServiceScope.PROTOTYPE, property = \"bench=" + i + "\")");
                save(ws, file, next, bndTotal, bndPhases);
            }
        }
        print("HVR save -> hvr-applied, handler body edits", total, phases);
        print("HVR save -> hvr-applied, a new handler each save", apiTotal, apiPhases);
        print("HVR save -> hvr-applied, a new component property each save (bnd runs)", bndTotal, bndPhases);
    }

    private static void restarts(int restarts) throws Exception {
        Stats restart = new Stats();
        Path dir = Files.createTempDirectory("relive-restart");
        Files.createDirectories(dir.resolve("deploy"));
        Path thirdParty = LauncherProcess.jar().getParent().resolve("third-party");
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
        System.out.printf("restart runtime + mount again over %d restarts: p50=%s p95=%s%n", restart.count(),
                Stats.ms(restart.percentile(50)), Stats.ms(restart.percentile(95)));
    }

    /** Saves {@code text} as an editor does and waits for {@code hvr-applied}; adds its latency and phases. */
    static void save(WsClient ws, Path file, String text, Stats total, Map<String, Stats> phases) throws Exception {
        long t0 = System.nanoTime();
        EditorSaves.save(file, text);
        JsonNode applied = ws.next(f -> "hvr-applied".equals(f.path("type").asText()), Duration.ofSeconds(120));
        long micros = (System.nanoTime() - t0) / 1000;
        total.add(micros);
        applied.path("phases").fields().forEachRemaining(e -> phases
                .computeIfAbsent(e.getKey(), k -> new Stats()).add(e.getValue().asLong() * 1000));
        // the frame's "ms" runs from the file's modification time to the frame's creation; what is left of the time
        // measured here is rendering, sending and receiving it
        phases.computeIfAbsent("render+send", k -> new Stats())
                .add(Math.max(0, micros - applied.path("ms").asLong() * 1000));
        Thread.sleep(300);
    }

    static void print(String title, Stats total, Map<String, Stats> phases) {
        System.out.printf("%s, over %d saves: p50=%s p95=%s max=%s%n", title, total.count(),
                Stats.ms(total.percentile(50)), Stats.ms(total.percentile(95)), Stats.ms(total.percentile(100)));
        phases.forEach((name, s) -> System.out.printf("  phase %-16s p50=%s p95=%s%n", name,
                Stats.ms(s.percentile(50)), Stats.ms(s.percentile(95))));
    }

    private static void awaitRoute(LauncherProcess relive) throws Exception {
        while (relive.get("/test/hvr").statusCode() != 200) {
            Thread.sleep(10);
        }
    }
}
