package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.launcher.BundleJars;
import dev.relive.launcher.LauncherProcess;

/**
 * {@code /chat} in Chromium on a production runtime with the chat bundle in {@code deploy/}: two tabs see each
 * other's lines and presence; replacing the chat jar mid-conversation keeps each tab's draft, lines and
 * subscription, with no page reload.
 */
@ExtendWith(E2EExtension.class)
class Issue18ChatE2EIT {

    private static final Duration WAIT = Browser.SWAP;

    private final Browser browser;

    @TempDir
    Path dir;

    Issue18ChatE2EIT(Browser browser) {
        this.browser = browser;
    }

    @Test
    void twoTabsTalkAndAJarUpgradeKeepsTheirDrafts() throws Exception {
        Path chatJar = LauncherProcess.thirdParty().resolve("dev.relive.examples.chat.jar");
        Files.createDirectories(dir.resolve("deploy"));
        Files.copy(chatJar, dir.resolve("deploy/chat.jar"));
        try (LauncherProcess relive = LauncherProcess.start(dir)) {
            relive.awaitPage("/chat");
            browser.open(relive.baseUrl() + "chat?room=e2e&name=ada");
            String ada = browser.driver().getWindowHandle();
            String bob = browser.openTab(relive.baseUrl() + "chat?room=e2e&name=bob");

            browser.waitForText("#present ul", t -> t.contains("ada") && t.contains("bob"), "bob sees ada and bob");
            browser.switchTo(ada);
            browser.waitForText("#present ul", t -> t.contains("ada") && t.contains("bob"), "ada sees bob join");

            say("hello bob");
            browser.switchTo(bob);
            browser.waitForText("#messages", t -> t.contains("ada: hello bob"), "bob gets ada's line");
            say("hi ada");
            browser.switchTo(ada);
            browser.waitForText("#messages", t -> t.contains("bob: hi ada"), "ada gets bob's line");

            type("half a thought from ada");
            browser.js("window.notReloaded = true");
            browser.switchTo(bob);
            type("bob is typing");
            browser.js("window.notReloaded = true");

            BundleJars.release(chatJar, dir.resolve("deploy/chat.jar"), "9.0.0");
            String line = relive.waitForLog(l -> l.contains("Live upgrade: dev.relive.examples.chat")
                    && l.contains("carried"), WAIT);
            assertThat(line).contains("-> 9.0.0").contains("2 session(s) carried their state, 0 reloaded");

            for (String tab : new String[] {bob, ada}) {
                browser.switchTo(tab);
                browser.waitForLive();
                assertThat(browser.js("return window.notReloaded === true")).as("no page reload").isEqualTo(true);
                assertThat(browser.text("#messages")).contains("ada: hello bob", "bob: hi ada");
                assertThat(browser.text("#present ul")).contains("ada", "bob");
            }
            browser.switchTo(ada);
            assertThat(browser.property("#draft", "value")).isEqualTo("half a thought from ada");
            browser.switchTo(bob);
            assertThat(browser.property("#draft", "value")).isEqualTo("bob is typing");

            // the subscriptions outlived the old version: a line sent now still reaches the other tab
            browser.find("#send").click();
            browser.switchTo(ada);
            browser.waitForText("#messages", t -> t.contains("bob: bob is typing"), "ada gets bob's line after the upgrade");
            assertThat(browser.property("#draft", "value")).isEqualTo("half a thought from ada");
        }
    }

    private void say(String text) {
        type(text);
        browser.find("#send").click();
        browser.waitForText("#messages", t -> t.contains(text), "the line '" + text + "' in its own tab");
    }

    private void type(String text) {
        browser.find("#draft").clear();
        browser.find("#draft").sendKeys(text);
        browser.waitForIdle();
    }
}
