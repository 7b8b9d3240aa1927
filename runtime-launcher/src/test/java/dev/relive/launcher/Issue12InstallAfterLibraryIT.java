package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Issue 12: {@code hvr:install} of a library project, then at once of a project that imports the library's
 * packages (the tasks app: {@code libs/tasks-store}, then {@code apps/tasks-web}). The first command answered as soon
 * as its jar was in {@code deploy/}, before the deploy folder's watcher had installed it, so the second could fail
 * with the import unresolved; it answers now once its bundle is started.
 */
class Issue12InstallAfterLibraryIT {

    /** A bnd build and the deploy folder's install, on a machine that may be busy. */
    private static final Duration BUILD = Duration.ofSeconds(120);

    @Test
    void aLibraryIsStartedWhenItsInstallAnswersAndAProjectImportingItBuildsRightAfter() throws Exception {
        Path dir = Files.createTempDirectory("relive-install-order");
        Path app = TestFolders.copyTasksApp(dir.resolve("tasks-app"));
        Files.createDirectories(dir.resolve("deploy"));
        try (LauncherProcess relive = LauncherProcess.start(dir, "--dev", "--workspace", app.toString())) {
            // one console line (Gogo prints its last command's result only): the listing runs the moment the
            // install has answered
            int mark = relive.mark();
            relive.command("hvr:install " + app.resolve("libs/tasks-store") + "; lb -s com.example.tasks.store");
            assertThat(relive.waitForOutputAfter(mark, l -> l.contains("|com.example.tasks.store (")
                    || l.startsWith("No matching bundles"), BUILD)).as("installed when the command answered")
                    .contains("|Active ");
            assertThat(dir.resolve("deploy/com.example.tasks.store.jar")).isRegularFile();

            String web = relive.run("hvr:install " + app.resolve("apps/tasks-web"),
                    l -> l.startsWith("com.example.tasks "), BUILD);
            assertThat(web).as(relive.stdout()).contains("com.example.tasks 1.0.0.SNAPSHOT built and written to");
            assertThat(relive.run("lb -s com.example.tasks", l -> l.contains("|com.example.tasks (")
                    || l.startsWith("No matching bundles"), BUILD)).contains("|Active ");
            relive.awaitPage("/todo");
        } finally {
            TestFolders.deleteTree(dir);
        }
    }
}
