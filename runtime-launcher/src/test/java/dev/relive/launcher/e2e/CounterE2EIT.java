package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** {@code /counter} in a real browser: clicks patch the count, and never disturb what the user types. */
@ExtendWith(E2EExtension.class)
class CounterE2EIT {

    private final Browser browser;
    private final LiveServer server;

    CounterE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    @Test
    void clicksUpdateTheCountAndTheTitle() {
        int mark = browser.console().size();
        browser.open(server.url("/counter"));
        assertThat(browser.text("#count")).isEqualTo("0");
        browser.clickAndWait("#inc", "#count", "1");
        browser.clickAndWait("#inc", "#count", "2");
        browser.clickAndWait("#add5", "#count", "7");
        browser.waitUntil("the title follows the count", () -> browser.driver().getTitle().equals("Counter: 7"));
        assertThat(browser.problemsSince(mark)).isEmpty();
    }

    @Test
    void typingInTheNoteKeepsValueFocusAndCaretWhilePatchesArrive() {
        browser.open(server.url("/counter"));
        WebElement note = browser.find("#note");
        note.sendKeys("hello world");
        note.sendKeys(Keys.HOME);
        for (int i = 0; i < 5; i++) {
            note.sendKeys(Keys.ARROW_RIGHT);
        }
        // clicks by script: the focus stays in the note while the patches of the count arrive
        for (int i = 1; i <= 3; i++) {
            browser.js("document.getElementById('inc').click()");
            browser.waitForText("#count", String.valueOf(i));
            browser.waitForIdle();
        }
        assertThat(browser.focusedId()).isEqualTo("note");
        assertThat(browser.selection("#note")).containsExactly(5L, 5L);
        assertThat(browser.property("#note", "value")).isEqualTo("hello world");
        note.sendKeys(",");
        assertThat(browser.property("#note", "value")).isEqualTo("hello, world");

        // a real click takes the focus; the note keeps its text
        browser.clickAndWait("#inc", "#count", "4");
        assertThat(browser.property("#note", "value")).isEqualTo("hello, world");
    }

    @Test
    void typingFastWhileTheCountChangesLosesNoCharacter() {
        browser.open(server.url("/counter"));
        // a click every 40 ms while the user types: every click is a server patch of the page
        browser.js("window.__clicker = setInterval(function () {"
                + " var b = document.getElementById('inc'); if (!b.disabled) b.click(); }, 40)");
        String typed = "The quick brown fox jumps over the lazy dog";
        try {
            browser.find("#note").sendKeys(typed);
        } finally {
            browser.js("clearInterval(window.__clicker)");
        }
        browser.waitForIdle();
        assertThat(Integer.parseInt(browser.text("#count"))).isPositive();
        assertThat(browser.property("#note", "value")).isEqualTo(typed);
        assertThat(browser.selection("#note")).containsExactly((long) typed.length(), (long) typed.length());
    }
}
