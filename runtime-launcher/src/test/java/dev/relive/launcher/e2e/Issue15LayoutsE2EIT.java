package dev.relive.launcher.e2e;

import static dev.relive.launcher.EditorSaves.edit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Layouts, templates shared across bundles and components with props, in headless Chromium: the layout's DOM (and
 * what is typed in it) survives live navigation, a row component follows its task, and saving a layout, a partial,
 * a macro of the UI kit bundle or a row component's Java code keeps everything the user typed.
 */
@ExtendWith(E2EExtension.class)
class Issue15LayoutsE2EIT {

    private static final String UIKIT = "dev.relive.examples.uikit";
    private static final String TASKS = "dev.relive.examples.tasks";
    private static final String TASKS_RESOURCES = "src/main/resources/dev/relive/examples/tasks/";

    private final Browser browser;
    private final LiveServer server;

    Issue15LayoutsE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    @Test
    void theLayoutsDomAndWhatIsTypedInItSurviveLiveNavigationBetweenViewsOfThatLayout() {
        browser.open(server.url("/counter"));
        browser.waitForLive();
        browser.find("#kit-search").sendKeys("kept note");
        browser.js("document.getElementById('kit-header').__kept = 'same node'; window.__noPageLoad = true");

        browser.click("#nav-list");
        browser.waitUntil("the list is shown", () -> browser.path().equals("/list") && browser.exists("#filter"));
        browser.waitForLive();
        assertThat(browser.js("return window.__noPageLoad")).as("no page load").isEqualTo(true);
        assertThat(browser.js("return document.getElementById('kit-header').__kept")).isEqualTo("same node");
        assertThat(browser.property("#kit-search", "value")).isEqualTo("kept note");
        assertThat(browser.exists("#count")).as("the counter's part is gone").isFalse();

        // the tasks pages have a layout of their own: going there loads its page, with its head
        server.openSignedIn(browser, "carol", "/tasks");
        browser.waitForLive();
        browser.find("#kit-search").sendKeys("tasks note");
        browser.js("document.getElementById('kit-header').__kept = 'tasks header'; window.__noPageLoad = true");
        browser.click("#tasks li a.title");
        browser.waitUntil("a task is shown", () -> browser.path().startsWith("/tasks/") && browser.exists("#task-title"));
        browser.waitForLive();
        assertThat(browser.js("return window.__noPageLoad")).isEqualTo(true);
        assertThat(browser.js("return document.getElementById('kit-header').__kept")).isEqualTo("tasks header");
        assertThat(browser.property("#kit-search", "value")).isEqualTo("tasks note");
    }

    @Test
    void aRowComponentUpdatesWhenItsTaskChanges() {
        server.openSignedIn(browser, "carol", "/tasks");
        browser.waitForLive();
        browser.find("#title").sendKeys("Row that changes elsewhere");
        browser.click("#add-button");
        String row = browser.waitForText("#tasks", t -> t.contains("Row that changes elsewhere"), "the new row");
        assertThat(row).isNotEmpty();
        String id = (String) browser.js("return Array.from(document.querySelectorAll('#tasks li')).find("
                + "li => li.textContent.includes('Row that changes elsewhere')).id");
        String first = browser.driver().getWindowHandle();

        // another tab toggles the task: the first tab's row is given the changed task and re-renders
        browser.openTab(server.url("/tasks"));
        browser.waitForLive();
        browser.click("#" + id + " .toggle");
        browser.waitUntil("the second tab shows it done", () -> hasClass(id, "done"));

        browser.switchTo(first);
        browser.waitUntil("the first tab's row follows its task", () -> hasClass(id, "done"));
        assertThat(browser.text("#open-count")).isEqualTo(browser.text("#header-open-count"));
    }

    @Test
    void savingALayoutAPartialAMacroOfAnotherBundleAndARowsJavaKeepsWhatIsTyped() throws Exception {
        try (LiveServer dev = LiveServer.start()) {
            dev.openSignedIn(browser, "carol", "/tasks");
            browser.waitForLive();
            browser.installHvrProbe();
            browser.find("#title").sendKeys("half typed");
            browser.find("#kit-search").sendKeys("a note");
            browser.waitForIdle();

            // a layout, in the UI kit bundle
            edit(dev.source(UIKIT, "src/main/resources/templates/layout.peb"), "Relive examples</footer>",
                    "Relive examples, edited</footer>");
            awaitApplied(1);
            assertThat(browser.text("#kit-footer")).isEqualTo("Relive examples, edited");
            assertTyped();

            // a partial of the tasks bundle
            edit(dev.source(TASKS, TASKS_RESOURCES + "filters.peb"), "<nav class=\"filters\" id=\"filters\">",
                    "<nav class=\"filters\" id=\"filters\"><span id=\"filters-label\">Show:</span>");
            awaitApplied(2);
            assertThat(browser.text("#filters-label")).isEqualTo("Show:");
            assertTyped();

            // a macro of the UI kit bundle, imported by the tasks view
            edit(dev.source(UIKIT, "src/main/resources/templates/forms.peb"), "<label for=\"{{ name }}\">{{ label }}</label>",
                    "<label for=\"{{ name }}\" class=\"edited\">{{ label }}</label>");
            awaitApplied(3);
            assertThat(browser.exists("label.edited[for=title]")).isTrue();
            assertTyped();

            // the row component's Java code: the bundle is rebuilt, parent and rows swap together
            Path row = dev.source(TASKS, "src/main/java/dev/relive/examples/tasks/TaskRow.java");
            edit(row, "return task.title();", "return task.title() + \" (hot)\";");
            awaitApplied(4);
            browser.waitForSwap("the rows show the new code",
                    () -> browser.text("#tasks li a.title").endsWith(" (hot)"));
            assertTyped();
        }
    }

    private void awaitApplied(long count) {
        browser.waitForSwap("hvr-applied #" + count, () -> browser.hvrApplied() >= count);
        browser.waitForIdle();
    }

    private void assertTyped() {
        assertThat(browser.property("#title", "value")).isEqualTo("half typed");
        assertThat(browser.property("#kit-search", "value")).isEqualTo("a note");
    }

    private boolean hasClass(String id, String cls) {
        return Boolean.TRUE.equals(browser.js("var e = document.getElementById(arguments[0]);"
                + " return !!e && e.classList.contains(arguments[1]);", id, cls));
    }
}
