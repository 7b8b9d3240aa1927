package dev.relive.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.relive.test.LiveBrowser;
import dev.relive.test.LivePage;
import dev.relive.test.LiveRuntime;
import dev.relive.test.ReliveTest;

/**
 * The view test harness does what a browser does with the tasks app's form: a field bound with {@code rl-model} and checked
 * with {@code rl-input} as the user types gets both; a page whose view answers 404 fails the mount with it.
 */
@ReliveTest(classPathBundles = "dev.relive.examples.uikit")
class Issue13TasksHarnessTest {

    @BeforeAll
    static void users(LiveRuntime relive) {
        relive.addUser("ann", "ann-pw", "user");
    }

    @Test
    void typingIntoABoundFieldAlsoRunsItsCheck(LiveRuntime relive) {
        try (LivePage page = relive.signIn("ann", "ann-pw").mount("/tasks")) {
            page.fill("#title", "x".repeat(85));
            assertThat(page.text("#title-error")).isEqualTo("At most 80 characters.");
            assertThat(page.one("#title").attr("aria-invalid")).isEqualTo("true");

            page.fill("#title", "Buy bread");
            assertThat(page.text("#title-error")).isEmpty();
        }
    }

    @Test
    void aTaskThatIsNotThereIsTheViewsOwn404(LiveRuntime relive) {
        LiveBrowser ann = relive.signIn("ann", "ann-pw");
        assertThatThrownBy(() -> ann.mount("/tasks/999999")).hasMessageContaining("answered 404")
                .hasMessageContaining("Nothing at /tasks/999999");
        assertThatThrownBy(() -> ann.mount("/tasks/not-a-number")).hasMessageContaining("answered 404");
    }
}
