package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state a user builds up across the examples ({@link UserState}) survives what the server does to the pages
 * meanwhile. Hot View Replacement steps (edit a view's source in the workspace copy, save, wait for
 * {@code hvr-applied}) go between {@code build()} and {@code assertStateKept()}.
 */
@ExtendWith(E2EExtension.class)
class StateKeptE2EIT {

    private final Browser browser;
    private final LiveServer server;

    StateKeptE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    @Test
    void theStateIsThereAfterBuildingIt() {
        int mark = browser.console().size();
        UserState state = new UserState(browser, server);
        state.build();
        state.assertStateKept();
        assertThat(browser.problemsSince(mark)).isEmpty();
    }

    @Test
    void theStateSurvivesAFullServerRenderOfEveryPage() {
        int mark = browser.console().size();
        UserState state = new UserState(browser, server);
        state.build();
        // what a re-render after new code does to the browser: the whole HTML, morphed in
        state.rerenderEverywhere();
        state.assertStateKept();
        assertThat(browser.problemsSince(mark)).isEmpty();
    }
}
