package dev.relive.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.launcher.DevWorkspace;
import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.WsClient;

/**
 * Save-to-applied latency of Hot View Replacement: a view's .java file is written, and the clock stops when a
 * WebSocket client mounted on the view receives {@code hvr-applied}. Prints p50/p95 over the saves, split by phase,
 * first for handler body edits (the common save: one source compiled, the last jar rewritten), then for saves that
 * add a handler (the view's API changes), then for saves that change a component property (bnd runs), and, in the
 * same run, what a user does without HVR: stop the runtime, start it again and mount the view again.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl runtime-launcher exec:exec@hvr-latency -Dbench.args="--saves 25 --restarts 5"
 * </pre>
 */
public final class HvrLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int saves = 25;
        int restarts = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--saves" -> saves = Integer.parseInt(args[++i]);
                case "--restarts" -> restarts = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
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
                save(dev, ws, file, next, total, phases);
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
        }
        print("HVR save -> hvr-applied, handler body edits", total, phases);
        print("HVR save -> hvr-applied, a new handler each save", apiTotal, apiPhases);
        print("HVR save -> hvr-applied, a new component property each save (bnd runs)", bndTotal, bndPhases);

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
        System.out.printf("HVR is %.1fx faster than a restart (p50 against p50)%n",
                restart.percentile(50) / (double) Math.max(1, total.percentile(50)));
    }

    private static void save(DevWorkspace dev, WsClient ws, Path file, String text, Stats total,
            Map<String, Stats> phases) throws Exception {
        long t0 = System.nanoTime();
        dev.save(file, text);
        JsonNode applied = ws.next(f -> "hvr-applied".equals(f.path("type").asText()), Duration.ofSeconds(30));
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

    private static void print(String title, Stats total, Map<String, Stats> phases) {
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
