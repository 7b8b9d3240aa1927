package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** {@code /form}: the server validates while the user types, and the submit shows a summary. */
@ExtendWith(E2EExtension.class)
class FormE2EIT {

    private final Browser browser;
    private final LiveServer server;

    FormE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    @Test
    void validationMessagesFollowTheFieldsWhileTyping() {
        int mark = browser.console().size();
        browser.open(server.url("/form"));
        for (String msg : new String[] { "#name-msg", "#color-msg", "#plan-msg", "#agree-msg" }) {
            assertThat(browser.text(msg)).as(msg).isEmpty();
        }
        assertThat(browser.text("#bio-msg")).isEqualTo("0 / 160 characters");

        WebElement name = browser.find("#name");
        name.sendKeys("A");
        browser.waitForText("#name-msg", "At least 2 characters, please.");
        assertThat(browser.find("#name-msg").getDomAttribute("class")).contains("error");
        assertThat(browser.find("#name").getDomAttribute("class")).contains("invalid");
        name.sendKeys("da");
        browser.waitForText("#name-msg", "Nice to meet you, Ada!");
        assertThat(browser.find("#name-msg").getDomAttribute("class")).contains("ok");
        name.sendKeys("7");
        browser.waitForText("#name-msg", "Letters, spaces, dots, apostrophes and hyphens only.");
        name.sendKeys(Keys.BACK_SPACE);
        browser.waitForText("#name-msg", "Nice to meet you, Ada!");
        assertThat(browser.property("#name", "value")).isEqualTo("Ada");
        assertThat(browser.focusedId()).isEqualTo("name");
        assertThat(browser.selection("#name")).containsExactly(3L, 3L);

        WebElement bio = browser.find("#bio");
        bio.sendKeys("Poet of science.");
        browser.waitForText("#bio-msg", "16 / 160 characters");
        bio.sendKeys("x".repeat(150));
        browser.waitForText("#bio-msg", "Too long by 6 characters.");
        assertThat(browser.find("#bio-msg").getDomAttribute("class")).contains("error");
        for (int i = 0; i < 6; i++) {
            bio.sendKeys(Keys.BACK_SPACE);
        }
        browser.waitForText("#bio-msg", "160 / 160 characters");

        new Select(browser.find("#color")).selectByValue("blue");
        browser.waitForText("#color-msg", "Blue it is.");
        new Select(browser.find("#color")).selectByValue("");
        browser.waitForText("#color-msg", "Pick a color.");

        browser.click("#plan-pro");
        browser.waitForText("#plan-msg", "Pro: 10 projects, e-mail support.");
        browser.click("#plan-free");
        browser.waitForText("#plan-msg", "Free: 1 project, community support.");

        browser.click("#agree");
        browser.waitForText("#agree-msg", "Thank you.");
        browser.click("#agree");
        browser.waitForText("#agree-msg", "You need to accept the terms to sign up.");
        browser.waitForIdle();
        assertThat(browser.problemsSince(mark)).isEmpty();
    }

    @Test
    void submitShowsTheErrorsThenTheSummary() {
        browser.open(server.url("/form"));
        browser.click("#submit");
        browser.waitForText("#form-msg", "Please fix the 4 fields marked in red.");
        assertThat(browser.text("#name-msg")).isEqualTo("Please tell us your name.");
        assertThat(browser.text("#color-msg")).isEqualTo("Pick a color.");
        assertThat(browser.text("#plan-msg")).isEqualTo("Choose a plan.");
        assertThat(browser.text("#agree-msg")).isEqualTo("You need to accept the terms to sign up.");
        assertThat(browser.exists("#summary")).isFalse();

        // filled in quickly: the debounced name goes with the submit
        browser.find("#name").sendKeys("Grace Hopper");
        browser.find("#bio").sendKeys("Found a moth.");
        new Select(browser.find("#color")).selectByValue("purple");
        browser.click("#plan-team");
        browser.click("#agree");
        browser.click("#submit");
        browser.waitForText("#summary-name", "Grace Hopper");
        assertThat(browser.text("#summary-bio")).isEqualTo("Found a moth.");
        assertThat(browser.text("#summary-color")).isEqualTo("Purple");
        assertThat(browser.text("#summary-plan")).isEqualTo("Team");
        assertThat(browser.text("#summary-count")).isEqualTo("1");
        assertThat(browser.text("#form-msg")).isEmpty();
        browser.waitUntil("the title names the new user",
                () -> browser.driver().getTitle().equals("Signed up: Grace Hopper"));

        browser.click("#reset");
        browser.waitUntil("the summary goes away", () -> !browser.exists("#summary"));
        browser.waitForProperty("#name", "value", "");
        browser.waitForProperty("#color", "value", "");
        browser.waitForProperty("#bio", "value", "");
        assertThat(browser.text("#bio-msg")).isEqualTo("0 / 160 characters");
        assertThat(browser.property("#agree", "checked")).isEqualTo("false");
        assertThat(browser.property("#plan-team", "checked")).isEqualTo("false");
    }
}
