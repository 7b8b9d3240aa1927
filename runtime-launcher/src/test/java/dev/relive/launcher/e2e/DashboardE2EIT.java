package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /dashboard}: child views with their own handlers, one from another bundle, ticking, and sticky across a
 * live navigation to {@code /dashboard/details}.
 */
@ExtendWith(E2EExtension.class)
class DashboardE2EIT {

    private final Browser browser;
    private final LiveServer server;

    DashboardE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    @Test
    void childHandlersChangeOnlyTheirOwnView() {
        int mark = browser.console().size();
        browser.open(server.url("/dashboard"));
        assertThat(browser.find("[rl-child=stats]").getDomAttribute("rl-view"))
                .isEqualTo("dev.relive.examples.dashboard.StatsPanel");
        assertThat(browser.find("[rl-child=widget]").getDomAttribute("rl-view"))
                .isEqualTo("dev.relive.examples.widgets.ClockWidget");

        for (int i = 1; i <= 3; i++) {
            browser.clickAndWait("#add-sample", "#stats-count", String.valueOf(i));
        }
        assertThat(browser.findAll("#stats-bars .bar")).hasSize(3);
        assertThat(Integer.parseInt(browser.text("#stats-avg"))).isBetween(40, 300);
        browser.clickAndWait("#widget-inc", "#widget-count", "1");
        assertThat(browser.text("#stats-count")).isEqualTo("3");

        // the parent's own handler re-renders the page around its children: their state stays
        browser.click("#toggle-layout");
        browser.waitUntil("one column", () -> browser.find("#grid").getDomAttribute("class").contains("one"));
        assertThat(browser.text("#stats-count")).isEqualTo("3");
        assertThat(browser.text("#widget-count")).isEqualTo("1");

        browser.clickAndWait("#clear-samples", "#stats-count", "0");
        assertThat(browser.text("#widget-count")).isEqualTo("1");
        browser.waitForIdle();
        assertThat(browser.problemsSince(mark)).isEmpty();
    }

    @Test
    void theWidgetClockTicks() {
        browser.open(server.url("/dashboard"));
        String time = browser.text("#widget-time");
        assertThat(time).matches("\\d\\d:\\d\\d:\\d\\d");
        browser.waitForText("#widget-time", t -> !t.equals(time), "another time than " + time);
        browser.waitForText("#widget-ticks", t -> Integer.parseInt(t) >= 2, "2 s or more");
    }

    @Test
    void theStickyWidgetKeepsItsStateAcrossLiveNavigation() {
        browser.open(server.url("/dashboard"));
        for (int i = 1; i <= 3; i++) {
            browser.clickAndWait("#widget-inc", "#widget-count", String.valueOf(i));
        }
        browser.clickAndWait("#add-sample", "#stats-count", "1");
        browser.waitForText("#widget-ticks", t -> Integer.parseInt(t) >= 1, "1 s or more");
        long ticks = Long.parseLong(browser.text("#widget-ticks"));
        browser.js("window.__samePage = true");

        browser.click("#to-details");
        browser.waitForText("#details-heading", "Details");
        browser.waitForLive();
        assertThat(browser.path()).isEqualTo("/dashboard/details");
        assertThat(browser.js("return window.__samePage === true")).as("no page load").isEqualTo(true);
        assertThat(browser.text("#widget-count")).isEqualTo("3");
        assertThat(Long.parseLong(browser.text("#widget-ticks"))).isGreaterThanOrEqualTo(ticks);
        assertThat(browser.exists("[rl-child=stats]")).isFalse();
        browser.waitUntil("the title follows", () -> browser.driver().getTitle().equals("Dashboard details"));

        // the widget still works on the new page, and still ticks
        browser.clickAndWait("#widget-inc", "#widget-count", "4");
        String time = browser.text("#widget-time");
        browser.waitForText("#widget-time", t -> !t.equals(time), "another time than " + time);

        // back by link: the widget stays, the stats panel (not sticky) is a new one
        browser.click("#to-dashboard");
        browser.waitForText("#stats-count", "0");
        browser.waitForLive();
        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text("#widget-count")).isEqualTo("4");

        // and by the browser's back button (popstate)
        browser.driver().navigate().back();
        browser.waitForText("#details-heading", "Details");
        browser.waitForLive();
        assertThat(browser.text("#widget-count")).isEqualTo("4");
        assertThat(browser.js("return window.__samePage === true")).as("no page load").isEqualTo(true);
    }
}
