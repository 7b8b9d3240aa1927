package dev.relive.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.relive.test.LiveBrowser;
import dev.relive.test.LivePage;
import dev.relive.test.LiveRuntime;
import dev.relive.test.ReliveTest;

/** The tasks list is each signed-in user's own: refused to visitors, and one user's tasks never shown to another. */
@ReliveTest(classPathBundles = "dev.relive.examples.uikit")
class Issue16TasksOwnersTest {

    @BeforeAll
    static void users(LiveRuntime relive) {
        relive.addUser("ivy", "ivy-pw", "user");
        relive.addUser("joe", "joe-pw", "user");
    }

    @Test
    void aVisitorIsSentToTheLoginPage(LiveRuntime relive) {
        assertThatThrownBy(() -> relive.mount("/tasks")).hasMessageContaining("answered 303 (to /login");
    }

    @Test
    void twoUsersEachSeeAndChangeOnlyTheirOwnTasks(LiveRuntime relive) {
        LiveBrowser ivy = relive.signIn("ivy", "ivy-pw");
        LiveBrowser joe = relive.signIn("joe", "joe-pw");
        try (LivePage ivys = ivy.mount("/tasks"); LivePage joes = joe.mount("/tasks")) {
            ivys.fill("#title", "Ivy's errand").submit("#add");
            joes.fill("#title", "Joe's errand").submit("#add");

            assertThat(titles(ivys)).contains("Ivy's errand").doesNotContain("Joe's errand");
            assertThat(titles(joes)).contains("Joe's errand").doesNotContain("Ivy's errand");
        }
        try (LivePage again = joe.mount("/tasks")) {
            assertThat(titles(again)).contains("Joe's errand").doesNotContain("Ivy's errand");
        }
    }

    private static List<String> titles(LivePage page) {
        return page.select("#tasks li .title").eachText();
    }
}
