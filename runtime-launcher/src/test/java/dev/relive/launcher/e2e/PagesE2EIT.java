package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * Every example page: listed on {@code /}, linking back to it, going live without a problem in the console; a
 * screenshot of each is left in {@code target/e2e-screenshots/} for a person to look at.
 */
@ExtendWith(E2EExtension.class)
class PagesE2EIT {

    private final Browser browser;
    private final LiveServer server;

    PagesE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    @Test
    void theIndexListsEveryExample() {
        browser.driver().get(server.url("/"));
        List<String> links = browser.findAll("#views a").stream().map(a -> a.getDomAttribute("href")).toList();
        assertThat(links).containsAll(LiveServer.ROUTES);
        assertThat(browser.text("#child-views")).contains("dev.relive.examples.widgets.ClockWidget",
                "dev.relive.examples.dashboard.StatsPanel");
    }

    @Test
    void everyPageGoesLiveAndLinksBackToTheIndex() throws Exception {
        Path shots = E2EExtension.targetDir().resolve("e2e-screenshots");
        for (String route : LiveServer.ROUTES) {
            int mark = browser.console().size();
            browser.open(server.url(route));
            assertThat(browser.exists("meta[name=relive-dev][content=true]")).as("dev page " + route).isTrue();
            WebElement back = browser.find("a[href='/']");
            assertThat(back.isDisplayed()).as("link back on " + route).isTrue();
            browser.screenshot(shots.resolve(route.substring(1).replace('/', '-') + ".png"));
            assertThat(browser.problemsSince(mark)).as("console of " + route).isEmpty();
        }
        browser.open(server.url("/counter"));
        browser.click("a[href='/']");
        browser.waitUntil("the index loads", () -> browser.path().equals("/") && browser.exists("#views"));
    }

    /**
     * With {@code globalThis.reliveDebug} unset, an {@code hvr-applied} frame shows no toast. No code change happens
     * here yet, so the frame is handed to the client directly (as the socket would); the second half checks that the
     * toast is seen when debug is on, so that the first half can fail.
     */
    @Test
    void noHvrToastUnlessDebugIsOn() {
        browser.open(server.url("/counter"));
        browser.waitForHvrClient();
        assertThat(browser.js("return globalThis.reliveDebug")).isNull();
        browser.js("window.__hvrEvents = 0; document.addEventListener('relive:hvr-applied',"
                + " function () { window.__hvrEvents++; })");
        String frame = "{type: 'hvr-applied', view: 'dev.relive.examples.counter.CounterView', version: 2,"
                + " file: 'CounterView.java', ms: 12, bundle: 'dev.relive.examples.counter'}";
        browser.js("window.Relive.view.handleFrame(" + frame + ")");
        // handleFrame ran to its end within that one script: a toast would be on the page already
        assertThat(browser.jsLong("return window.__hvrEvents")).as("the client saw the frame").isEqualTo(1);
        assertThat(browser.exists("[data-relive-toast]")).isFalse();

        browser.recordToasts();
        browser.js("globalThis.reliveDebug = true; window.Relive.view.handleFrame(" + frame + ")");
        browser.waitUntil("the toast shows with reliveDebug", () -> !browser.toasts().isEmpty());
        assertThat(browser.toasts().get(0)).contains("CounterView");
        browser.js("delete globalThis.reliveDebug");
    }
}
