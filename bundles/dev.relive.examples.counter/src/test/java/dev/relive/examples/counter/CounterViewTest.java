package dev.relive.examples.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.relive.test.LiveError;
import dev.relive.test.LivePage;
import dev.relive.test.LiveRuntime;
import dev.relive.test.ReliveTest;

/** The counter in a real runtime, inside the examples' layout, driven over its WebSocket as a browser tab would. */
@ReliveTest(classPathBundles = "dev.relive.examples.uikit")
class CounterViewTest {

    @Test
    void clicksCountAndTheTitleFollows(LiveRuntime relive) {
        try (LivePage page = relive.mount("/counter")) {
            assertThat(page.text("#count")).isEqualTo("0");

            page.click("#inc").click("#inc").click("#add5");

            assertThat(page.text("#count")).isEqualTo("7");
            assertThat(page.title()).isEqualTo("Counter: 7");
        }
    }

    @Test
    void eachTabHasItsOwnCount(LiveRuntime relive) {
        try (LivePage first = relive.mount("/counter"); LivePage second = relive.mount("/counter")) {
            first.click("#inc");

            assertThat(first.text("#count")).isEqualTo("1");
            assertThat(second.text("#count")).isEqualTo("0");
        }
    }

    @Test
    void aBadAmountIsRefusedAndTheCountStays(LiveRuntime relive) {
        try (LivePage page = relive.mount("/counter")) {
            page.click("#inc");

            LiveError error = page.expectError(() -> page.event("add", Map.of("amount", "many")));

            assertThat(error.code()).isEqualTo("bad_params");
            assertThat(page.text("#count")).isEqualTo("1");
        }
    }
}
