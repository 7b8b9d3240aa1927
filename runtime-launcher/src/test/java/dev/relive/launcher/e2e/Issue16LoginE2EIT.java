package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.relive.runtime.internal.auth.PasswordHash;

/**
 * {@code /account} and {@code /tasks} in Chromium, as a person signs in and out: the login page and back, sign-out
 * reaching every tab of the browser, and each user seeing only their own note and tasks. Two users are configured by dropping {@code .cfg} files
 * into the running runtime's deploy folder.
 */
@ExtendWith(E2EExtension.class)
class Issue16LoginE2EIT {

    private final Browser browser;
    private final LiveServer server;

    Issue16LoginE2EIT(Browser browser, LiveServer server) throws Exception {
        this.browser = browser;
        this.server = server;
        for (String[] user : new String[][] {{"alice", "Alice", "alice-password"}, {"bert", "Bert", "bert-pw"}}) {
            var file = server.deployDir().resolve("dev.relive.users-" + user[0] + ".cfg");
            if (!Files.exists(file)) {
                Files.writeString(file, "name=" + user[0] + "\ndisplay_name=" + user[1] + "\nroles=user\n"
                        + "password_hash=" + PasswordHash.of(user[2].toCharArray()) + "\n");
            }
            server.launcher().waitForLog(line -> line.contains("User " + user[0] + " configured"),
                    Duration.ofSeconds(30));
        }
        forgetTheSession();
    }

    /** A browser without cookies, as at its first visit (the browser is shared with other tests). */
    @AfterEach
    void forgetTheSession() {
        browser.reset();
        browser.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void anAnonymousVisitGoesToTheLoginPageAndBackAfterSigningIn() {
        browser.driver().get(server.url("/account"));
        browser.waitUntil("the login page", () -> browser.path().equals("/login"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login?next=%2Faccount");
        signInOnThePage("alice", "alice-password");
        browser.waitUntil("back on /account", () -> browser.path().equals("/account"));
        browser.waitForLive();
        assertThat(browser.text("#account-name")).isEqualTo("Alice");
        assertThat(browser.text("#account-roles")).isEqualTo("user");
    }

    @Test
    void signingOutInOneTabSendsTheOtherTabsToTheLoginPage() {
        String first = signIn("alice", "alice-password");
        String second = browser.openTab(server.url("/account"));
        String third = browser.openTab(server.url("/counter"));
        browser.switchTo(first);
        browser.click("#logout");
        browser.waitUntil("the login page in the first tab", () -> browser.path().equals("/login"));
        browser.switchTo(second);
        browser.waitUntil("the login page in the second tab", () -> browser.path().equals("/login"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login?next=%2Faccount");
        browser.switchTo(third);
        browser.waitUntil("the login page in the third tab, on a public page",
                () -> browser.path().equals("/login"));
        browser.driver().get(server.url("/account"));
        browser.waitUntil("signed out for good", () -> browser.path().equals("/login"));
    }

    @Test
    void aUserSeesOnlyTheirOwnNote() {
        signIn("alice", "alice-password");
        saveNote("alice's secret");
        signOut();

        signIn("bert", "bert-pw");
        assertThat(browser.text("#account-name")).isEqualTo("Bert");
        assertThat(browser.text("#note")).isEmpty();
        saveNote("bert's own");
        signOut();

        signIn("alice", "alice-password");
        assertThat(browser.text("#note")).isEqualTo("alice's secret");
    }

    @Test
    void aUserSeesOnlyTheirOwnTasks() {
        signIn("alice", "alice-password");
        browser.open(server.url("/tasks"));
        browser.find("#title").sendKeys("Alice's errand");
        browser.click("#add-button");
        browser.waitForText("#tasks", text -> text.contains("Alice's errand"), "Alice's task listed");
        String mine = browser.find("#tasks a.title").getDomAttribute("href");
        signOut();

        signIn("bert", "bert-pw");
        browser.open(server.url("/tasks"));
        assertThat(browser.text("#tasks")).doesNotContain("Alice's errand");
        browser.driver().get(server.url(mine));
        browser.waitUntil("a page for " + mine, () -> browser.path().equals(mine));
        assertThat(browser.driver().getPageSource()).contains("Not found").doesNotContain("Alice's errand");
        signOut();

        signIn("alice", "alice-password");
        browser.open(server.url(mine));
        assertThat(browser.driver().getPageSource()).contains("Alice's errand");
    }

    /** Signs in through {@code /account}; returns the handle of the tab, which shows the live account page. */
    private String signIn(String name, String password) {
        browser.driver().get(server.url("/login?next=%2Faccount"));
        signInOnThePage(name, password);
        browser.waitUntil("signed in as " + name, () -> browser.path().equals("/account"));
        browser.waitForLive();
        return browser.driver().getWindowHandle();
    }

    private void signInOnThePage(String name, String password) {
        browser.driver().findElement(By.id("login-name")).sendKeys(name);
        browser.driver().findElement(By.id("login-password")).sendKeys(password);
        browser.driver().findElement(By.id("login-submit")).click();
    }

    private void signOut() {
        if (!browser.path().equals("/account")) {
            browser.open(server.url("/account"));
        }
        browser.click("#logout");
        browser.waitUntil("the login page", () -> browser.path().equals("/login"));
    }

    private void saveNote(String text) {
        WebElement input = browser.find("#note-input");
        input.clear();
        input.sendKeys(text);
        browser.click("#note-save");
        browser.waitForText("#note", text);
    }
}
