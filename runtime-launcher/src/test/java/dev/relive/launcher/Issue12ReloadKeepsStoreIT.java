package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 12, item 3, when the swap reloads the page: the tasks app's store is a delayed component whose only user is
 * the tasks view. A save that removes a handler reloads the tab instead of swapping it; the page loaded again after
 * the swap still finds the store that held the tasks (its first activation), rather than a new, empty one.
 */
class Issue12ReloadKeepsStoreIT {

    /** A build, an install or a swap, on a machine that may be busy. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String VIEW = "apps/tasks-web/src/main/java/com/example/tasks/TasksView.java";

    @Test
    void thePageMountedAfterAReloadingSwapFindsTheSameStore() throws Exception {
        Path dir = Files.createTempDirectory("relive-reload-store");
        Path app = TestFolders.copyTasksApp(dir.resolve("tasks-app"));
        Files.createDirectories(dir.resolve("deploy"));
        try (LauncherProcess relive = LauncherProcess.start(dir, "--dev", "--workspace", app.toString())) {
            install(relive, app.resolve("libs/tasks-store"), "com.example.tasks.store");
            install(relive, app.resolve("apps/tasks-web"), "com.example.tasks");
            try (WsClient ws = WsClient.connect(relive.baseUrl())) {
                ws.mount(relive, "/todo");
                ws.answer(ws.event("add", Map.of("title", "write")));
                assertThat(relive.get("/todo").body()).contains("<li>write</li>");

                EditorSaves.edit(app.resolve(VIEW), "    @EventHandler\n    public void refresh() {",
                        "    public void refresh() {");
                JsonNode reload = ws.next(f -> "reload".equals(f.path("type").asText()), WAIT);
                assertThat(reload.path("reason").asText()).isEqualTo("handler_removed:refresh");
            }
            // the tab loads the page again, after the swap has ended
            String page = relive.get("/todo").body();
            assertThat(page).contains("<li>write</li>").contains("<span id=\"activation\">1</span>");
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    private static void install(LauncherProcess relive, Path project, String bundle) throws Exception {
        assertThat(relive.run("hvr:install " + project, l -> l.startsWith(bundle + " "), WAIT))
                .contains("built and written to");
        relive.waitForOutput(l -> l.startsWith("relive: deploy: started " + bundle + " "), WAIT);
    }
}
