package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /list} on a stream: rows appended in batches of 1,000 up to 10,000, some deleted, starred and sorted; the
 * browser holds the rows, the server sends only what changed.
 */
@ExtendWith(E2EExtension.class)
class Issue17ListStreamE2EIT {

    private final Browser browser;
    private final LiveServer server;

    Issue17ListStreamE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    private long rows() {
        return browser.jsLong("return document.querySelectorAll('#rows tbody tr').length");
    }

    @Test
    void tenThousandRowsAppendedInBatchesThenSomeDeleted() {
        int mark = browser.console().size();
        browser.open(server.url("/list"));
        browser.waitForLive();
        assertThat(rows()).isEqualTo(500);
        browser.js("window.__first = document.getElementById('row-1')");

        for (int shown = 1_500; shown <= 10_000; shown = Math.min(10_000, shown + 1_000)) {
            browser.click("#more");
            browser.waitForText("#shown-count", String.valueOf(shown));
            browser.waitUntil(shown + " rows", () -> rows() == Long.parseLong(browser.text("#shown-count")));
            if (shown == 10_000) {
                break;
            }
        }
        assertThat(browser.find("#more").getDomAttribute("disabled")).isNotNull();
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) browser.js("return Array.from(document.querySelectorAll('#rows tbody tr'),"
                + " function (tr) { return tr.getAttribute('rl-key'); })");
        assertThat(ids).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo("1");
        assertThat(ids.get(9_999)).isEqualTo("10000");
        // rows already shown stay the same elements while others are appended
        assertThat(browser.js("return window.__first === document.getElementById('row-1')")).isEqualTo(true);

        for (String id : List.of("7", "5000", "9999")) {
            browser.js("document.querySelector(arguments[0]).click()", "#row-" + id + " .delete");
            browser.waitUntil("row " + id + " deleted", () -> !browser.exists("#row-" + id));
        }
        browser.waitForText("#shown-count", "9997");
        assertThat(rows()).isEqualTo(9_997);
        assertThat(browser.exists("#row-8")).isTrue();

        browser.js("document.querySelector('#row-8 .star').click()"); // under the sticky toolbar at this scroll offset
        browser.waitForText("#starred-count", "1");
        assertThat(browser.find("#row-8").getDomAttribute("class")).contains("starred");
        assertThat(rows()).isEqualTo(9_997);

        browser.click("#sort-score");
        browser.waitForText("#sort-state", "score ascending");
        browser.waitForIdle();
        assertThat(rows()).isEqualTo(9_997);
        assertThat(browser.exists("#row-7")).isFalse();
        assertThat(browser.js("return window.__first === document.getElementById('row-1')")).isEqualTo(true);
        assertThat(browser.problemsSince(mark)).isEmpty();
    }

    @Test
    void aFullRenderKeepsTheRowsTheServerForgot() {
        browser.open(server.url("/list"));
        browser.waitForLive();
        browser.click("#more");
        browser.waitForText("#shown-count", "1500");
        browser.waitUntil("1500 rows", () -> rows() == 1_500);
        browser.requestRender();
        browser.waitForIdle();
        assertThat(rows()).isEqualTo(1_500);
        browser.click("#row-3 .delete");
        browser.waitUntil("row 3 deleted", () -> !browser.exists("#row-3"));
        assertThat(rows()).isEqualTo(1_499);
    }
}
