package dev.relive.launcher.e2e;

import static dev.relive.launcher.EditorSaves.edit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * {@code /chart}: a client hook draws the points the view pushes every second into an element the server's patches
 * leave alone; the rest of the page is patched around it and around an HVR swap of the view, a client command's state
 * survives those patches, and the server moves the focus to a refused field.
 */
@ExtendWith(E2EExtension.class)
class Issue17ChartE2EIT {

    private final Browser browser;
    private final LiveServer server;

    Issue17ChartE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    @Test
    void theHookDrawsServerPushesAndKeepsItsCanvasAcrossPatchesOfThePage() {
        int mark = browser.console().size();
        browser.open(server.url("/chart"));
        browser.waitForLive();
        assertThat(browser.js("return document.documentElement.className")).isEqualTo("rl-connected");
        browser.waitUntil("two points drawn", () -> points() >= 2);
        browser.js("window.__canvas = document.querySelector('#chart canvas')");

        WebElement title = browser.find("#title");
        title.clear();
        title.sendKeys("Latency");
        browser.click("#rename");
        browser.waitForText("#chart-title", "Latency");
        browser.clickAndWait("#pause", "#state", "paused");
        browser.clickAndWait("#pause", "#state", "live");
        long last = lastPoint();
        browser.waitUntil("the chart goes on after the patches", () -> lastPoint() >= last + 2);

        assertThat(browser.js("return window.__canvas === document.querySelector('#chart canvas')"))
                .as("the canvas is the same node").isEqualTo(true);
        assertThat(browser.find("#chart canvas").getDomAttribute("data-mounts")).as("mounted once").isEqualTo("1");
        assertThat(Long.parseLong(browser.text("#samples"))).isGreaterThanOrEqualTo(lastPoint() - 1);
        assertThat(browser.problemsSince(mark)).isEmpty();
    }

    @Test
    void theChartKeepsItsCanvasAndGoesOnAcrossAnHvrEditOfTheView() throws Exception {
        try (LiveServer dev = LiveServer.start()) {
            browser.open(dev.url("/chart"));
            browser.waitForLive();
            browser.installHvrProbe();
            browser.waitUntil("two points drawn", () -> points() >= 2);
            browser.js("window.__canvas = document.querySelector('#chart canvas')");
            Path template = dev.source("dev.relive.examples.chart",
                    "src/main/resources/dev/relive/examples/chart/ChartView.peb");
            edit(template, "{{ paused ? \"paused\" : \"live\" }}", "{{ paused ? \"paused\" : \"streaming\" }}");
            browser.waitForSwap("the swap is applied", () -> browser.hvrApplied() >= 1);
            browser.waitForText("#state", "streaming");
            long last = lastPoint();
            browser.waitUntil("the chart goes on after the swap", () -> lastPoint() >= last + 2);
            assertThat(browser.js("return window.__canvas === document.querySelector('#chart canvas')"))
                    .as("the canvas is the same node").isEqualTo(true);
            assertThat(browser.find("#chart canvas").getDomAttribute("data-mounts")).as("mounted once")
                    .isEqualTo("1");
        }
    }

    @Test
    void aMenuOpenedByAClientCommandStaysOpenWhileTheServerPatchesThePage() {
        browser.open(server.url("/chart"));
        browser.waitForLive();
        assertThat(browser.find("#legend").isDisplayed()).isFalse();
        browser.js("const ws = window.Relive.view.socket.ws; const send = ws.send.bind(ws); window.__events = 0;"
                + " ws.send = (data) => { if (JSON.parse(data).type === 'event') window.__events++; send(data); };");
        browser.click("#legend-toggle");
        assertThat(browser.find("#legend").isDisplayed()).isTrue();
        assertThat(browser.jsLong("return window.__events")).as("no round trip").isZero();
        String samples = browser.text("#samples");
        browser.waitForText("#samples", s -> Long.parseLong(s) >= Long.parseLong(samples) + 2, "two more ticks");
        assertThat(browser.find("#legend").isDisplayed()).as("still open after the patches").isTrue();
        assertThat(browser.find("#legend-toggle").getDomAttribute("class")).contains("on");
        browser.click("#legend-toggle");
        assertThat(browser.find("#legend").isDisplayed()).isFalse();
    }

    @Test
    void aRefusedTitleBringsTheFocusBackToTheField() {
        browser.open(server.url("/chart"));
        browser.waitForLive();
        browser.find("#title").clear();
        browser.click("#rename");
        browser.waitForText("#title-error", "A chart needs a title");
        browser.waitUntil("the title field has the focus", () -> "title".equals(browser.focusedId()));
    }

    private long points() {
        String n = browser.find("#chart canvas").getDomAttribute("data-points");
        return n == null ? 0 : Long.parseLong(n);
    }

    private long lastPoint() {
        String n = browser.find("#chart canvas").getDomAttribute("data-last");
        return n == null || n.isEmpty() ? 0 : Long.parseLong(n);
    }
}
