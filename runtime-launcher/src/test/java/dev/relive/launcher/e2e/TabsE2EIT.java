package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** {@code /tabs}: the active tab and the dialog's open state are the view's. */
@ExtendWith(E2EExtension.class)
class TabsE2EIT {

    private final Browser browser;
    private final LiveServer server;

    TabsE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    @Test
    void tabsSwitchThePanel() {
        int mark = browser.console().size();
        browser.open(server.url("/tabs"));
        assertActive("a", "Overview");
        browser.click("#tab-b");
        browser.waitForText("#panel-heading", "Recent activity");
        assertActive("b", "Activity");
        browser.click("#tab-c");
        browser.waitForText("#panel-heading", "Settings");
        assertActive("c", "Settings");
        browser.waitForText("#switches", "2");
        browser.click("#tab-c"); // already active: nothing changes
        browser.waitForIdle();
        assertThat(browser.text("#switches")).isEqualTo("2");
        assertThat(browser.problemsSince(mark)).isEmpty();
    }

    private void assertActive(String id, String label) {
        for (String t : new String[] { "a", "b", "c" }) {
            String cls = browser.find("#tab-" + t).getDomAttribute("class");
            if (t.equals(id)) {
                assertThat(cls).as("tab-" + t).contains("active");
                assertThat(browser.find("#tab-" + t).getDomAttribute("aria-selected")).isEqualTo("true");
            } else {
                assertThat(cls).as("tab-" + t).doesNotContain("active");
            }
        }
        assertThat(browser.find("#panel").getDomAttribute("data-tab")).isEqualTo(id);
        browser.waitUntil("the title names tab " + label, () -> browser.driver().getTitle().equals("Tabs: " + label));
    }

    @Test
    void theModalOpensAndClosesThroughTheServer() {
        browser.open(server.url("/tabs"));
        assertThat(browser.find("#modal").isDisplayed()).isFalse();
        browser.click("#tab-b");
        browser.waitForText("#panel-heading", "Recent activity");

        browser.click("#open-modal");
        browser.waitUntil("the dialog shows", () -> browser.find("#modal").isDisplayed());
        assertThat(browser.find("#modal").getDomAttribute("open")).isNotNull();
        assertThat(browser.find("#backdrop").isDisplayed()).isTrue();
        assertThat(browser.text("#modal-tab")).isEqualTo("Activity");
        assertThat(browser.text("#modal-count")).isEqualTo("1");

        browser.click("#close-modal");
        browser.waitUntil("the dialog hides", () -> !browser.find("#modal").isDisplayed());
        assertThat(browser.exists("#backdrop")).isFalse();

        browser.click("#open-modal");
        browser.waitForText("#modal-count", "2");
        browser.waitForIdle();
        browser.find("#close-modal").sendKeys(Keys.ESCAPE);
        browser.waitUntil("Escape closes the dialog", () -> !browser.find("#modal").isDisplayed());

        browser.click("#open-modal");
        browser.waitForText("#modal-count", "3");
        browser.waitForIdle();
        // a click on the backdrop, outside the dialog
        int bottom = (int) browser.jsLong("return window.innerHeight") - 20;
        new Actions(browser.driver()).moveToLocation(20, bottom).click().perform();
        browser.waitUntil("a click outside closes the dialog", () -> !browser.find("#modal").isDisplayed());
        assertThat(browser.find("#tab-b").getDomAttribute("class")).contains("active");
    }
}
