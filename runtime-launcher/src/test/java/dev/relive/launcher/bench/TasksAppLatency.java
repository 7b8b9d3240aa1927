package dev.relive.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.TestFolders;
import dev.relive.launcher.WsClient;

/**
 * Save-to-applied latency of a real application's view: the tasks app (a delayed store component in a library
 * bundle, a view injecting it with {@code @Reference} and registering a listener), copied to a temporary folder,
 * developed with {@code --dev --workspace} and installed with {@code hvr:install}; one client mounted on
 * {@code /todo} with a task added; then body edits of a method of the view, as {@link HvrLatencyBenchmark} does
 * for its own view.
 */
final class TasksAppLatency {

    static final String VIEW = "apps/tasks-web/src/main/java/com/example/tasks/TasksView.java";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private TasksAppLatency() {
    }

    /** Runs {@code saves} saves of the app copied from {@code source}, adding each one's latency and phases. */
    static void run(Path source, int saves, Stats total, Map<String, Stats> phases) throws Exception {
        Path dir = Files.createTempDirectory("relive-bench-tasks-");
        Path app = TestFolders.copyTree(source, dir.resolve("app"));
        Files.createDirectories(dir.resolve("deploy"));
        try (LauncherProcess relive = LauncherProcess.start(dir, "--dev", "--workspace", app.toString())) {
            install(relive, app.resolve("libs/tasks-store"), "com.example.tasks.store");
            install(relive, app.resolve("apps/tasks-web"), "com.example.tasks");
            while (relive.get("/todo").statusCode() != 200) {
                Thread.sleep(20);
            }
            awaitWarmUp(relive);
            try (WsClient ws = WsClient.connect(relive.baseUrl())) {
                ws.mount(relive, "/todo");
                ws.answer(ws.event("add", Map.of("title", "write")));
                Path view = app.resolve(VIEW);
                for (int i = 1; i <= saves; i++) {
                    String text = Files.readString(view);
                    String next = text.replaceAll("return \"Tasks[^\"]*\";", "return \"Tasks " + i + "\";");
                    HvrLatencyBenchmark.save(relive, ws, view, next, total, phases);
                }
            }
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    /** {@code hvr:install}, then until the deploy folder's watcher started the bundle (older runtimes answer first). */
    private static void install(LauncherProcess relive, Path project, String bundle) throws Exception {
        String line = relive.run("hvr:install " + project, l -> l.startsWith(bundle + " "), WAIT);
        if (!line.contains(" built and written to ")) {
            throw new IllegalStateException(line + "\n" + relive.stdout());
        }
        relive.waitForOutput(l -> l.startsWith("relive: deploy: started " + bundle + " "), WAIT);
    }

    private static void awaitWarmUp(LauncherProcess relive) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!relive.run("relive:loaded relive-hvr-warmup", l -> l.startsWith("prefix="), Duration.ofSeconds(10))
                .endsWith("threads=0") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
