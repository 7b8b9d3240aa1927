package dev.relive.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The harness against real views: the test views and three of the examples, in one runtime for the class. */
@ReliveTest(classPathBundles = { "dev.relive.examples.uikit", "dev.relive.testlib", "dev.relive.testviews", "dev.relive.examples.form",
        "dev.relive.examples.tabs", "dev.relive.examples.widgets", "dev.relive.examples.dashboard" }, dev = true)
class LivePageTest {

    @Test
    void everyBundleStarts(LiveRuntime relive) {
        assertThat(relive.inactiveBundles()).isEmpty();
    }

    @Test
    void clickWithValuesAndTitle(LiveRuntime relive) {
        try (LivePage page = relive.mount("/tabs")) {
            assertThat(page.title()).isEqualTo("Tabs: Overview");

            page.click("#tab-b");
            page.dispatch("#tab-b", "click", Map.of());

            assertThat(page.one("#tab-b").hasClass("active")).isTrue();
            assertThat(page.text("#switches")).isEqualTo("1");
            assertThat(page.title()).isEqualTo("Tabs: Activity");

            page.dispatch("#tab-c", "click", Map.of("tab", "a"));

            assertThat(page.title()).as("params given win over rl-value-*").isEqualTo("Tabs: Overview");
        }
    }

    @Test
    void keyEventsFollowTheKeyFilter(LiveRuntime relive) {
        try (LivePage page = relive.mount("/tabs")) {
            page.click("#open-modal");
            assertThat(page.one("#modal").hasAttr("open")).isTrue();

            page.keydown("#modal", "Enter");
            assertThat(page.one("#modal").hasAttr("open")).isTrue();

            page.keydown("#modal", "Escape");
            assertThat(page.one("#modal").hasAttr("open")).isFalse();
        }
    }

    @Test
    void fillChangeAndSubmitAForm(LiveRuntime relive) {
        try (LivePage page = relive.mount("/form")) {
            page.fill("#name", "Ada Lovelace");
            assertThat(page.text("#name-msg")).isEqualTo("Nice to meet you, Ada Lovelace!");

            page.fill("#bio", "Analyst");
            assertThat(page.text("#bio-msg")).startsWith("7 / ");

            page.change("#color", "blue");
            assertThat(page.text("#color-msg")).isEqualTo("Blue it is.");
            page.change("#plan-pro", "true");
            page.change("#agree", "true");
            assertThat(page.one("#agree").hasAttr("checked")).isTrue();

            page.submit("#signup");

            assertThat(page.text("#summary-name")).isEqualTo("Ada Lovelace");
            assertThat(page.text("#summary-plan")).isEqualTo("Pro");
            assertThat(page.text("#summary-color")).isEqualTo("Blue");
            assertThat(page.title()).isEqualTo("Signed up: Ada Lovelace");
        }
    }

    @Test
    void aSubmitButtonSubmitsItsForm(LiveRuntime relive) {
        try (LivePage page = relive.mount("/form")) {
            page.click("#submit");

            assertThat(page.text("#form-msg")).startsWith("Please fix the");
        }
    }

    @Test
    void rawEventsQueryParametersAndMeta(LiveRuntime relive) {
        try (LivePage page = relive.mount("/test/echo?greeting=bonjour")) {
            assertThat(page.text("#greeting")).isEqualTo("bonjour");

            page.event("add", Map.of("amount", 5)).event("tag", Map.of("values", List.of("a", "b")));

            assertThat(page.text("#count")).isEqualTo("5");
            assertThat(page.select("#tags li").eachText()).containsExactly("a", "b");
            assertThat(page.title()).isEqualTo("Echo 5");
            assertThat(page.meta()).containsEntry("description", "count 5");
        }
    }

    @Test
    void anEventThatFailsIsAnErrorFrameAndTheStateStays(LiveRuntime relive) {
        try (LivePage page = relive.mount("/test/echo")) {
            page.event("increment", Map.of());

            LiveError error = page.expectError(() -> page.event("explode", Map.of()));

            assertThat(error.code()).isEqualTo("handler_failed");
            assertThat(error.detail()).contains("boom");
            assertThat(page.text("#count")).isEqualTo("1");
            assertThatThrownBy(() -> page.event("reset", Map.of())).isInstanceOf(LiveError.class)
                    .extracting(e -> ((LiveError) e).code()).isEqualTo("unknown_handler");
        }
    }

    @Test
    void pushesFromOtherThreads(LiveRuntime relive) {
        try (LivePage page = relive.mount("/test/echo")) {
            page.event("later", Map.of("amount", 3));

            page.awaitPush(Duration.ofSeconds(30));

            assertThat(page.text("#count")).isEqualTo("3");
            assertThat(page.pushes()).isEqualTo(1);
        }
    }

    @Test
    void issue13APushAppliedBeforeTheWaitIsTheOneItWaitsFor(LiveRuntime relive) {
        try (LivePage page = relive.mount("/test/echo")) {
            page.event("later", Map.of("amount", 3));
            page.awaitFrame("patch", Duration.ofSeconds(30)); // the push is applied by now

            page.awaitPush(Duration.ofSeconds(30)); // returns at once: it did not wait for a second push

            assertThat(page.text("#count")).isEqualTo("3");
            assertThat(page.pushes()).isEqualTo(1);
        }
    }

    @Test
    void ticks(LiveRuntime relive) {
        try (LivePage page = relive.mount("/test/clock")) {
            int before = Integer.parseInt(page.text("#ticks"));

            page.awaitTicks(3, Duration.ofSeconds(20));

            assertThat(Integer.parseInt(page.text("#ticks"))).isGreaterThanOrEqualTo(before + 3);
        }
    }

    @Test
    void liveNavigationByLinkAndByTheServer(LiveRuntime relive) {
        try (LivePage page = relive.mount("/dashboard")) {
            page.click("#widget-inc");
            assertThat(page.text("#widget-count")).isEqualTo("1");

            page.click("#to-details");

            assertThat(page.url()).isEqualTo("/dashboard/details");
            assertThat(page.title()).isEqualTo("Dashboard details");
            assertThat(page.one("#to-details").hasClass("current")).isTrue();
            assertThat(page.text("#widget-count")).as("a sticky child keeps its state").isEqualTo("1");
        }
        try (LivePage page = relive.mount("/test/echo")) {
            page.event("go", Map.of("to", "/test/list"));

            assertThat(page.navigations()).containsExactly("/test/list");
            assertThat(page.url()).isEqualTo("/test/list");
        }
        try (LivePage page = relive.mount("/test/echo")) {
            page.event("go", Map.of("to", "/tabs"));

            assertThat(page.navigations()).as("the server asked for it").containsExactly("/tabs");
            assertThat(page.redirectedTo()).as("/tabs has a layout, /test/echo none: a page load").contains("/tabs");
        }
    }

    @Test
    void aPageThatFailsToMountFailsTheMount(LiveRuntime relive) {
        assertThatThrownBy(() -> relive.mount("/test/broken")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("500");
    }
}
