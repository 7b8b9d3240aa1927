package dev.relive.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.relive.test.LivePage;
import dev.relive.test.LiveRuntime;
import dev.relive.test.ReliveTest;

/**
 * The tasks list in a real runtime: inside its layout (which extends the UI kit's), each row a component given its
 * task, telling the list when it deleted it, and the add form validated with the UI kit's field macro. The list is
 * a signed-in user's: each test signs in first.
 */
@ReliveTest(classPathBundles = "dev.relive.examples.uikit")
class Issue15TasksComponentsTest {

    @BeforeAll
    static void user(LiveRuntime relive) {
        relive.addUser("ann", "ann-pw", "user");
    }

    private static LivePage tasks(LiveRuntime relive) {
        return relive.signIn("ann", "ann-pw").mount("/tasks");
    }

    @Test
    void theLayoutFromTwoBundlesWrapsThePageAndItsHeaderFollowsTheStore(LiveRuntime relive) {
        try (LivePage page = tasks(relive)) {
            assertThat(page.has("#kit-header")).isTrue();
            assertThat(page.has("#kit-footer")).as("the UI kit's footer block").isTrue();
            long open = openCount(page);
            assertThat(page.text("#header-open-count")).isEqualTo(open + " open");

            page.fill("#title", "Buy bread").submit("#add");
            assertThat(page.text("#header-open-count")).isEqualTo((open + 1) + " open");
        }
    }

    @Test
    void aRowComponentRendersItsTaskAndUpdatesWhenItsTaskChanges(LiveRuntime relive) {
        try (LivePage page = tasks(relive)) {
            page.fill("#title", "Row under test").submit("#add");
            String row = rowId(page, "Row under test");
            assertThat(page.one("[rl-child=\"" + row + "\"]").attr("rl-view")).endsWith(".TaskRow");
            assertThat(page.one("#" + row).hasClass("done")).isFalse();

            page.click("#" + row + " .toggle");
            assertThat(page.one("#" + row).hasClass("done")).isTrue();
            assertThat(page.one("#" + row + " .toggle").hasAttr("checked")).isTrue();
        }
    }

    @Test
    void aRowThatDeletesItsTaskTellsTheListWhichShowsAFlash(LiveRuntime relive) {
        try (LivePage page = tasks(relive)) {
            page.fill("#title", "Row to delete").submit("#add");
            String row = rowId(page, "Row to delete");
            // the row's message runs the list's onChildMessage in the click's own change: its answer shows both
            page.click("#" + row + " .delete");
            assertThat(page.has("#" + row)).isFalse();
            assertThat(page.text("#rl-flash")).isEqualTo("Task deleted");
        }
    }

    @Test
    void anEmptyTitleIsRefusedNextToItsFieldWhichTakesTheFocusAndKeepsTheText(LiveRuntime relive) {
        try (LivePage page = tasks(relive)) {
            long open = openCount(page);
            page.fill("#title", "   ").submit("#add");
            assertThat(page.text("#title-error")).isEqualTo("A task needs a title.");
            assertThat(page.one("#title").attr("aria-invalid")).isEqualTo("true");
            assertThat(page.one("#title").attr("rl-autofocus")).isEqualTo("title");
            assertThat(page.one("#title").attr("value")).isEqualTo("   ");
            assertThat(openCount(page)).isEqualTo(open);

            // checked again as the user types: the message goes as soon as the title is valid
            page.dispatch("#title", "input", Map.of("value", "Milk"));
            assertThat(page.text("#title-error")).isEmpty();
            assertThat(page.one("#title").hasAttr("rl-autofocus")).isFalse();
            page.dispatch("#title", "input", Map.of("value", "x".repeat(81)));
            assertThat(page.text("#title-error")).isEqualTo("At most 80 characters.");
        }
    }

    private static long openCount(LivePage page) {
        return Long.parseLong(page.text("#open-count").replace(" open", ""));
    }

    private static String rowId(LivePage page, String title) {
        return page.select("#tasks li").stream().filter(li -> li.select(".title").text().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + title + " in " + page.html())).id();
    }
}
