package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * Issue 15 in Chromium, on the tasks example: the filter lives in the URL and changes without a page load or a
 * remount, back and forward and a reload follow it, unknown tasks give 404, and an edit's flash shows once.
 */
@ExtendWith(E2EExtension.class)
class Issue15RoutesE2EIT {

    private final Browser browser;
    private final LiveServer server;

    Issue15RoutesE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
        signedInAsCarol();
    }

    /** The status of a plain HTTP {@code GET} of {@code path} with the browser's session cookie (carol's). */
    private int status(String path) throws Exception {
        String session = browser.driver().manage().getCookieNamed("relive_session").getValue();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Cookie", "relive_session=" + session).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The tasks are each user's own: these tests are carol's, signed in once for the class. */
    private void signedInAsCarol() {
        browser.driver().get(server.url("/tasks"));
        browser.waitUntil("the tasks or the login page", () -> browser.path().equals("/tasks")
                || browser.path().equals("/login"));
        if (browser.path().equals("/login")) {
            browser.find("#login-name").sendKeys("carol");
            browser.find("#login-password").sendKeys("carol-pw");
            browser.click("#login-submit");
            browser.waitUntil("signed in, on /tasks", () -> browser.path().equals("/tasks"));
        }
    }

    /** Marks the loaded page and counts the view's remounts (mounted frames) from now on. */
    private void markPage() {
        browser.js("window.__sameLoad = true; window.__mounts = 0;"
                + " window.Relive.view.onFrame('mounted', function () { window.__mounts++; });");
    }

    private void assertSamePageAndView() {
        assertThat(browser.js("return window.__sameLoad === true")).as("no page load").isEqualTo(true);
        assertThat(browser.jsLong("return window.__mounts")).as("no remount").isZero();
    }

    private String pathAndQuery() {
        return (String) browser.js("return location.pathname + location.search");
    }

    private void awaitFilter(String filter) {
        browser.waitUntil("the " + filter + " filter is current", () -> browser.find("#filter-" + filter)
                .getDomAttribute("class") != null && browser.find("#filter-" + filter).getDomAttribute("class")
                        .contains("current"));
    }

    @Test
    void theFilterLivesInTheUrlWithoutAPageLoadOrARemountAndHistoryAndReloadFollowIt() {
        int mark = browser.console().size();
        browser.open(server.url("/tasks"));
        // carol's tasks are shared with the other test classes on this server, which may have marked some done
        int doneBefore = browser.findAll("#tasks li.done").size();
        String doneId = browser.find("#tasks li:not(.done)").getDomAttribute("id");
        browser.click("#" + doneId + " .toggle");
        browser.waitUntil("the task is done", () -> browser.exists("#" + doneId + ".done"));
        markPage();
        browser.find("#title").sendKeys("half typed");
        browser.waitForIdle();

        browser.click("#filter-open");
        browser.waitUntil("the URL shows the filter", () -> pathAndQuery().equals("/tasks?filter=open"));
        awaitFilter("open");
        assertThat(browser.exists("#" + doneId)).as("the done task is filtered out").isFalse();
        assertThat(browser.property("#title", "value")).isEqualTo("half typed");
        assertSamePageAndView();

        browser.click("#filter-done");
        browser.waitUntil("the URL shows done", () -> pathAndQuery().equals("/tasks?filter=done"));
        awaitFilter("done");
        assertThat(browser.findAll("#tasks li")).hasSize(doneBefore + 1).allMatch(li -> li.getDomAttribute("class")
                .contains("done"));
        assertThat(browser.exists("#" + doneId)).isTrue();

        browser.driver().navigate().back();
        browser.waitUntil("back to open", () -> pathAndQuery().equals("/tasks?filter=open"));
        awaitFilter("open");
        browser.driver().navigate().back();
        browser.waitUntil("back to all", () -> pathAndQuery().equals("/tasks"));
        awaitFilter("all");
        assertThat(browser.exists("#" + doneId)).isTrue();
        browser.driver().navigate().forward();
        browser.waitUntil("forward to open", () -> pathAndQuery().equals("/tasks?filter=open"));
        awaitFilter("open");
        assertThat(browser.property("#title", "value")).isEqualTo("half typed");
        assertSamePageAndView();

        browser.driver().navigate().refresh();
        browser.waitForLive();
        assertThat(browser.js("return window.__sameLoad === true")).as("a reload is a page load").isEqualTo(false);
        awaitFilter("open");
        assertThat(browser.exists("#" + doneId)).isFalse();
        assertThat(browser.problemsSince(mark)).isEmpty();
    }

    @Test
    void anEmptyTitleIsRefusedNextToTheFieldAndTheTitleCountsOpenTasks() {
        browser.open(server.url("/tasks"));
        String before = browser.driver().getTitle();
        assertThat(before).matches("Tasks \\(\\d+ open\\)");
        browser.find("#title").sendKeys("   ");
        browser.click("#add-button");
        browser.waitForText("#title-error", "A task needs a title.");
        assertThat(browser.property("#title", "value")).isEqualTo("   ");

        browser.find("#title").sendKeys("Buy milk");
        browser.click("#add-button");
        browser.waitUntil("the task is listed", () -> browser.text("#tasks").contains("Buy milk"));
        browser.waitForText("#title-error", "");
        long open = Long.parseLong(before.replaceAll("\\D", ""));
        browser.waitUntil("the title counts the new task",
                () -> browser.driver().getTitle().equals("Tasks (" + (open + 1) + " open)"));
    }

    @Test
    void unknownTasksGive404() throws Exception {
        browser.open(server.url("/tasks"));
        if (browser.findAll("#tasks a.title").isEmpty()) {
            browser.find("#title").sendKeys("One of carol's");
            browser.click("#add-button");
            browser.waitUntil("a task listed", () -> !browser.findAll("#tasks a.title").isEmpty());
        }
        String own = browser.findAll("#tasks a.title").get(0).getDomAttribute("href");
        for (String path : new String[] { "/tasks/abc", "/tasks/999999", own + "/x" }) {
            assertThat(status(path)).as(path).isEqualTo(404);
        }
        assertThat(status(own)).isEqualTo(200);
        assertThat(server.launcher().get(own).statusCode()).as("without carol's cookie").isEqualTo(303);
        browser.driver().get(server.url("/tasks/abc"));
        assertThat(browser.text("h1")).isEqualTo("Not found");

        browser.open(server.url("/tasks"));
        browser.js("window.Relive.view.events.navigate('/tasks/999999')");
        browser.waitUntil("a live navigation to a missing task loads the 404 page",
                () -> browser.exists("h1") && "Not found".equals(browser.text("h1")));
        assertThat(browser.path()).isEqualTo("/tasks/999999");
    }

    @Test
    void issue15EachTaskRowIsAnItemOfTheListItself() {
        browser.open(server.url("/tasks"));
        if (browser.findAll("#tasks a.title").isEmpty()) {
            browser.find("#title").sendKeys("A row of the list");
            browser.click("#add-button");
            browser.waitUntil("a task listed", () -> !browser.findAll("#tasks a.title").isEmpty());
        }
        // the row's template is one <li>: it is the child's element, no <div> between the <ul> and its items
        assertThat(browser.findAll("#tasks > :not(li)")).isEmpty();
        assertThat(browser.findAll("#tasks > li[rl-child] > a.title")).hasSameSizeAs(browser.findAll("#tasks a.title"));
        assertThat(browser.findAll("#tasks > li[rl-child]")).allMatch(li -> li.getDomAttribute("id").startsWith("task-"));
    }

    @Test
    void anEditFlashesTaskSavedOnTheListOnce() {
        browser.open(server.url("/tasks"));
        markPage();
        WebElement link = browser.find("#tasks li:last-child a.title");
        String href = link.getDomAttribute("href");
        link.click();
        browser.waitUntil("the task page shows", () -> browser.path().equals(href) && browser.exists("#task-title"));
        assertThat(browser.exists("#rl-flash")).isFalse();
        WebElement title = browser.find("#task-title");
        title.clear();
        title.sendKeys("Renamed in Chromium");
        browser.click("#save");

        browser.waitUntil("back on the list", () -> browser.path().equals("/tasks") && browser.exists("#tasks"));
        browser.waitForText("#rl-flash", "Task saved");
        assertThat(browser.text("#tasks")).contains("Renamed in Chromium");
        assertThat(browser.js("return window.__sameLoad === true")).as("live navigation, no page load").isEqualTo(true);

        browser.find("#tasks li:last-child a.title").click();
        browser.waitUntil("the task page shows again", () -> browser.path().equals(href));
        browser.waitForText("#task-heading", "Task " + href.substring(href.lastIndexOf('/') + 1));
        assertThat(browser.exists("#rl-flash")).as("the flash went after one navigation").isFalse();
        browser.click("#back");
        browser.waitUntil("the list again", () -> browser.path().equals("/tasks") && browser.exists("#tasks"));
        browser.waitForIdle();
        assertThat(browser.exists("#rl-flash")).isFalse();
    }
}
