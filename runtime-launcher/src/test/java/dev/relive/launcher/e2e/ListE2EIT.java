package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * {@code /list}: 500 keyed rows on a stream, sorted and filtered by the server; the window keeps its scroll position.
 */
@ExtendWith(E2EExtension.class)
class ListE2EIT {

    private final Browser browser;
    private final LiveServer server;

    ListE2EIT(Browser browser, LiveServer server) {
        this.browser = browser;
        this.server = server;
    }

    @SuppressWarnings("unchecked")
    private List<String> column(String cls) {
        return (List<String>) browser.js("return Array.from(document.querySelectorAll('#rows tbody td.' + arguments[0]),"
                + " function (td) { return td.textContent; })", cls);
    }

    @Test
    void manyKeyedRowsLongerThanTheWindow() {
        int mark = browser.console().size();
        browser.open(server.url("/list"));
        assertThat(browser.findAll("#rows tbody tr")).hasSizeGreaterThanOrEqualTo(300);
        assertThat(browser.jsLong("return document.querySelectorAll('#rows tbody tr:not([rl-key])').length"))
                .isZero();
        assertThat(browser.jsLong("return document.documentElement.scrollHeight"))
                .isGreaterThan(5 * browser.jsLong("return window.innerHeight"));
        assertThat(browser.text("#shown-count")).isEqualTo("500");
        assertThat(browser.problemsSince(mark)).isEmpty();
    }

    @Test
    void sortingMovesTheRowsInsteadOfRebuildingThem() {
        browser.open(server.url("/list"));
        browser.js("window.__row = document.getElementById('row-42'); window.__row.__mark = 'kept'");

        browser.click("#sort-name");
        browser.waitForText("#sort-state", "name ascending");
        List<String> names = column("name");
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.naturalOrder());
        assertThat(names).hasSize(500).isEqualTo(sorted);

        browser.click("#sort-name");
        browser.waitForText("#sort-state", "name descending");
        List<String> desc = column("name");
        sorted.sort(Comparator.reverseOrder());
        assertThat(desc).isEqualTo(sorted);

        browser.click("#sort-score");
        browser.waitForText("#sort-state", "score ascending");
        List<Integer> scores = column("score").stream().map(Integer::parseInt).toList();
        assertThat(scores).isSorted();

        browser.click("#sort-id");
        browser.waitForText("#sort-state", "id ascending");
        assertThat(column("num").get(0)).isEqualTo("1");
        // the same <tr> element all along: the rows re-sent in order are moved, not re-created (a morph of the row
        // would drop attributes the server did not send, so the mark is a property of the node)
        assertThat(browser.js("return window.__row === document.getElementById('row-42')"
                + " && document.getElementById('row-42').__mark === 'kept'")).isEqualTo(true);
    }

    @Test
    void filteringWhileTyping() {
        browser.open(server.url("/list"));
        WebElement filter = browser.find("#filter");
        filter.sendKeys("lov");
        browser.waitForText("#shown-count", s -> !s.equals("500"), "fewer than 500");
        browser.waitForIdle();
        List<String> names = column("name");
        List<String> cities = column("city");
        assertThat(names).isNotEmpty().hasSize(Integer.parseInt(browser.text("#shown-count")));
        for (int i = 0; i < names.size(); i++) {
            assertThat((names.get(i) + " " + cities.get(i)).toLowerCase(Locale.ROOT)).contains("lov");
        }
        assertThat(browser.property("#filter", "value")).isEqualTo("lov");
        assertThat(browser.focusedId()).isEqualTo("filter");

        filter.sendKeys("zzz");
        browser.waitForText("#shown-count", "0");
        assertThat(browser.text("#no-rows")).contains("lovzzz");

        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        browser.waitForText("#shown-count", "500");
        assertThat(browser.exists("#no-rows")).isFalse();
        assertThat(browser.findAll("#rows tbody tr")).hasSize(500);
    }

    @Test
    void theScrollPositionSurvivesServerPatches() {
        browser.open(server.url("/list"));
        browser.js("window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2)");
        browser.waitUntil("the list is scrolled", () -> browser.scrollY() > 1000);
        long scroll = browser.scrollY();
        String row = String.valueOf(browser.js("return document.elementFromPoint(window.innerWidth / 2,"
                + " window.innerHeight / 2).closest('tr').id"));

        // a patch inside the visible rows
        browser.click("#" + row + " .star");
        browser.waitForText("#starred-count", "1");
        browser.waitForIdle();
        assertThat(browser.find("#" + row).getDomAttribute("class")).contains("starred");
        assertThat(browser.scrollY()).isBetween(scroll - 1, scroll + 1);

        // a patch that moves every row (the toolbar is sticky: its buttons are in view)
        browser.click("#sort-score");
        browser.waitForText("#sort-state", "score ascending");
        browser.waitForIdle();
        assertThat(browser.scrollY()).isBetween(scroll - 1, scroll + 1);
        browser.click("#sort-id");
        browser.waitForText("#sort-state", "id ascending");
        browser.waitForIdle();
        assertThat(browser.scrollY()).isBetween(scroll - 1, scroll + 1);
        assertThat(browser.js("return document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2)"
                + ".closest('tr').id")).isEqualTo(row);
    }
}
