package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The state a user builds up in the examples, one browser tab per page, and the check that all of it is still there.
 * Hot View Replacement must keep it: a test calls {@link #build()}, changes the code (edits and saves a view's source
 * in {@link LiveServer#workspace()}), waits for the new code to be live, then calls {@link #assertStateKept()}.
 *
 * <ul>
 * <li>{@code /counter}: count clicked to 5, text typed into the unbound note;</li>
 * <li>{@code /form}: every field filled, the validation messages showing, and the caret in the name field after its
 * third character ({@link #CARET}), with the focus;</li>
 * <li>{@code /list}: one row starred, the window scrolled halfway down;</li>
 * <li>{@code /tabs}: the second tab active and the modal dialog open;</li>
 * <li>{@code /dashboard}: the stats child view with 3 samples, the sticky clock widget clicked twice.</li>
 * </ul>
 */
public final class UserState {

    public static final String NOTE = "remember the milk";
    public static final String NAME = "Ada Lovelace";
    public static final String BIO = "Wrote the first program.";
    /** Where the caret stays in the name field: after "Ada". */
    public static final int CARET = 3;
    public static final int COUNT = 5;
    public static final int SAMPLES = 3;
    public static final int WIDGET_CLICKS = 2;

    private final Browser browser;
    private final LiveServer server;
    /** Tab handle per route. */
    private final Map<String, String> tabs = new LinkedHashMap<>();
    private long listScroll;
    private String starredRow;
    private String statsAverage;

    public UserState(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    /** Opens one tab per page and builds the state; the form's tab, with the caret, is built last. */
    public void build() {
        buildCounter();
        buildList();
        buildTabs();
        buildDashboard();
        buildForm();
    }

    /** The tab handle of {@code route}, after {@link #build()}. */
    public String tab(String route) {
        return tabs.get(route);
    }

    public Map<String, String> tabs() {
        return Map.copyOf(tabs);
    }

    private void openTab(String route) {
        String current = browser.driver().getCurrentUrl();
        String handle;
        if (tabs.isEmpty() && (current.equals("about:blank") || current.startsWith("data:"))) {
            browser.open(server.url(route));
            handle = browser.driver().getWindowHandle();
        } else {
            handle = browser.openTab(server.url(route));
        }
        browser.installHvrProbe();
        tabs.put(route, handle);
    }

    /** Waits until the page of {@code route} has seen {@code count} {@code relive:hvr-applied} events in all. */
    public void awaitHvrApplied(String route, long count) {
        browser.switchTo(tabs.get(route));
        browser.waitForSwap(route + " saw " + count + " hvr-applied event(s)", () -> browser.hvrApplied() >= count);
    }

    void buildCounter() {
        openTab("/counter");
        for (int i = 1; i <= COUNT; i++) {
            browser.clickAndWait("#inc", "#count", String.valueOf(i));
        }
        browser.find("#note").sendKeys(NOTE);
    }

    void buildList() {
        openTab("/list");
        browser.js("window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2)");
        browser.waitUntil("the list is scrolled", () -> browser.scrollY() > 1000);
        // the row in the middle of the window
        starredRow = String.valueOf(browser.js("var el = document.elementFromPoint(window.innerWidth / 2,"
                + " window.innerHeight / 2); return el.closest('tr').id"));
        browser.click("#" + starredRow + " .star");
        browser.waitForText("#starred-count", "1");
        browser.waitForIdle();
        listScroll = browser.scrollY();
    }

    void buildTabs() {
        openTab("/tabs");
        browser.click("#tab-b");
        browser.waitForText("#panel-heading", "Recent activity");
        browser.click("#open-modal");
        browser.waitUntil("the dialog is open", () -> browser.find("#modal").isDisplayed());
        browser.waitForIdle();
    }

    void buildDashboard() {
        openTab("/dashboard");
        for (int i = 1; i <= SAMPLES; i++) {
            browser.clickAndWait("#add-sample", "#stats-count", String.valueOf(i));
        }
        for (int i = 1; i <= WIDGET_CLICKS; i++) {
            browser.clickAndWait("#widget-inc", "#widget-count", String.valueOf(i));
        }
        statsAverage = browser.text("#stats-avg");
    }

    void buildForm() {
        openTab("/form");
        browser.find("#name").sendKeys(NAME);
        browser.waitForText("#name-msg", "Nice to meet you, " + NAME + "!");
        browser.find("#bio").sendKeys(BIO);
        browser.waitForText("#bio-msg", BIO.length() + " / 160 characters");
        new Select(browser.find("#color")).selectByValue("green");
        browser.waitForText("#color-msg", "Green it is.");
        browser.click("#plan-team");
        browser.waitForText("#plan-msg", "Team: unlimited projects, a shared workspace.");
        browser.click("#agree");
        browser.waitForText("#agree-msg", "Thank you.");
        browser.waitForIdle();
        // back into the name field, caret after "Ada"
        browser.click("#name");
        browser.find("#name").sendKeys(Keys.END);
        for (int i = NAME.length(); i > CARET; i--) {
            browser.find("#name").sendKeys(Keys.ARROW_LEFT);
        }
        assertThat(browser.selection("#name")).containsExactly((long) CARET, (long) CARET);
    }

    /** Asks every tab's server view for a full render, as HVR's re-render does, and waits for the morphs. */
    public void rerenderEverywhere() {
        for (String handle : tabs.values()) {
            browser.switchTo(handle);
            browser.requestRender();
        }
        browser.switchTo(tabs.get("/form"));
    }

    /** Checks every part of the state in every tab, reporting all differences at once. */
    public void assertStateKept() {
        SoftAssertions soft = new SoftAssertions();

        browser.switchTo(tabs.get("/counter"));
        soft.assertThat(browser.text("#count")).as("counter: count").isEqualTo(String.valueOf(COUNT));
        soft.assertThat(browser.property("#note", "value")).as("counter: note").isEqualTo(NOTE);

        browser.switchTo(tabs.get("/list"));
        soft.assertThat(browser.scrollY()).as("list: scroll offset").isBetween(listScroll - 1, listScroll + 1);
        soft.assertThat(browser.find("#" + starredRow).getDomAttribute("class")).as("list: starred row")
                .contains("starred");
        soft.assertThat(browser.text("#starred-count")).as("list: starred count").isEqualTo("1");
        soft.assertThat(browser.findAll("#rows tbody tr")).as("list: rows").hasSize(500);

        browser.switchTo(tabs.get("/tabs"));
        soft.assertThat(browser.find("#tab-b").getDomAttribute("class")).as("tabs: active tab").contains("active");
        soft.assertThat(browser.text("#panel-heading")).as("tabs: panel").isEqualTo("Recent activity");
        soft.assertThat(browser.find("#modal").isDisplayed()).as("tabs: modal open").isTrue();
        soft.assertThat(browser.text("#modal-count")).as("tabs: modal opened once").isEqualTo("1");

        browser.switchTo(tabs.get("/dashboard"));
        soft.assertThat(browser.text("[rl-child=stats] #stats-count")).as("dashboard: stats samples")
                .isEqualTo(String.valueOf(SAMPLES));
        soft.assertThat(browser.text("#stats-avg")).as("dashboard: stats average").isEqualTo(statsAverage);
        soft.assertThat(browser.text("[rl-child=widget] #widget-count")).as("dashboard: widget clicks")
                .isEqualTo(String.valueOf(WIDGET_CLICKS));
        String time = browser.text("#widget-time");
        browser.waitForText("#widget-time", t -> !t.equals(time), "another time than " + time + " (the clock ticks)");

        for (String handle : tabs.values()) {
            browser.switchTo(handle);
            soft.assertThat(browser.exists("[data-relive-toast]")).as("no HVR toast without reliveDebug in "
                    + browser.path()).isFalse();
        }

        browser.switchTo(tabs.get("/form"));
        soft.assertThat(browser.property("#name", "value")).as("form: name").isEqualTo(NAME);
        soft.assertThat(browser.property("#bio", "value")).as("form: bio").isEqualTo(BIO);
        soft.assertThat(browser.property("#color", "value")).as("form: color").isEqualTo("green");
        soft.assertThat(browser.property("#agree", "checked")).as("form: agree").isEqualTo("true");
        soft.assertThat(browser.property("#plan-team", "checked")).as("form: plan").isEqualTo("true");
        soft.assertThat(List.of(browser.text("#name-msg"), browser.text("#color-msg"), browser.text("#plan-msg"),
                browser.text("#agree-msg"))).as("form: messages").containsExactly("Nice to meet you, " + NAME + "!",
                        "Green it is.", "Team: unlimited projects, a shared workspace.", "Thank you.");
        soft.assertThat(browser.focusedId()).as("form: focus").isEqualTo("name");
        soft.assertThat(browser.selection("#name")).as("form: caret").containsExactly((long) CARET, (long) CARET);

        soft.assertAll();
    }
}
