package dev.relive.launcher.e2e;

import static dev.relive.launcher.EditorSaves.edit;
import static dev.relive.launcher.EditorSaves.save;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.relive.launcher.LauncherProcess;

/**
 * Issue 12 as a person meets it, in headless Chromium: a tasks application kept in its own folder (a delayed store
 * service in {@code libs/tasks-store}, a tasks view in {@code apps/tasks-web} whose bundle is
 * {@code com.example.tasks}), developed with {@code relive.jar --dev --workspace FOLDER}, installed with
 * {@code hvr:install}, two tabs open while its sources are edited and saved.
 */
@ExtendWith(E2EExtension.class)
class Issue12TasksAppE2EIT {

    /** Longer than {@link Browser#WAIT}: a save builds and swaps while the runtime's warm-up shares the CPU. */
    private static final Duration SWAP = Browser.SWAP;
    private static final String VIEW = "apps/tasks-web/src/main/java/com/example/tasks/TasksView.java";
    private static final String TEMPLATE = "apps/tasks-web/src/main/resources/com/example/tasks/TasksView.peb";

    private final Browser browser;
    private LauncherProcess relive;

    Issue12TasksAppE2EIT(Browser browser) {
        this.browser = browser;
    }

    @Test
    void issue12TheTasksAppKeepsItsStoreListenersFieldsAndFocusAcrossSavesAndShowsItsBrokenBuild() throws Exception {
        Path dir = Files.createTempDirectory("relive-tasks-app");
        Path app = copyApp(dir.resolve("tasks-app"));
        Files.createDirectories(dir.resolve("deploy"));
        LauncherProcess relive = LauncherProcess.start(dir, "--dev", "--workspace", app.toString());
        this.relive = relive;
        try (relive) {
            install(relive, app.resolve("libs/tasks-store"), "com.example.tasks.store");
            install(relive, app.resolve("apps/tasks-web"), "com.example.tasks");
            relive.awaitPage("/todo");
            String url = relive.baseUrl().replaceAll("/$", "") + "/todo";

            String first = browser.driver().getWindowHandle();
            openTasks(url);
            String second = browser.openTab(url);
            watchTab();

            browser.switchTo(first);
            addTask("write");
            browser.find("#title").clear();
            browser.click("#add");
            browser.waitForText("#error", "title is required");

            // item 2: the @Reference store is no state, a Java save swaps both tabs without a reload
            edit(app.resolve(VIEW), "return \"Tasks\";", "return \"All tasks\";");
            awaitSwaps(first, second, 1);
            for (String tab : List.of(first, second)) {
                browser.switchTo(tab);
                browser.waitForText("#heading", "All tasks");
                assertThat(browser.js("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
                assertThat(lastDropped()).doesNotContain("store");
                // item 3: the tasks added before the save are listed, by the same store instance
                assertThat(browser.text("#tasks")).isEqualTo("write");
                assertThat(browser.text("#activation")).isEqualTo("1");
            }

            // item 4: a renamed field with @CarriedFrom keeps its value
            Path view = app.resolve(VIEW);
            save(view, Files.readString(view)
                    .replace("private String error = \"\";",
                            "@dev.relive.api.CarriedFrom(\"error\")\n    private String titleError = \"\";")
                    .replace("error = \"", "titleError = \"")
                    .replace("return error;", "return titleError;"));
            awaitSwaps(first, second, 2);
            browser.switchTo(first);
            assertThat(lastDropped()).doesNotContain("error", "titleError");
            browser.click("#refresh");
            browser.waitForIdle();
            assertThat(browser.text("#error")).isEqualTo("title is required");

            // item 4: renamed without it, the hvr-applied event names the field whose value was dropped
            save(view, Files.readString(view)
                    .replace("@dev.relive.api.CarriedFrom(\"error\")\n    private String titleError = \"\";",
                            "private String message = \"\";")
                    .replace("titleError = \"", "message = \"")
                    .replace("return titleError;", "return message;"));
            awaitSwaps(first, second, 3);
            browser.switchTo(first);
            assertThat(lastDropped()).contains("titleError");
            browser.click("#refresh");
            browser.waitForText("#error", ""::equals, "empty");

            // item 1: after three saves, one store change runs one listener per tab
            int calls = Integer.parseInt(browser.text("#calls"));
            browser.switchTo(second);
            int changes = Integer.parseInt(browser.text("#changes"));
            addTask("read");
            browser.waitForText("#tasks", "write\nread");
            assertThat(browser.text("#listeners")).isEqualTo("2");
            assertThat(browser.text("#calls")).isEqualTo(String.valueOf(calls + 2));
            assertThat(browser.text("#changes")).isEqualTo(String.valueOf(changes + 1));
            browser.switchTo(first);
            browser.click("#refresh");
            browser.waitForText("#tasks", "write\nread");
            assertThat(browser.text("#listeners")).isEqualTo("2");
            assertThat(browser.text("#calls")).isEqualTo(String.valueOf(calls + 2));
            assertThat(browser.text("#changes")).isEqualTo(String.valueOf(changes + 1));
            assertThat(browser.text("#activation")).isEqualTo("1");

            // item 5: a tab opened while the build fails shows the overlay, which goes with the fix
            edit(view, "return \"All tasks\";", "return \"All tasks\"");
            waitLong("the overlay in the open tab", () -> browser.exists("#relive-hvr-overlay"));
            String third = browser.openTab(url);
            waitLong("the overlay in the tab opened after the error", () -> browser.exists("#relive-hvr-overlay"));
            assertThat(browser.text("#relive-hvr-overlay")).contains("TasksView.java");
            edit(view, "return \"All tasks\"", "return \"Your tasks\";");
            waitLong("the overlay goes", () -> !browser.exists("#relive-hvr-overlay"));
            waitLong("the fixed code shows", () -> "Your tasks".equals(browser.text("#heading")));
            browser.switchTo(first);
            waitLong("the overlay goes in the first tab", () -> !browser.exists("#relive-hvr-overlay"));
            awaitSwaps(first, second, 4);

            // item 9: wrapping the form in a section keeps what is typed and the focus
            browser.switchTo(third);
            browser.driver().close();
            browser.switchTo(first);
            browser.find("#title").sendKeys("Ada");
            browser.waitForText("#draft", "Ada");
            browser.waitForIdle();
            browser.js("window.__typedInto = document.getElementById('title')");
            Path template = app.resolve(TEMPLATE);
            String form = Files.readString(template);
            int start = form.indexOf("<form id=\"new-task\"");
            int end = form.indexOf("</form>") + "</form>".length();
            String wrapped = "<section id=\"entry\">\n" + form.substring(start, end) + "\n</section>";
            save(template, form.substring(0, start) + wrapped + form.substring(end));
            waitLong("the section is on the page", () -> browser.exists("#entry > #new-task > #title"));
            awaitSwaps(first, second, 5);
            browser.switchTo(first);
            assertThat(browser.js("return document.getElementById('title') === window.__typedInto"))
                    .as("the field is the node typed into").isEqualTo(true);
            assertThat(browser.property("#title", "value")).isEqualTo("Ada");
            assertThat(browser.focusedId()).isEqualTo("title");
        } catch (Throwable failure) {
            keepLauncherOutput(dir);
            throw failure;
        } finally {
            Browser.deleteTree(dir);
        }
    }

    /** The launcher's output next to the screenshots the extension saves of a failure. */
    private void keepLauncherOutput(Path dir) throws IOException {
        Files.createDirectories(E2EExtension.failureDir());
        Files.writeString(E2EExtension.failureDir().resolve(getClass().getSimpleName() + ".launcher.log"),
                "app: " + dir + "\n\nstdout:\n" + relive.stdout() + "\n\nstderr:\n" + relive.stderr());
    }

    private static Path copyApp(Path to) throws Exception {
        Path from = Path.of(Issue12TasksAppE2EIT.class.getResource("/tasks-app").toURI());
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /** Runs {@code hvr:install PROJECT} once and waits until the runtime installed the jar from {@code deploy/}. */
    private static void install(LauncherProcess relive, Path project, String bundle) throws Exception {
        String line = relive.run("hvr:install " + project, l -> l.startsWith(bundle + " "), SWAP);
        assertThat(line).contains(bundle + " 1.0.0.SNAPSHOT built and written to");
        relive.waitForOutput(l -> l.startsWith("relive: deploy: started " + bundle + " "), SWAP);
    }

    private void openTasks(String url) {
        browser.open(url);
        watchTab();
    }

    /** Counts the tab's hvr-applied events and marks its document, so that a reload shows. */
    private void watchTab() {
        browser.installHvrProbe();
        browser.js("window.__sameDocument = true");
    }

    /** Types a title into the form as a person does and adds it; waits until the server answered. */
    private void addTask(String title) {
        browser.find("#title").clear();
        browser.find("#title").sendKeys(title);
        browser.waitForText("#draft", title);
        browser.click("#add");
        browser.waitForText("#tasks", t -> t.lines().anyMatch(title::equals), "a line '" + title + "'");
        browser.waitForIdle();
    }

    private void awaitSwaps(String first, String second, long count) {
        for (String tab : List.of(first, second)) {
            browser.switchTo(tab);
            waitLong("hvr-applied number " + count, () -> browser.hvrApplied() >= count);
        }
        // a figure, never a condition: how long this save took to reach the tabs, and where the time went
        System.out.println("Issue12TasksAppE2EIT save " + count + " -> hvr-applied: " + browser.js(
                "var d = window.__reliveHvr.last; return d.ms + ' ms, phases ' + JSON.stringify(d.phases)"));
    }

    private String lastDropped() {
        return String.valueOf(browser.js("return JSON.stringify(window.__reliveHvr.last.dropped)"));
    }

    private void waitLong(String description, Supplier<Boolean> condition) {
        try {
            new WebDriverWait(browser.driver(), SWAP, Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class).until(d -> condition.get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + SWAP.toSeconds() + " s waiting until " + description, e);
        }
    }
}
