package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code /account} and {@code /tasks} in Chromium, as a person signs in and out: the login page and back, sign-out
 * reaching every tab of the browser, and each user seeing only their own note and tasks (users as {@link LiveServer}
 * configures them).
 */
@ExtendWith(E2EExtension.class)
class Issue16LoginE2EIT {

    private final Browser browser;
    private final LiveServer server;

    Issue16LoginE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
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
        signInOnThePage("alice", "alice-pw");
        browser.waitUntil("back on /account", () -> browser.path().equals("/account"));
        browser.waitForLive();
        assertThat(browser.text("#account-name")).isEqualTo("Alice");
        assertThat(browser.text("#account-roles")).isEqualTo("user");
    }

    @Test
    void signingOutInOneTabSendsTheOtherTabsToTheLoginPage() {
        String first = signIn("alice", "alice-pw");
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
        signIn("alice", "alice-pw");
        saveNote("alice's secret");
        signOut();

        signIn("bert", "bert-pw");
        assertThat(browser.text("#account-name")).isEqualTo("Bert");
        assertThat(browser.text("#note")).isEmpty();
        saveNote("bert's own");
        signOut();

        signIn("alice", "alice-pw");
        assertThat(browser.text("#note")).isEqualTo("alice's secret");
    }

    @Test
    void aUserSeesOnlyTheirOwnTasks() {
        signIn("alice", "alice-pw");
        browser.open(server.url("/tasks"));
        browser.find("#title").sendKeys("Alice's errand");
        browser.click("#add-button");
        browser.waitForText("#tasks", text -> text.contains("Alice's errand"), "Alice's task listed");
        List<WebElement> titles = browser.findAll("#tasks a.title");
        String mine = titles.get(titles.size() - 1).getDomAttribute("href");
        signOut();

        signIn("bert", "bert-pw");
        browser.open(server.url("/tasks"));
        assertThat(browser.text("#tasks")).doesNotContain("Alice's errand");
        browser.driver().get(server.url(mine));
        browser.waitUntil("a page for " + mine, () -> browser.path().equals(mine));
        assertThat(browser.driver().getPageSource()).contains("Not found").doesNotContain("Alice's errand");
        signOut();

        signIn("alice", "alice-pw");
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
