package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runtime is killed and started again while a page is open: the browser reconnects, mounts again (the page's
 * token is still valid: its key survives restarts) and puts back what the user had typed.
 */
@ExtendWith(E2EExtension.class)
class RestartE2EIT {

    private final Browser browser;

    RestartE2EIT(Browser browser) {
        this.browser = browser;
    }

    @Test
    void afterAKillAndRestartThePageReconnectsWithTheTypedValues() throws Exception {
        LiveServer server = LiveServer.start();
        try {
            browser.open(server.url("/counter"));
            browser.waitForLive();
            browser.clickAndWait("#inc", "#count", "1");
            browser.find("#note").sendKeys("typed before the crash");
            browser.js("window.__samePage = true");

            server = server.killAndRestart();

            awaitLiveAgain();
            assertThat(browser.js("return window.__samePage")).as("no page load").isEqualTo(true);
            assertThat(browser.property("#note", "value")).isEqualTo("typed before the crash");
            browser.clickAndWait("#inc", "#count", "1"); // a fresh server-side view, and it answers
        } finally {
            server.close();
        }
    }

    @Test
    void issue13AfterARestartTheFreshViewIsGivenTheValuesItsFieldsHadSent() throws Exception {
        LiveServer server = LiveServer.start();
        try {
            browser.open(server.url("/form"));
            browser.waitForLive();
            browser.find("#name").sendKeys("Ada Lovelace");
            browser.waitForText("#name-msg", "Nice to meet you, Ada Lovelace!");
            browser.find("#bio").sendKeys("Analyst");
            browser.waitForText("#bio-msg", t -> t.startsWith("7 / "), "the bio's length");
            browser.js("window.__samePage = true");

            server = server.killAndRestart();

            awaitLiveAgain();
            assertThat(browser.js("return window.__samePage")).as("no page load").isEqualTo(true);
            // the server's fresh view had neither value: the page sent them again, and the view answers with them
            browser.waitForText("#name-msg", "Nice to meet you, Ada Lovelace!");
            browser.waitForText("#bio-msg", t -> t.startsWith("7 / "), "the bio's length, from the fresh view");
            assertThat(browser.property("#name", "value")).isEqualTo("Ada Lovelace");
            assertThat(browser.property("#bio", "value")).isEqualTo("Analyst");
        } finally {
            server.close();
        }
    }

    /** The client notices the dropped socket, then reconnects with backoff and mounts again. */
    private void awaitLiveAgain() {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while ("open".equals(browser.js("return window.Relive.state")) && System.nanoTime() < deadline) {
            browser.pause(20);
        }
        browser.waitForLive();
    }
}
