package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.TestFolders;

/**
 * A session's renders take the keyed rows whose markup did not change from its last tree instead of parsing them: in
 * Chromium, renames and a reverse of the test view {@code /test/list} show the rows the view holds, in its order,
 * what was typed into a row's field stays with the row, and a full render of the server's page changes nothing on
 * the page the patches made. On a production runtime of its own.
 */
@ExtendWith(E2EExtension.class)
class Issue13ReusedRowsE2EIT {

    private static final int ROWS = 30;
    private static LauncherProcess relive;
    private static Path dir;
    private final Browser browser;

    Issue13ReusedRowsE2EIT(Browser browser) {
        this.browser = browser;
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("relive-reused-rows");
        LauncherProcess.deployTestViews(dir);
        relive = LauncherProcess.start(dir);
        relive.awaitPage("/test/list");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            relive.close();
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    @Test
    void issue13RenamesAndAReverseShowTheViewsRowsAndKeepWhatWasTyped() {
        browser.open(relive.baseUrl() + "test/list?fields&rows=" + ROWS);
        browser.waitForLive();
        browser.find("#row-3 input").sendKeys("typed in row 3");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            expected.add(i + " row " + i);
        }

        // the new labels are as long as the old ("row 5", "row 22"): only the markup's fingerprint tells them apart
        browser.click("#rename-5");
        browser.waitForText("#row-5 td:nth-child(2)", "five!");
        expected.set(5, "5 five!");
        assertThat(rows()).isEqualTo(expected);

        browser.click("#reverse");
        browser.waitForText("tbody tr:first-child td:first-child", String.valueOf(ROWS - 1));
        Collections.reverse(expected);
        assertThat(rows()).isEqualTo(expected);

        browser.click("#rename-7"); // the eighth row now: id 22
        browser.waitForText("#row-22 td:nth-child(2)", "seven!");
        expected.set(7, "22 seven!");
        assertThat(rows()).isEqualTo(expected);

        assertThat(browser.property("#row-3 input", "value")).isEqualTo("typed in row 3");
        String patched = (String) browser.js("return document.querySelector('tbody').innerHTML");
        browser.requestRender();
        assertThat(browser.js("return document.querySelector('tbody').innerHTML"))
                .as("a full render of the server's page changes nothing").isEqualTo(patched);
        assertThat(browser.property("#row-3 input", "value")).isEqualTo("typed in row 3");
    }

    private List<String> rows() {
        browser.waitForIdle();
        List<String> rows = new ArrayList<>();
        browser.findAll("tbody tr").forEach(tr -> rows.add(tr.getText().strip()));
        return rows;
    }
}
